"""Public and griffie pages of moties, amendementen, stemmingen, besluitenlijsten, persons and fracties."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from apps.moties import services
from apps.moties.models import Besluitenlijst, Stemming
from tests.factories import AgendapuntFactory, RaadsvoorstelFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


def vergadering_met_besluitvorming(raad, *, moties: int = 1, datum=None, publiceren=True):
    """A meeting with a presence list, an adopted amendement, a voorstel, `moties` moties (one vreemd, with a
    hoofdelijke stemming where one member votes against the fractie) and, published, the besluitenlijst."""
    vergadering = raad["vergadering"] if datum is None else VergaderingFactory(gremium=raad["gremium"], datum=datum)
    if datum is None:
        voorstel, punt, vreemd_punt = raad["voorstel"], raad["punt"], raad["vreemd_punt"]
    else:
        voorstel = RaadsvoorstelFactory(status="geagendeerd", beslispunten=["punt a", "punt b"])
        punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel, zaak=voorstel.zaak, volgorde=5)
        vreemd_punt = AgendapuntFactory(vergadering=vergadering, volgorde=9)
    leden = raad["leden"]
    services.aanwezigheid_vastleggen(vergadering=vergadering, aanwezig=[r.persoon_id for r in leden[:-1]])
    aanwezig = leden[:-1]

    def keuzes(voor, afwijker=None):
        k = {r.persoon_id: ("voor" if r.fractie.naam in voor else "tegen") for r in aanwezig}
        if afwijker:
            k[afwijker.persoon_id] = "tegen" if k[afwijker.persoon_id] == "voor" else "voor"
        return k

    amendement = services.amendement_indienen(
        vergadering=vergadering,
        raadsvoorstel=voorstel,
        agendapunt=punt,
        velden={"titel": "Jaarlijkse evaluatie", "nieuwe_tekst": "het voorstel jaarlijks te evalueren."},
        beslispunten=[voorstel.beslispunten.order_by("volgorde").last()],
        indieners=[leden[0].persoon],
        mede_indieners=[leden[6].persoon],
    )
    stemmingen = [
        services.stemming_vastleggen(
            vergadering=vergadering,
            soort="regulier",
            amendement=amendement,
            stemmen=keuzes({"Groen Voorbeeld", "Sociaal Voorbeeld"}),
        ),
        services.stemming_vastleggen(
            vergadering=vergadering,
            soort="regulier",
            raadsvoorstel=voorstel,
            agendapunt=punt,
            stemmen=keuzes({"Groen Voorbeeld", "Sociaal Voorbeeld", "Liberaal Voorbeeld"}),
        ),
    ]
    moties_lijst = []
    for i in range(moties):
        motie = services.motie_indienen(
            vergadering=vergadering,
            agendapunt=vreemd_punt if i == 0 else punt,
            velden={
                "titel": f"Speeltuinen in elke wijk {i}",
                "motietype": "vreemd" if i == 0 else "overig",
                "verzoek": "verzoekt het college een plan voor speeltuinen te maken.",
            },
            indieners=[leden[1].persoon, leden[12].persoon],
        )
        moties_lijst.append(motie)
        stemmingen.append(
            services.stemming_vastleggen(
                vergadering=vergadering,
                soort="hoofdelijk",
                motie=motie,
                stemmen=keuzes({"Lokaal Voorbeeld", "Sociaal Voorbeeld"}, afwijker=leden[2]),
            )
        )
    if publiceren:
        for s in stemmingen:
            services.stemming_publiceren(stemming=s)
        services.besluitenlijst_publiceren(vergadering=vergadering)
    return {"vergadering": vergadering, "amendement": amendement, "moties": moties_lijst, "voorstel": voorstel}


@pytest.fixture
def besluitvorming(raad):
    return {**raad, **vergadering_met_besluitvorming(raad)}


def _urls(g):
    v = g["vergadering"]
    datum = v.datum.isoformat()
    return {
        "moties": reverse("moties:moties"),
        "amendementen": reverse("moties:amendementen"),
        "motie": reverse("moties:motie", kwargs={"nummer": g["moties"][0].nummer}),
        "motie-pdf": reverse("moties:motie-pdf", kwargs={"nummer": g["moties"][0].nummer}),
        "amendement": reverse("moties:amendement", kwargs={"nummer": g["amendement"].nummer}),
        "besluitenlijst": reverse("moties:besluitenlijst", kwargs={"datum": datum, "gremium": v.gremium.slug}),
        "besluitenlijst-pdf": reverse("moties:besluitenlijst-pdf", kwargs={"datum": datum, "gremium": v.gremium.slug}),
        "persoon": reverse("moties:persoon", kwargs={"slug": g["leden"][1].persoon.slug}),
        "fracties": reverse("moties:fracties"),
        "fractie": reverse("moties:fractie", kwargs={"slug": g["leden"][1].fractie.slug}),
        "feed": reverse("moties:feed"),
        "agenda": reverse("vergaderagenda:agenda", kwargs={"datum": datum}),
    }


def test_motie_page_shows_indieners_text_and_result_per_fractie(client, besluitvorming):
    motie = besluitvorming["moties"][0]
    html = client.get(reverse("moties:motie", kwargs={"nummer": motie.nummer})).content.decode()
    assert "Speeltuinen in elke wijk 0" in html
    assert "motie vreemd aan de orde van de dag" in html.lower()
    assert besluitvorming["leden"][1].persoon.naam in html and "Sociaal Voorbeeld" in html
    assert "Stemming per fractie" in html
    # Lokaal (2 present) and Sociaal (5) voor; leden[2] (Groen) votes voor against the fractie: 8 voor, 10 tegen.
    assert "met 8 stemmen voor en 10 tegen" in html
    assert "verdeeld" in html
    assert besluitvorming["leden"][2].persoon.naam in html  # named as voting otherwise
    assert "Afwezig: " + besluitvorming["leden"][-1].persoon.naam in html


def test_amendement_page_and_dictum_text(client, besluitvorming):
    html = client.get(
        reverse("moties:amendement", kwargs={"nummer": besluitvorming["amendement"].nummer})
    ).content.decode()
    assert "het voorstel jaarlijks te evalueren." in html
    assert "aangenomen" in html


def test_besluitenlijst_page_and_pdf(client, besluitvorming):
    urls = _urls(besluitvorming)
    html = client.get(urls["besluitenlijst"]).content.decode()
    assert "Moties vreemd aan de orde van de dag" in html
    assert html.index("Jaarlijkse evaluatie") < html.index("Speeltuinen in elke wijk 0")
    antwoord = client.get(urls["besluitenlijst-pdf"])
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    inhoud = b"".join(antwoord.streaming_content)
    assert inhoud.startswith(b"%PDF")
    lijst = Besluitenlijst.objects.get()
    assert lijst.is_gepubliceerd


def test_besluitenlijst_twice_needs_a_reason_and_makes_version_2(besluitvorming):
    from apps.core.services import RegelFout

    with pytest.raises(RegelFout, match="reden"):
        services.besluitenlijst_publiceren(vergadering=besluitvorming["vergadering"])
    tweede = services.besluitenlijst_publiceren(vergadering=besluitvorming["vergadering"], reden="Tikfout in titel")
    assert tweede.versie == 2
    assert Besluitenlijst.objects.filter(versie=1).exists()


def test_person_and_fractie_pages(client, besluitvorming):
    urls = _urls(besluitvorming)
    persoon = client.get(urls["persoon"]).content.decode()
    assert "Speeltuinen in elke wijk 0" in persoon and "Uitgebrachte stemmen" in persoon
    fractie = client.get(urls["fractie"]).content.decode()
    assert besluitvorming["leden"][1].persoon.naam in fractie and "Stemgedrag" in fractie


def test_agenda_shows_moties_and_amendementen_with_result(client, besluitvorming):
    html = client.get(_urls(besluitvorming)["agenda"]).content.decode()
    assert besluitvorming["amendement"].nummer in html
    assert besluitvorming["moties"][0].nummer in html


def _ingelogd(user):
    c = Client()
    c.force_login(user)
    return c


def test_concept_stemming_and_concept_motie_are_griffie_only(client, griffie_user, raadslid_user, raad):
    griffie_client, raadslid_client = _ingelogd(griffie_user), _ingelogd(raadslid_user)
    g = {**raad, **vergadering_met_besluitvorming(raad, publiceren=False)}
    motie = services.motie_indienen(
        vergadering=raad["vergadering"],
        velden={"titel": "Geheim plan", "verzoek": "x"},
        indieners=[raad["leden"][0].persoon],
        status="concept",
    )
    url = reverse("moties:motie", kwargs={"nummer": motie.nummer})
    assert client.get(url).status_code == 404
    assert raadslid_client.get(url).status_code == 404
    assert griffie_client.get(url).status_code == 200
    html = client.get(_urls(g)["motie"]).content.decode()
    assert "Stemming per fractie" not in html  # the stemming is still concept
    assert client.get(_urls(g)["besluitenlijst-pdf"]).status_code == 404


def test_besloten_meeting_hides_moties_from_public(client, raadslid_user, raad):
    raadslid_client = _ingelogd(raadslid_user)
    raad["vergadering"].openbaar = False
    raad["vergadering"].save()
    g = {**raad, **vergadering_met_besluitvorming(raad)}
    urls = _urls(g)
    for naam in ("motie", "amendement", "besluitenlijst", "besluitenlijst-pdf", "motie-pdf"):
        assert client.get(urls[naam]).status_code == 404, naam
        assert raadslid_client.get(urls[naam]).status_code == 200, naam
    assert g["moties"][0].nummer not in client.get(urls["persoon"]).content.decode()
    assert g["moties"][0].nummer not in client.get(urls["feed"]).content.decode()


@pytest.mark.parametrize(
    "naam",
    [
        "moties",
        "amendementen",
        "motie",
        "amendement",
        "besluitenlijst",
        "persoon",
        "fracties",
        "fractie",
        "feed",
        "agenda",
    ],
)
def test_constant_queries_at_two_sizes(client, raad, django_assert_max_num_queries, naam):
    klein = {**raad, **vergadering_met_besluitvorming(raad, moties=1)}
    with django_assert_max_num_queries(25) as klein_telling:
        assert client.get(_urls(klein)[naam]).status_code == 200
    # Ten times as many moties and stemmingen, in a second meeting with the same raad.
    groot = {**raad, **vergadering_met_besluitvorming(raad, moties=10, datum=datetime.date(2021, 10, 28))}
    for extra in range(3):
        vergadering_met_besluitvorming(raad, moties=3, datum=datetime.date(2021, 11, 1 + extra))
    with django_assert_max_num_queries(len(klein_telling.captured_queries)) as groot_telling:
        assert client.get(_urls(groot)[naam]).status_code == 200
    assert len(groot_telling.captured_queries) == len(klein_telling.captured_queries)


def test_bad_input_never_500(client):
    for url in [
        "/moties/%00/",
        "/moties/" + "x" * 200 + "/",
        "/amendementen/zz/",
        "/besluitenlijsten/2021-02-30/raad/",
        "/besluitenlijsten/abc/raad/",
        "/personen/onbekend/",
        "/fracties/onbekend/",
        "/moties/?jaar=abc",
        "/moties/?page=999",
        "/besluitenlijsten/2021-09-30/x/besluitenlijst.pdf",
    ]:
        assert client.get(url).status_code in (200, 404), url


def test_stemming_ordering_and_count(besluitvorming):
    volgorde = list(
        Stemming.objects.filter(vergadering=besluitvorming["vergadering"]).values_list("volgorde", flat=True)
    )
    assert volgorde == [1, 2, 3]


def test_besluitenlijst_pdf_is_pdf_a_and_renders_the_same_twice_without_errors(besluitvorming, caplog):
    import logging

    from apps.moties.pdf import besluitenlijst_pdf

    lijst = Besluitenlijst.objects.select_related("vergadering__gremium").get()
    with caplog.at_level(logging.ERROR):
        eerste, tweede = besluitenlijst_pdf(lijst), besluitenlijst_pdf(lijst)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert eerste == tweede
    import io

    import pikepdf
    import pypdf

    pdf = pikepdf.open(io.BytesIO(eerste))
    with pdf.open_metadata() as xmp:
        assert (xmp.get("pdfaid:part"), xmp.get("pdfaid:conformance")) == ("2", "A")
    assert str(pdf.Root.Lang) == "nl" and bool(pdf.Root.MarkInfo.Marked)
    tekst = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(eerste)).pages)
    assert "Besluitenlijst" in tekst and "Stemming per fractie" in tekst and "Moties vreemd" in tekst
