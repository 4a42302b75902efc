"""ORI-A archive export: valid against the ORI-A 1.0.1 XSD, with its files, public only."""

import datetime
import hashlib
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from apps.oria import selectors
from apps.oria.export import vergadering_als_ori_a
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    MemoBijlageFactory,
    MemoFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
)
from tests.schemathesis_spec import standaard_pad

pytestmark = pytest.mark.django_db

ORI_A = "{https://ori-a.nl}"
MDTO = "{https://www.nationaalarchief.nl/mdto}"


@pytest.fixture(scope="module")
def xsd():
    return etree.XMLSchema(etree.parse(str(standaard_pad("ori-a/ORI-A-v1.0.1.xsd"))))


def geldig(xsd, xml: bytes):
    document = etree.fromstring(xml)
    assert xsd.validate(document), xsd.error_log
    return document


def pakket(tmp_path, *args) -> zipfile.ZipFile:
    uitvoer = tmp_path / "pakket.zip"
    call_command("ori_a_exporteren", *args, "--uitvoer", str(uitvoer), verbosity=0, stdout=io.StringIO())
    return zipfile.ZipFile(uitvoer)


def test_the_demo_data_exports_valid_ori_a_with_its_files(tmp_path, xsd, demo_data):
    zf = pakket(tmp_path)
    xmls = [n for n in zf.namelist() if n.endswith("vergadering.ori-a.xml")]
    assert len(xmls) >= 3
    verwezen = set()
    for naam in xmls:
        document = geldig(xsd, zf.read(naam))
        verwezen |= {
            e.text for e in document.iter(f"{ORI_A}verwijzingInformatieobject") for e in e.iter(f"{ORI_A}verwijzingID")
        }
    bestanden = [n for n in zf.namelist() if "/bestanden/" in n and not n.endswith(".mdto.xml")]
    assert bestanden
    for naam in bestanden:
        mdto = etree.fromstring(zf.read(naam + ".mdto.xml"))
        assert (
            mdto.findtext(f"{MDTO}bestand/{MDTO}checksum/{MDTO}checksumWaarde")
            == hashlib.sha256(zf.read(naam)).hexdigest()
        )
        assert int(mdto.findtext(f"{MDTO}bestand/{MDTO}omvang")) == len(zf.read(naam))
        kenmerk = mdto.findtext(
            f"{MDTO}bestand/{MDTO}isRepresentatieVan/{MDTO}verwijzingIdentificatie/{MDTO}identificatieKenmerk"
        )
        assert kenmerk in verwezen
    raad = next(etree.fromstring(zf.read(n)) for n in xmls if "2021-09-30" in n)
    assert [p.findtext(f"{ORI_A}naam") for p in raad.iter(f"{ORI_A}agendapunt")][:2] == [
        "Afhandeling motie raad juli 2020",
        "Investeringsvoorstel Lariks",
    ]
    assert raad.find(f"{ORI_A}besluit/{ORI_A}resultaat") is not None
    assert raad.find(f"{ORI_A}stemming/{ORI_A}heeftBetrekkingOpAgendapunt") is not None


def test_a_generated_sample_exports_valid_ori_a(xsd):
    from apps.schaaldata.generator import schaaldata_genereren

    schaaldata_genereren(besluiten=120, seed=5, peildatum=datetime.date.today(), voortgang=False)
    geexporteerd = 0
    for vergadering in selectors.vergaderingen_in_periode():
        resultaat = vergadering_als_ori_a(vergadering, selectors.vergadering_inhoud(vergadering))
        if resultaat is not None:
            geldig(xsd, resultaat[0])
            geexporteerd += 1
    assert geexporteerd > 5


def test_nothing_hidden_reaches_the_archive_package(tmp_path, xsd):
    vergadering = VergaderingFactory(titel="Openbare raad", datum=datetime.date(2030, 3, 1), status="gehouden")
    punt = AgendapuntFactory(vergadering=vergadering, volgorde=1, titel="Openbaar punt")
    AgendapuntFactory(vergadering=vergadering, volgorde=2, titel="Besloten punt kwartel", besloten=True)
    geheim = MemoFactory(betreft="Geheime memo roerdomp", vertrouwelijk=True)
    concept = MemoFactory(betreft="Concept memo wielewaal", concept=True)
    openbaar = MemoFactory(betreft="Openbare memo")
    MemoBijlageFactory(memo=openbaar, vertrouwelijk=True, titel="Geheime bijlage grutto")
    punt.memos.add(geheim, concept, openbaar)
    punt.raadsvoorstel = RaadsvoorstelFactory(titel="Geheim voorstel zilverreiger", vertrouwelijk=True)
    punt.save()
    BesluitFactory(vergadering=vergadering, agendapunt=punt, titel="Concept besluit houtsnip")
    VergaderingFactory(titel="Besloten vergadering kievit", datum=datetime.date(2030, 3, 2), besloten=True)
    VergaderingFactory(titel="Concept vergadering ijsvogel", datum=datetime.date(2030, 3, 3), concept=True)
    zf = pakket(tmp_path, "--van", "2030-03-01", "--tot", "2030-03-31")
    namen = zf.namelist()
    assert len([n for n in namen if n.endswith(".ori-a.xml")]) == 1
    tekst = b"".join(zf.read(n) for n in namen if n.endswith(".xml")).decode()
    geldig(xsd, zf.read(next(n for n in namen if n.endswith(".ori-a.xml"))))
    assert "Openbaar punt" in tekst and "Openbare memo" in tekst
    for verborgen in ("kwartel", "roerdomp", "wielewaal", "grutto", "zilverreiger", "houtsnip", "kievit", "ijsvogel"):
        assert verborgen not in tekst, verborgen
    assert len([n for n in namen if "/bestanden/" in n and not n.endswith(".mdto.xml")]) == 1  # the public memo


