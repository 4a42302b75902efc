"""The importer's services: documents into concept records, NDJSON snapshots and changes, idempotence, runs,
coverage, and every malformed input giving a Dutch reason while nothing stored is lost."""

import io
import zipfile

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from apps.importeren import selectors, services
from apps.importeren.models import Herkomst, ImportItem, ImportRun, WachtendRecord
from apps.memos.models import Memo
from apps.moties.models import Motie, Stemming
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering
from tests.factories import BesluitFactory, RaadsvoorstelFactory

from . import ndjson
from .conftest import AGENDA, BESLUITENLIJST, MEMO_OIJ, RAADSVOORSTEL, als_docx, als_odt, als_pdf, seed

pytestmark = pytest.mark.django_db


def importeer(*bestanden, door=None):
    return services.documenten_importeren(bestanden=list(bestanden), bronnaam="test", door=door)


def test_pdf_raadsvoorstel_becomes_concept_with_original_as_bijlage(griffie_user):
    pdf = als_pdf(seed(RAADSVOORSTEL))
    run = importeer(("L275141.pdf", pdf), door=griffie_user)
    assert (run.status, run.aangemaakt, run.mislukt) == ("voltooid", 1, 0)
    assert run.gestart_door == griffie_user
    voorstel = Raadsvoorstel.objects.get()
    assert voorstel.status == "concept"
    assert voorstel.zaak.zaaknummer == "L275141"
    assert voorstel.portefeuillehouder.naam == "P.J. Kiel"
    assert voorstel.burgemeester.naam == "G.J. Bouwmeester"
    assert [b.tekst for b in voorstel.beslispunten.all()] == [
        "de regiovisie 'samen werken aan de specialistische jeugdhulp' vast te stellen."
    ]
    bijlage = voorstel.bijlagen.get()
    assert bijlage.mimetype == "application/pdf"
    assert bijlage.bestand.read() == pdf
    item = run.items.get()
    import hashlib

    assert item.checksum == hashlib.sha256(pdf).hexdigest()
    assert item.bestand.read() == pdf
    assert "titel" in item.velden["geimporteerd"] and "beslispunten" in item.velden["geimporteerd"]
    herkomst = item.herkomst
    assert (herkomst.status, herkomst.jaar, herkomst.record) == ("in_portaal", 2021, voorstel)


@pytest.mark.parametrize("maker", [als_docx, als_odt, lambda t: t.encode()])
def test_memo_in_every_format(maker):
    run = importeer(("memo", maker(seed(MEMO_OIJ))))
    assert run.aangemaakt == 1, run.items.get().reden
    memo = Memo.objects.get()
    assert (memo.status, memo.kenmerk, memo.van) == ("concept", "71007", "Wethouder Kuster")


def test_agenda_and_besluitenlijst_become_concept_meetings():
    run = importeer(("agenda.txt", seed(AGENDA).encode()), ("besluitenlijst.txt", BESLUITENLIJST.encode()))
    assert run.aangemaakt == 2
    agenda, lijst = Vergadering.objects.order_by("datum")
    assert agenda.status == lijst.status == "concept"
    assert [p.titel for p in agenda.agendapunten.all()][0] == "Rapport Sociaal Domein"
    punt = lijst.agendapunten.get(titel="Omgevingsvisie 2040")
    assert punt.omschrijving.startswith("Besluit: conform voorstel aangenomen")
    assert lijst.agendapunten.get(volgnummer="4").behandeling == "hamerstuk"


def test_same_file_twice_changes_nothing():
    pdf = als_pdf(seed(RAADSVOORSTEL))
    importeer(("a.pdf", pdf))
    tweede = importeer(("kopie.pdf", pdf))
    assert (tweede.aangemaakt, tweede.overgeslagen) == (0, 1)
    assert Raadsvoorstel.objects.count() == 1
    assert Herkomst.objects.count() == 1


