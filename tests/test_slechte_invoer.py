"""No input may produce a server error: every public and griffie URL with odd parameters."""

import pytest

pytestmark = pytest.mark.django_db

RARE_WAARDEN = [
    "",
    "a",
    "'",
    '"',
    '"onafgesloten',
    "&",
    "|",
    "!",
    ":*",
    "a:*|b&!c",
    "<script>alert(1)</script>",
    "%",
    "\\",
    "0",
    "-1",
    "99999999999999999999",
    "2021-02-30",
    "2021-13-01",
    "9999-12-31",
    "0000-01-01",
    "L275141",
    "l275141",
    "L27514",
    "ë́é",
    "🙂",
    "x" * 10000,
    "\x00",
    "NaN",
]

URLS = [
    "/zoeken/?q={}",
    "/zoeken/?q=jeugd&soort={}",
    "/zoeken/?q=jeugd&jaar={}",
    "/zoeken/?q={}&page={}",
    "/besluiten/?q={}",
    "/besluiten/?jaar={}",
    "/besluiten/?van={}&tot={}",
    "/besluiten/?uitkomst={}",
    "/besluiten/?onderwerp={}",
    "/besluiten/?gremium={}",
    "/besluiten/?portefeuillehouder={}",
    "/besluiten/?page={}",
    "/vergaderingen/?maand={}",
    "/vergaderingen/?jaar={}",
    "/vergaderingen/?gremium={}",
    "/vergaderingen/?soort={}",
    "/vergaderingen/?weergave={}",
    "/api/ori/vergaderingen?page={}",
    "/api/ori/agendapunten?page_size={}",
    "/api/ori/informatieobjecten?gewijzigd_sinds={}",
    "/api/ori/verwijderd?gewijzigd_sinds={}&page={}",
    "/api/ori/vergaderingen?format={}",
    "/api/ori/agendapunten?{}=1",
    "/toezeggingen/?q={}&toestand={}&persoon={}&jaar={}&onderwerp={}&page={}",
    "/motiemonitor/?q={}&toestand={}&jaar={}&portefeuillehouder={}",
    "/ingekomen-stukken/?q={}&afhandeling={}&commissie={}&van={}&tot={}&jaar={}",
    "/schriftelijke-vragen/?q={}&toestand={}&te_laat={}&fractie={}&jaar={}",
    "/lange-termijnagenda/?q={}&jaar={}&kwartaal={}&status={}&portefeuillehouder={}",
    "/api/ori/informatieobjecten?page={}",
    "/griffie/registers/toezeggingen/?toestand={}",
    "/griffie/registers/schriftelijke-vragen/?te_laat={}",
    "/api/ori/v2/vergaderingen?naam={}&status={}",
    "/api/ori/v2/informatieobjecten?datumIngediend={}&vergaderingsIdentificatie={}",
    "/api/ori/v2/natuurlijkpersonen?functie={}",
    "/api/ori/v2/agendapunten?gewijzigdSinds={}",
    "/griffie/aanleveringen/?status={}&page={}",
    "/griffie/raadsvoorstellen/?q={}",
    "/griffie/besluiten/?page={}",
    "/griffie/memos/?q={}",
    "/griffie/vergaderingen/?page={}",
    "/moties/?jaar={}",
    "/moties/?page={}",
    "/amendementen/?jaar={}&page={}",
]

PADEN = [
    "/vergaderingen/{}/",
    "/zaken/{}/",
    "/besluiten/{}/",
    "/besluiten/{}/raadsbesluit.pdf",
    "/onderwerpen/{}/",
    "/api/ori/vergaderingen/{}",
    "/api/ori/informatieobjecten/{}",
    "/api/ori/{}",
    "/api/ori/v2/vergaderingen/{}",
    "/api/ori/v2/informatieobjecten/{}",
    "/sitemapindex-diwoo-infocat{}.xml",
    "/documenten/memos/{}.pdf",
    "/documenten/raadsvoorstellen/{}.pdf",
    "/bijlagen/{}/",
    "/toezeggingen/{}/",
    "/motiemonitor/{}/",
    "/ingekomen-stukken/{}/",
    "/ingekomen-stukken/lijst/{}/",
    "/schriftelijke-vragen/{}/",
    "/lange-termijnagenda/{}/",
    "/griffie/registers/{}/",
    "/griffie/registers/motiemonitor/{}/",
    "/moties/{}/",
    "/moties/{}/motie.pdf",
    "/amendementen/{}/",
    "/personen/{}/",
    "/fracties/{}/",
    "/besluitenlijsten/{}/gemeenteraad/",
    "/besluitenlijsten/2021-09-30/{}/",
    "/besluitenlijsten/{}/gemeenteraad/besluitenlijst.pdf",
]