def test_command_errors_are_clear_dutch_messages(tmp_path):
    for args, melding in (
        (["--vergadering", "geen-uuid"], "geen geldige UUID"),
        (["--vergadering", "3a347265-097f-5109-8fdb-e16e6642e4b9"], "bestaat niet of is niet openbaar"),
        (["--van", "30-13-2021"], "geen datum"),
        (["--van", "2021-09-30", "--tot", "2021-01-01"], "voor de begindatum"),
    ):
        with pytest.raises(CommandError, match=melding):
            pakket(tmp_path, *args)


def test_the_griffie_page_exports_a_meeting_or_a_period(griffie_client, raadslid_user, xsd):
    from django.test import Client

    vergadering = VergaderingFactory(datum=datetime.date(2030, 4, 1))
    AgendapuntFactory(vergadering=vergadering, volgorde=1)
    assert Client().get("/griffie/archief/").status_code == 302
    raadslid = Client()
    raadslid.force_login(raadslid_user)
    assert raadslid.get("/griffie/archief/").status_code == 403
    pagina = griffie_client.get("/griffie/archief/")
    assert pagina.status_code == 200 and "Archiefexport" in pagina.content.decode()
    antwoord = griffie_client.post("/griffie/archief/", {"vergadering": vergadering.pk})
    assert antwoord["Content-Type"] == "application/zip"
    zf = zipfile.ZipFile(io.BytesIO(antwoord.content))
    geldig(xsd, zf.read(next(n for n in zf.namelist() if n.endswith(".ori-a.xml"))))
    periode = griffie_client.post("/griffie/archief/", {"van": "01-04-2030", "tot": "30-04-2030"})
    assert periode["Content-Type"] == "application/zip"
    fout = griffie_client.post("/griffie/archief/", {"van": "01-04-2030", "tot": "01-03-2030"})
    assert fout.status_code == 200 and "ligt voor de begindatum" in fout.content.decode()
    leeg = griffie_client.post("/griffie/archief/", {"van": "01-01-1990", "tot": "31-01-1990"})
    assert "geen openbare vergadering" in leeg.content.decode()
    niets = griffie_client.post("/griffie/archief/", {})
    assert "Kies een vergadering" in niets.content.decode()


def test_votes_per_fractie_and_per_present_member(xsd):
    from tests.factories import MotieFactory, RaadslidFactory, aanwezigheid_maken, stemming_maken

    vergadering = VergaderingFactory(datum=datetime.date(2030, 5, 1), status="gehouden")
    punt = AgendapuntFactory(vergadering=vergadering, volgorde=1, titel="Moties")
    besloten = AgendapuntFactory(vergadering=vergadering, volgorde=2, titel="Besloten", besloten=True)
    leden = [RaadslidFactory(persoon__naam="A. de Boer"), RaadslidFactory(persoon__naam="B. Smit"), RaadslidFactory()]
    aanwezig = aanwezigheid_maken(vergadering, leden, afwezig=[leden[2]])
    motie = MotieFactory(vergadering=vergadering, agendapunt=punt)
    stemming = stemming_maken(
        vergadering, keuzes={aanwezig[0]: "voor", aanwezig[1]: "tegen"}, volgorde=1, agendapunt=punt, motie=motie
    )
    geheim = MotieFactory(vergadering=vergadering, agendapunt=besloten)
    verborgen = stemming_maken(vergadering, keuzes={aanwezig[0]: "voor"}, volgorde=2, agendapunt=besloten, motie=geheim)
    xml, _bestanden = vergadering_als_ori_a(vergadering, selectors.vergadering_inhoud(vergadering))
    document = geldig(xsd, xml)
    ids = [e.text for e in document.iter(f"{ORI_A}ID")]
    assert f"stemming-{stemming.uuid}" in ids and f"stemming-{verborgen.uuid}" not in ids
    keuzes = {
        d.findtext(f"{ORI_A}isNatuurlijkPersoon/{ORI_A}naam/{ORI_A}volledigeNaam"): d.findtext(
            f"{ORI_A}neemtDeelAanStemming/{ORI_A}keuzeStemming"
        )
        for d in document.iter(f"{ORI_A}aanwezigeDeelnemer")
    }
    assert keuzes == {"A. de Boer": "Voor", "B. Smit": "Tegen"}
    assert len(document.findall(f"{ORI_A}persoonBuitenVergadering")) == 1
    resultaten = {
        f.findtext(f"{ORI_A}neemtDeelAanStemming/{ORI_A}fractieStemresultaat") for f in document.iter(f"{ORI_A}fractie")
    }
    assert {"Aangenomen", "Verworpen"} <= resultaten