def test_a_parser_defect_on_one_document_fails_only_that_document(monkeypatch):
    from apps.importeren import parsers

    def stuk(tekst):
        raise IndexError("list index out of range")

    monkeypatch.setitem(parsers.PARSERS, "agenda", stuk)
    run = importeer(("agenda.txt", seed(AGENDA).encode()), ("memo.txt", seed(MEMO_OIJ).encode()))
    assert (run.status, run.aangemaakt, run.mislukt) == ("voltooid", 1, 1)
    assert "handmatige invoer" in run.items.get(naam="agenda.txt").reden


def test_a_deleted_record_is_imported_again():
    importeer(("memo.txt", seed(MEMO_OIJ).encode()))
    Memo.objects.get().delete()
    assert importeer(("memo.txt", seed(MEMO_OIJ).encode())).aangemaakt == 1


def test_existing_zaak_with_voorstel_is_reported_and_kept():
    bestaand = RaadsvoorstelFactory(zaak__zaaknummer="L275141")
    run = importeer(("L275141.txt", seed(RAADSVOORSTEL).encode()))
    item = run.items.get()
    assert item.status == "mislukt" and "L275141" in item.reden
    assert item.bestand  # kept for manual entry
    assert Raadsvoorstel.objects.get() == bestaand


def _zip(bestanden: dict) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, data in bestanden.items():
            z.writestr(naam, data)
    return uit.getvalue()