@pytest.mark.parametrize("waarde", RARE_WAARDEN, ids=lambda w: repr(w[:12]))
def test_odd_query_parameters_never_give_a_server_error(griffie_client, demo_data, waarde):
    for url in URLS:
        response = griffie_client.get(url.replace("{}", "__W__").replace("__W__", "{w}").format(w=waarde))
        assert response.status_code < 500, url


@pytest.mark.parametrize(
    "waarde", [w for w in RARE_WAARDEN if w and "\x00" not in w and "/" not in w][:20], ids=lambda w: repr(w[:12])
)
def test_odd_path_segments_never_give_a_server_error(client, demo_data, waarde):
    from urllib.parse import quote

    for pad in PADEN:
        response = client.get(pad.format(quote(waarde[:300], safe="")))
        assert response.status_code in (200, 301, 302, 404), pad


@pytest.mark.parametrize("waarde", ["", "abc", "2021-02-30", "-1", "99999", "<b>", "x" * 500, "🙂"])
def test_odd_register_form_input_gives_dutch_errors_not_a_server_error(griffie_client, demo_data, waarde):
    for register in ["toezeggingen", "ingekomen-stukken", "schriftelijke-vragen", "lange-termijnagenda"]:
        velden = [
            "tekst",
            "persoon",
            "vergadering",
            "uiterste_datum",
            "ontvangen_op",
            "afzender",
            "onderwerp",
            "gesteld_op",
            "vragen",
            "vraagsteller",
            "titel",
            "jaar",
            "kwartaal",
            "zaaknummer",
            "version",
            "voorgestelde_afhandeling",
            "status",
        ]
        response = griffie_client.post(f"/griffie/registers/{register}/nieuw/", {v: waarde for v in velden})
        assert response.status_code == 200, register  # the form again, with its errors
        assert "portal-form-field__error" in response.content.decode(), register


@pytest.mark.parametrize("waarde", RARE_WAARDEN, ids=lambda w: repr(w[:12]))
def test_odd_input_in_the_moties_and_stemming_forms_never_gives_a_server_error(griffie_client, demo_data, waarde):
    """Presence list, motie, amendement and stemming forms with odd values: a Dutch message, never a 500."""
    from django.urls import reverse

    from apps.moties.models import Stemming

    vergadering = Stemming.objects.select_related("vergadering").first().vergadering
    velden = [
        "stuk",
        "soort",
        "titel",
        "motietype",
        "agendapunt",
        "raadsvoorstel",
        "hoofdamendement",
        "verzoek",
        "nieuwe_tekst",
        "indieners",
        "mede_indieners",
        "beslispunten",
        "vertrouwelijkheid",
        "version",
        "reden",
    ]
    data = {veld: waarde for veld in velden}
    data.update({f"lid_{i}": waarde for i in range(1, 40)})
    data.update({f"fractie_{i}": waarde for i in range(0, 10)})
    for naam in ["griffie:stemming-nieuw", "griffie:motie-nieuw", "griffie:amendement-nieuw"]:
        response = griffie_client.post(reverse(naam, kwargs={"vergadering_uuid": vergadering.uuid}), data)
        assert response.status_code < 500, naam
    for naam in ["griffie:presentielijst", "griffie:besluitenlijst-publiceren"]:
        response = griffie_client.post(reverse(naam, kwargs={"uuid": vergadering.uuid}), data)
        assert response.status_code < 500, naam