@pytest.mark.parametrize(
    ("naam", "data", "woord"),
    [
        ("afgebroken.pdf", None, "beschadigd"),
        ("scan.pdf", "scan", "scan"),
        ("bom.docx", "bom", "zip-bom"),
        ("leeg.txt", b"", "leeg"),
        ("plaatje.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "niet herkend"),
        ("onbekend.txt", b"Boodschappen\nmelk\nbrood", "niet herkend"),
    ],
)
def test_malformed_documents_give_a_dutch_reason_and_are_kept(naam, data, woord):
    bestaand = RaadsvoorstelFactory()
    if data is None:
        data = als_pdf(seed(RAADSVOORSTEL))[:3000]
    elif data == "scan":
        from weasyprint import HTML

        data = HTML(
            string="<html><body><svg width='100' height='100'><rect width='90' height='90'/></svg></body></html>"
        ).write_pdf()
    elif data == "bom":
        data = _zip({"word/document.xml": b"0" * 50_000_000})
    run = importeer((naam, data))
    item = run.items.get()
    assert run.status == "voltooid"
    assert item.status == "mislukt"
    assert woord in item.reden.lower(), item.reden
    assert Raadsvoorstel.objects.get() == bestaand
    herkomst = Herkomst.objects.filter(status="ontbreekt").first()
    if data:
        assert herkomst is not None and herkomst.reden == item.reden


def test_too_large_file_is_refused(settings):
    settings.IMPORT_MAX_MB = 1
    run = importeer(("groot.pdf", b"%PDF-1.4" + b"0" * (2 * 1024 * 1024)))
    assert "te groot" in run.items.get().reden


def test_text_in_another_encoding_is_read_with_a_note():
    tekst = seed(MEMO_OIJ).replace("beëindiging", "beëindiging")
    run = importeer(("memo.txt", tekst.encode("cp1252")))
    item = run.items.get()
    assert item.status == "aangemaakt"
    assert "Windows-1252" in item.reden
    assert "beëindiging" in Memo.objects.get().tekst


def test_folder_and_zip_command(tmp_path):
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "voorstel.docx").write_bytes(als_docx(seed(RAADSVOORSTEL)))
    (tmp_path / "map" / "stukken.zip").write_bytes(_zip({"agenda.txt": seed(AGENDA), "bom.zip": b"x"}))
    (tmp_path / "map" / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj")
    uit = io.StringIO()
    call_command("importeren_documenten", str(tmp_path / "map"), stdout=uit, stderr=io.StringIO())
    run = ImportRun.objects.get()
    assert (run.via, run.aangemaakt, run.mislukt) == ("commando", 2, 2)
    assert "kapot.pdf" in uit.getvalue()


def test_a_run_failing_halfway_leaves_nothing(monkeypatch):
    echte = services.document_importeren
    teller = {"n": 0}

    def kapot(**kwargs):
        teller["n"] += 1
        if teller["n"] == 2:
            raise RuntimeError("schijf vol")
        return echte(**kwargs)

    monkeypatch.setattr(services, "document_importeren", kapot)
    importeer(("a.txt", seed(AGENDA).encode()), ("b.txt", BESLUITENLIJST.encode()))
    run = ImportRun.objects.get()
    assert run.status == "mislukt" and "niets van deze run is opgeslagen" in run.melding
    assert Vergadering.objects.count() == 0 and ImportItem.objects.count() == 0


# --- OpenBesluitvorming ------------------------------------------------------------------


def obv(records, **kwargs):
    return services.openbesluitvorming_importeren(
        regels=ndjson.als_ndjson(records).splitlines(), bronnaam="export.ndjson", **kwargs
    )


def test_snapshot_maps_meetings_items_documents_persons_and_keeps_provenance():
    run = obv(ndjson.snapshot())
    assert run.status == "voltooid", run.melding
    vergadering = Vergadering.objects.get(titel="Raadsvergadering")
    assert vergadering.status == "gepubliceerd"  # the source marks it public and published
    assert vergadering.gremium.naam == "Commissie Bestuur"
    assert (str(vergadering.datum), str(vergadering.aanvang), vergadering.locatie) == (
        "2024-11-12",
        "19:30:00",
        "Raadzaal",
    )
    assert [p.titel for p in vergadering.agendapunten.all()] == ["Opening", "Vaststellen begroting 2025"]
    bijlage = AgendapuntBijlage.objects.get()
    assert (bijlage.titel, bijlage.grootte, bijlage.mimetype) == (
        "Raadsvoorstel begroting 2025",
        123456,
        "application/pdf",
    )
    herkomst = Herkomst.objects.get(bron_id=ndjson.D1)
    assert herkomst.original_url == "https://soest.notubiz.nl/document/3001"
    assert Herkomst.objects.get(bron_id=ndjson.M1).original_url == "https://soest.notubiz.nl/vergadering/1001"
    # Conservative visibility: no status means concept; besloten stays closed and is not published.
    assert Vergadering.objects.get(titel="Informatieavond Zwaluwstaart").status == "concept"
    besloten = Vergadering.objects.get(titel="Besloten vergadering")
    assert (besloten.openbaar, besloten.status) == (False, "concept")
    assert Herkomst.objects.get(bron_id=ndjson.M_BESLOTEN).vertrouwelijk is True
    # A document that hangs on no agenda item is listed as missing with the reason.
    assert "agendapunt" in Herkomst.objects.get(bron_id=ndjson.D_LOS).reden
    # Persons: from Person records and from the votes.
    assert {h.record.naam for h in Herkomst.objects.filter(soort="persoon")} == {
        "S. Kasius",
        "J. Jansen",
        "A. de Vries",
    }


def test_motion_becomes_motie_with_indieners_and_published_stemming():
    run = obv(ndjson.snapshot())
    assert run.mislukt == 1, list(run.items.filter(status="mislukt").values_list("reden", flat=True))  # D_LOS
    motie = Motie.objects.get()
    assert (motie.titel, motie.status, motie.vertrouwelijkheid) == ("045-2024 M Bomen sparen", "aangenomen", "openbaar")
    assert motie.agendapunt.titel == "Vaststellen begroting 2025"
    assert [(i.persoon.naam, i.soort, i.fractie.naam) for i in motie.indieners.all()] == [
        ("S. Kasius", "indiener", "Partij A"),
        ("J. Jansen", "mede_indiener", "Partij B"),
    ]
    stemming = motie.stemmingen.get()
    assert (stemming.status, stemming.uitslag, stemming.soort) == ("gepubliceerd", "aangenomen", "hoofdelijk")
    # The standalone Vote record (A. de Vries, fractie from the Party record) is in the stemming too.
    assert {(s.persoon.naam, s.keuze, s.fractie.naam) for s in stemming.stemmen.all()} == {
        ("S. Kasius", "voor", "Partij A"),
        ("J. Jansen", "tegen", "Partij B"),
        ("A. de Vries", "voor", "Partij A"),
    }
    herkomst = Herkomst.objects.get(bron_id=ndjson.MOTIE)
    assert (herkomst.status, herkomst.record) == ("in_portaal", motie)
    assert herkomst.original_url == "https://soest.raadsinformatie.nl/motie/4001"
    assert Herkomst.objects.get(bron_id=ndjson.PARTIJ_A).record.naam == "Partij A"
    rij = next(r for r in selectors.dekking()["rijen"] if r["soort"] == "motie")
    assert (rij["bron"], rij["portaal"], rij["wacht"]) == (1, 1, 0)


def test_motion_not_marked_published_stays_concept_without_stemming():
    records = [r for r in ndjson.snapshot() if r["entity_type"] != "Motion"]
    records.append(ndjson.record(8, "Motion", ndjson.MOTIE, ndjson.motie(publication_status="", status="besloten")))
    obv(records)
    motie = Motie.objects.get()
    assert (motie.status, motie.vertrouwelijkheid) == ("concept", "vertrouwelijk")
    assert not motie.stemmingen.exists()
    assert not Motie.objects.zichtbaar_voor(AnonymousUser()).exists()


def test_motion_whose_meeting_is_missing_waits_and_is_mapped_by_the_next_run():
    eerst = [r for r in ndjson.snapshot() if r["entity_type"] not in ("Meeting", "Document")]
    run = obv(eerst)
    assert not Motie.objects.exists()
    herkomst = Herkomst.objects.get(bron_id=ndjson.MOTIE)
    assert herkomst.status == "wacht" and "vergadering" in herkomst.reden
    assert run.items.get(herkomst=herkomst).status == "wacht"
    assert WachtendRecord.objects.get(bron_id=ndjson.MOTIE).verwerkt is False
    # The next run only brings the meeting; the waiting motion is mapped with it.
    obv([r for r in ndjson.snapshot() if r["entity_type"] == "Meeting"])
    motie = Motie.objects.get()
    assert motie.stemmingen.get().stemmen.count() == 3
    assert WachtendRecord.objects.get(bron_id=ndjson.MOTIE).verwerkt is True
    assert Herkomst.objects.get(bron_id=ndjson.MOTIE).status == "in_portaal"


def test_motion_tombstone_removes_a_concept_motie():
    records = [r for r in ndjson.snapshot() if r["entity_type"] != "Motion"]
    records.append(ndjson.record(8, "Motion", ndjson.MOTIE, ndjson.motie(publication_status="")))
    obv(records)
    assert Motie.objects.filter(status="concept").exists()
    run = obv([ndjson.record(20, "Motion", ndjson.MOTIE, op="delete")])
    assert run.verwijderd == 1
    assert not Motie.objects.exists()
    assert Herkomst.objects.get(bron_id=ndjson.MOTIE).status == "verwijderd"
    assert not WachtendRecord.objects.filter(bron_id=ndjson.MOTIE).exists()


def test_change_or_tombstone_of_a_published_stemming_is_a_conflict():
    obv(ndjson.snapshot())
    stemming = Stemming.objects.get()
    stemmen = sorted(stemming.stemmen.values_list("persoon__naam", "keuze"))
    gewijzigd = ndjson.motie(votes=[{"option": "tegen", "voter": ndjson.P1, "voter_name": "S. Kasius"}])
    run = obv(
        [
            ndjson.record(21, "Motion", ndjson.MOTIE, gewijzigd),
            ndjson.record(22, "Vote", ndjson.STEM_P3, op="delete"),
        ]
    )
    assert run.conflicten == 2, list(run.items.values_list("reden", flat=True))
    assert all("gepubliceerde stemming" in r for r in run.items.values_list("reden", flat=True))
    assert sorted(stemming.stemmen.values_list("persoon__naam", "keuze")) == stemmen
    assert "gepubliceerde stemming" in Herkomst.objects.get(bron_id=ndjson.MOTIE).reden
    run = obv([ndjson.record(23, "Motion", ndjson.MOTIE, op="delete")])
    assert run.conflicten == 1 and Motie.objects.filter(pk=stemming.motie_id).exists()


def test_same_snapshot_twice_changes_nothing():
    obv(ndjson.snapshot())
    aantallen = (Vergadering.objects.count(), Agendapunt.objects.count(), AgendapuntBijlage.objects.count())
    tweede = obv(ndjson.snapshot())
    assert tweede.aangemaakt == tweede.bijgewerkt == 0
    assert tweede.overgeslagen == len(ndjson.snapshot())
    assert (Vergadering.objects.count(), Agendapunt.objects.count(), AgendapuntBijlage.objects.count()) == aantallen


def test_changes_update_and_tombstone():
    obv(ndjson.snapshot())
    wijzigingen = [
        ndjson.record(9, "Meeting", ndjson.M1, ndjson.vergadering(titel_punt="Begroting 2025 (gewijzigd)")),
        ndjson.record(10, "Meeting", ndjson.M2, op="delete"),
    ]
    run = obv(wijzigingen)
    assert (run.bijgewerkt, run.verwijderd) == (1, 1), list(run.items.values_list("reden", flat=True))
    assert Agendapunt.objects.filter(titel="Begroting 2025 (gewijzigd)").exists()
    assert not Vergadering.objects.filter(titel="Informatieavond Zwaluwstaart").exists()
    assert Herkomst.objects.get(bron_id=ndjson.M2).status == "verwijderd"


def test_change_to_a_published_besluit_is_a_conflict():
    obv(ndjson.snapshot())
    punt = Agendapunt.objects.get(titel="Vaststellen begroting 2025")
    besluit = BesluitFactory(gepubliceerd=True, agendapunt=punt, vergadering=punt.vergadering)
    run = obv([ndjson.record(9, "Meeting", ndjson.M1, ndjson.vergadering(naam="Andere naam"))])
    assert run.conflicten == 1
    item = run.items.get()
    assert item.status == "conflict" and "gepubliceerd besluit" in item.reden
    punt.refresh_from_db()
    assert punt.titel == "Vaststellen begroting 2025" and punt.vergadering.titel == "Raadsvergadering"
    besluit.refresh_from_db()
    assert besluit.status == "gepubliceerd"
    # A tombstone cannot remove it either.
    run = obv([ndjson.record(10, "Meeting", ndjson.M1, op="delete")])
    assert run.conflicten == 1 and Vergadering.objects.filter(pk=punt.vergadering_id).exists()


@pytest.mark.parametrize(
    ("regel", "woord"),
    [
        (b'{"op": "upsert", "entity_id": "x"', "geen geldige json"),
        (b"[1, 2]", "json-object"),
        (b'{"op": "upsert", "entity_type": "Meeting", "entity_id": "m:1", "payload": {"id": "m:1"}}', "schema"),
        (b'{"op": "zap", "entity_type": "Meeting", "entity_id": "m:1"}', "onbekende bewerking"),
        ('{"op": "delete", "entity_type": "Meeting", "entity_id": "m:\u00e9"}'.encode("latin-1"), "utf-8"),
        (
            b'{"op": "upsert", "entity_type": "Meeting", "entity_id": "m:1", "payload": {"id": "m:1", '
            b'"type": "Meeting", "name": "x", "start_date": "gisteren"}}',
            "datum",
        ),
    ],
)
def test_invalid_lines_are_reported_valid_ones_applied(regel, woord):
    goed = ndjson.als_ndjson(ndjson.snapshot()[:5]).splitlines()
    run = services.openbesluitvorming_importeren(regels=[regel, *goed], bronnaam="x.ndjson")
    fout = run.items.get(status="mislukt")
    assert fout.naam == "regel 1" and woord in fout.reden.lower(), fout.reden
    assert run.status == "voltooid" and Vergadering.objects.count() == 1


def test_command_reads_an_export(tmp_path):
    pad = tmp_path / "export.ndjson"
    pad.write_bytes(ndjson.als_ndjson(ndjson.snapshot()))
    call_command("importeren_openbesluitvorming", str(pad), stdout=io.StringIO(), stderr=io.StringIO())
    assert ImportRun.objects.get().aangemaakt >= 5


def test_coverage_report_counts_per_year_and_kind():
    obv(ndjson.snapshot())
    importeer(("onbekend.txt", b"Boodschappen\nmelk"), ("agenda.txt", seed(AGENDA).encode()))
    gegevens = selectors.dekking()
    rijen = {(r["jaar"], r["soort"]): r for r in gegevens["rijen"]}
    assert (rijen[(2024, "vergadering")]["bron"], rijen[(2024, "vergadering")]["portaal"]) == (2, 2)
    assert (rijen[(2018, "agenda")]["bron"], rijen[(2018, "agenda")]["portaal"]) == (1, 1)
    assert rijen[(None, "onbekend")]["ontbreekt"] == 1
    redenen = {h.bron_id: h.reden for h in gegevens["ontbrekend"]}
    assert "agendapunt" in redenen[ndjson.D_LOS]
    csv = selectors.dekking_csv()
    assert "jaar;soort;bij de bron;in het portaal" in csv and ndjson.D_LOS in csv


def test_a_200_mb_file_in_a_folder_is_reported_without_reading_it(tmp_path):
    map_ = tmp_path / "map"
    map_.mkdir()
    with open(map_ / "enorm.pdf", "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no disk space, no memory
    (map_ / "agenda.txt").write_text(seed(AGENDA), encoding="utf-8")
    call_command("importeren_documenten", str(map_), stdout=io.StringIO(), stderr=io.StringIO())
    run = ImportRun.objects.get()
    assert (run.aangemaakt, run.mislukt) == (1, 1)
    assert "te groot (200,0 MB)" in run.items.get(naam="enorm.pdf").reden


def test_raadsbesluit_registers_a_concept_besluit_on_the_agendapunt():
    from tests.factories import AgendapuntFactory

    voorstel = RaadsvoorstelFactory(zaak__zaaknummer="L275141", status="geagendeerd")
    AgendapuntFactory(raadsvoorstel=voorstel, zaak=voorstel.zaak)
    tekst = seed(RAADSVOORSTEL)
    pdf = als_pdf(tekst[tekst.index("Gemeente Leusden") :])
    run = importeer(("raadsbesluit.pdf", pdf))
    item = run.items.get()
    assert (item.soort, item.status) == ("raadsbesluit", "aangemaakt"), item.reden
    besluit = voorstel.besluiten.get()
    assert besluit.status == "concept"
    assert [d.tekst for d in besluit.dictum.all()] == [
        "de regiovisie 'Samen Werken aan de specialistische jeugdhulp' vast te stellen."
    ]
    assert (besluit.griffier.naam, besluit.voorzitter.naam) == ("I. Schutte - van der Schans", "G.J. Bouwmeester")
    assert voorstel.bijlagen.get().bestand.read() == pdf


def test_raadsbesluit_for_a_published_besluit_is_a_conflict():
    bestaand = BesluitFactory(gepubliceerd=True, raadsvoorstel__zaak__zaaknummer="L275141")
    tekst = seed(RAADSVOORSTEL)
    run = importeer(("raadsbesluit.txt", tekst[tekst.index("Gemeente Leusden") :].encode()))
    item = run.items.get()
    assert (item.status, run.conflicten) == ("conflict", 1)
    assert "gepubliceerd" in item.reden and item.bestand
    assert list(bestaand.raadsvoorstel.besluiten.all()) == [bestaand]
