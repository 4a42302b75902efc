"""Register pages: constant queries, filters in the URL, feeds, API, timelines, the griffie's forms."""

import datetime

import pytest
from django.urls import reverse

from apps.registers.models import Toezegging
from tests.factories import (
    IngekomenStukFactory,
    LangetermijnItemFactory,
    MotieopvolgingFactory,
    PersoonFactory,
    RolFactory,
    SchriftelijkeVraagFactory,
    StandVanZakenFactory,
    ToezeggingFactory,
    VergaderingFactory,
    ZaakFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def _items(n, zaak=None):
    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    for i in range(n):
        ToezeggingFactory(
            vergadering=vergadering, gepubliceerd=True, uiterste_datum=D(2026, 1, 1) if i % 2 else None, zaak=zaak
        )
        IngekomenStukFactory(gepubliceerd=True, prive=bool(i % 2), zaak=zaak)
        SchriftelijkeVraagFactory(gepubliceerd=True, zaak=zaak)
        LangetermijnItemFactory(gepubliceerd=True, zaak=zaak, jaar=2099)
        StandVanZakenFactory(opvolging__motie__vergadering=vergadering)


LIJSTEN = [
    "/toezeggingen/",
    "/motiemonitor/",
    "/ingekomen-stukken/",
    "/schriftelijke-vragen/",
    "/lange-termijnagenda/",
    "/toezeggingen/feed/",
    "/motiemonitor/feed/",
    "/ingekomen-stukken/feed/",
    "/schriftelijke-vragen/feed/",
    "/lange-termijnagenda/feed/",
]


@pytest.mark.parametrize("url", LIJSTEN)
def test_lists_and_feeds_run_the_same_number_of_queries_for_3_and_12_items(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _items(3)
    with CaptureQueriesContext(connection) as weinig:
        assert client.get(url).status_code == 200
    _items(9)
    with django_assert_max_num_queries(len(weinig)):
        assert client.get(url).status_code == 200


def test_zaak_timeline_shows_register_items_with_the_lange_termijnagenda_as_a_planned_step(client):
    zaak = ZaakFactory(zaaknummer="L930001")
    _items(2, zaak=zaak)
    inhoud = client.get("/zaken/L930001/").content.decode()
    assert "Toezegging" in inhoud and "Ingekomen stuk" in inhoud and "Schriftelijke vragen" in inhoud
    assert "Lange termijnagenda" in inhoud and "Gepland voor Q2 2099" in inhoud
    assert "Dorpsstraat" not in inhoud


def test_filters_live_in_the_url(client):
    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    te_laat = ToezeggingFactory(
        vergadering=vergadering, gepubliceerd=True, uiterste_datum=D(2026, 1, 1), tekst="Te laat: notitie bomenbeleid"
    )
    ToezeggingFactory(vergadering=vergadering, gepubliceerd=True, uiterste_datum=D(2099, 1, 1), tekst="Op tijd: nota")
    inhoud = client.get("/toezeggingen/?toestand=overschreden").content.decode()
    assert "bomenbeleid" in inhoud and "Op tijd" not in inhoud
    assert "Let op: termijn overschreden" in inhoud  # in words, not colour alone
    assert "1 toezegging gevonden" in inhoud
    assert client.get(f"/toezeggingen/{te_laat.nummer}/").status_code == 200


def test_schriftelijke_vragen_filter_on_late_answers_and_the_page_pairs_question_and_answer(client):
    laat = SchriftelijkeVraagFactory(
        gepubliceerd=True,
        onderwerp="Laat beantwoord",
        status="beantwoord",
        beantwoord_op=D(2030, 6, 20),
        antwoord_tekst="Het antwoord op de vraag.",
    )
    SchriftelijkeVraagFactory(
        gepubliceerd=True,
        onderwerp="Op tijd beantwoord",
        status="beantwoord",
        beantwoord_op=D(2030, 5, 10),
        antwoord_tekst="x",
    )
    inhoud = client.get("/schriftelijke-vragen/?te_laat=ja").content.decode()
    assert "Laat beantwoord" in inhoud and "Op tijd beantwoord" not in inhoud
    pagina = client.get(f"/schriftelijke-vragen/{laat.nummer}/").content.decode()
    assert pagina.index("Vragen") < pagina.index("Het antwoord op de vraag.") and "na de termijn" in pagina


def test_the_api_lists_register_items_as_informatieobjecten_of_their_type(client):
    from tests.openori.spec import controleer_informatieobject

    _items(1)
    prive = IngekomenStukFactory(gepubliceerd=True, prive=True, afzender="K. Particuliere")
    IngekomenStukFactory(onderwerp="Concept stuk")  # concept: never in the API
    antwoord = client.get("/api/ori/informatieobjecten", {"page_size": 100}).json()
    soorten = {o["informatieobjecttype"] for o in antwoord["results"]}
    assert {"toezegging", "ingekomen stuk", "schriftelijke vragen", "lange termijnagenda"} <= soorten
    for obj in antwoord["results"]:
        controleer_informatieobject(obj)
        if obj["informatieobjecttype"] == "ingekomen stuk":
            assert obj["wooinformatiecategorie"] == "c_8c840238"
    tekst = str(antwoord)
    assert "K. Particuliere" not in tekst and "Dorpsstraat" not in tekst and "Concept stuk" not in tekst
    detail = client.get(f"/api/ori/informatieobjecten/{prive.uuid}").json()
    assert detail["auteur"] == "particulier"


def test_a_vertrouwelijke_memo_that_closed_a_toezegging_is_not_named_publicly(client):
    from tests.factories import MemoFactory

    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    memo = MemoFactory(betreft="Geheime brief over grond", status="definitief", vertrouwelijk=True)
    t = ToezeggingFactory(
        vergadering=vergadering, gepubliceerd=True, status="afgedaan", afgedaan_met=memo, afgedaan_in=vergadering
    )
    assert "Geheime brief" not in client.get(f"/toezeggingen/{t.nummer}/").content.decode()


def test_the_motie_page_and_the_include_show_where_an_aangenomen_motie_stands(client):
    from django.template.loader import render_to_string

    from apps.registers.selectors import motie_stand

    stand = StandVanZakenFactory(tekst="Er is een werkgroep gestart.", opvolging__status="in_uitvoering")
    motie = stand.opvolging.motie
    inhoud = client.get(f"/motiemonitor/{motie.nummer}/").content.decode()
    assert "Er is een werkgroep gestart." in inhoud and "in uitvoering" in inhoud
    html = render_to_string("registers/_motie_stand.html", {"stand": motie_stand(motie=motie)})
    assert (
        "Er is een werkgroep gestart." in html and reverse("registers:motie", kwargs={"nummer": motie.nummer}) in html
    )


# --- The griffie's forms ----------------------------------------------------------------------------


def _wethouder():
    return RolFactory(persoon=PersoonFactory(naam="W. Houder"), portefeuille="Financiën").persoon


def test_griffie_creates_edits_publishes_a_toezegging_with_history(griffie_client):
    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    persoon = _wethouder()
    data = {
        "tekst": "De wethouder zegt toe de raad te informeren.",
        "persoon": persoon.pk,
        "vergadering": vergadering.pk,
        "status": "open",
        "vertrouwelijkheid": "openbaar",
        "uiterste_datum": "2027-03-01",
    }
    response = griffie_client.post("/griffie/registers/toezeggingen/nieuw/", data)
    assert response.status_code == 302
    t = Toezegging.objects.get()
    assert t.portefeuille == "Financiën" and t.nummer == "T2026-001"
    griffie_client.post(f"/griffie/registers/toezeggingen/{t.uuid}/publiceren/")
    t.refresh_from_db()
    assert t.is_gepubliceerd
    # a change of a published fact without a reason: the form again, the message next to the field
    response = griffie_client.post(
        f"/griffie/registers/toezeggingen/{t.uuid}/bewerken/", {**data, "tekst": "Anders.", "version": t.version}
    )
    assert response.status_code == 200 and "Geef de reden van de correctie op" in response.content.decode()
    response = griffie_client.post(
        f"/griffie/registers/toezeggingen/{t.uuid}/bewerken/",
        {**data, "tekst": "Anders.", "version": t.version, "reden": "verkeerd genotuleerd"},
    )
    assert response.status_code == 302
    pagina = griffie_client.get(f"/griffie/registers/toezeggingen/{t.uuid}/").content.decode()
    assert "Correctie: verkeerd genotuleerd" in pagina and "Gepubliceerd" in pagina


def test_two_clerks_editing_at_once_the_second_gets_a_conflict_with_her_input_kept(griffie_client):
    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    t = ToezeggingFactory(vergadering=vergadering, persoon=_wethouder())
    data = {
        "tekst": t.tekst,
        "persoon": t.persoon.pk,
        "vergadering": vergadering.pk,
        "status": "open",
        "vertrouwelijkheid": "openbaar",
        "version": t.version,
    }
    assert (
        griffie_client.post(
            f"/griffie/registers/toezeggingen/{t.uuid}/bewerken/", {**data, "toelichting": "eerste"}
        ).status_code
        == 302
    )
    response = griffie_client.post(
        f"/griffie/registers/toezeggingen/{t.uuid}/bewerken/", {**data, "toelichting": "tweede versie"}
    )
    assert response.status_code == 409
    assert "tweede versie" in response.content.decode()
    t.refresh_from_db()
    assert t.toelichting == "eerste"


def test_griffie_adds_a_stand_van_zaken_and_adopts_the_lis(griffie_client):
    from tests.factories import AgendapuntFactory

    opvolging = MotieopvolgingFactory()
    response = griffie_client.post(
        f"/griffie/registers/motiemonitor/{opvolging.motie.nummer}/stand/",
        {"datum": "2026-06-01", "tekst": "Het college heeft een plan."},
    )
    assert response.status_code == 302 and opvolging.standen.count() == 1
    lijst = AgendapuntFactory(titel="Lijst ingekomen stukken")
    stuk = IngekomenStukFactory(lijst=lijst, gepubliceerd=True)
    griffie_client.post(f"/griffie/registers/ingekomen-stukken/lijst/{lijst.uuid}/vaststellen/")
    stuk.refresh_from_db()
    assert stuk.vastgestelde_afhandeling == "ter_kennisname"


def test_griffie_overview_lists_what_is_overdue_and_due_this_week(griffie_client):
    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    ToezeggingFactory(vergadering=vergadering, tekst="Overdue-toezegging", uiterste_datum=D(2026, 10, 1))
    inhoud = griffie_client.get("/griffie/registers/").content.decode()
    assert "Overdue-toezegging" in inhoud


def test_raadsleden_and_the_public_may_not_use_the_griffie_register_pages(raadslid_client):
    from django.test import Client

    assert raadslid_client.get("/griffie/registers/toezeggingen/nieuw/").status_code == 403
    assert raadslid_client.post("/griffie/registers/bijwerken/").status_code == 403
    assert Client().get("/griffie/registers/").status_code == 302  # to the login page


def test_a_toezegging_leaves_public_search_when_its_meeting_becomes_besloten(client):
    from apps.core.search import zoekindex_herbouwen
    from apps.vergaderagenda import services as agenda_services

    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    ToezeggingFactory(vergadering=vergadering, gepubliceerd=True, tekst="Toezegging over het zwembadtarief")
    zoekindex_herbouwen()
    assert "Toezegging T2026-" in client.get("/zoeken/", {"q": "zwembadtarief"}).content.decode()
    vergadering.refresh_from_db()
    agenda_services.vergadering_bijwerken(
        vergadering=vergadering, versie=vergadering.version, velden={"openbaar": False}
    )
    assert "Toezegging T2026-" not in client.get("/zoeken/", {"q": "zwembadtarief"}).content.decode()
    assert client.get("/toezeggingen/").content.decode().count("zwembadtarief") == 0


def test_onderwerp_timeline_shows_register_items_of_that_onderwerp(client):
    from tests.factories import OnderwerpFactory

    onderwerp = OnderwerpFactory(naam="Zwembad", slug="zwembad")
    vraag = SchriftelijkeVraagFactory(gepubliceerd=True, onderwerp="Vragen over de openingstijden van het bad")
    vraag.onderwerpen.add(onderwerp)
    verborgen = SchriftelijkeVraagFactory(onderwerp="Conceptvragen over het bad")
    verborgen.onderwerpen.add(onderwerp)
    inhoud = client.get("/onderwerpen/zwembad/").content.decode()
    assert "openingstijden van het bad" in inhoud and "Conceptvragen" not in inhoud


@pytest.mark.parametrize("register", ["toezegging", "ingekomen_stuk", "schriftelijke_vraag"])
def test_an_item_page_runs_a_fixed_number_of_queries(client, register, django_assert_max_num_queries):
    vergadering = VergaderingFactory(datum=D(2026, 9, 24), status="gehouden")
    if register == "toezegging":
        item, url = ToezeggingFactory(vergadering=vergadering, gepubliceerd=True), "/toezeggingen/{}/"
    elif register == "ingekomen_stuk":
        item, url = IngekomenStukFactory(gepubliceerd=True), "/ingekomen-stukken/{}/"
    else:
        item, url = SchriftelijkeVraagFactory(gepubliceerd=True), "/schriftelijke-vragen/{}/"
    with django_assert_max_num_queries(8):
        assert client.get(url.format(item.nummer)).status_code == 200


def test_the_motie_include_says_when_the_follow_up_has_not_started_and_the_griffie_can_run_the_daily_step(
    griffie_client,
):
    from django.template.loader import render_to_string

    from apps.moties.models import Motie
    from apps.registers.models import Motieopvolging
    from apps.registers.selectors import motie_stand
    from tests.factories import MotieFactory

    motie = MotieFactory(status="aangenomen")
    html = render_to_string("registers/_motie_stand.html", {"stand": motie_stand(motie=motie)})
    assert "nog niet gestart" in html
    verworpen = MotieFactory(status="verworpen")
    assert "motiemonitor" not in render_to_string(
        "registers/_motie_stand.html", {"stand": motie_stand(motie=verworpen)}
    )
    assert griffie_client.post("/griffie/registers/bijwerken/").status_code == 302
    assert Motieopvolging.objects.filter(motie=motie).exists()
    assert not Motieopvolging.objects.filter(motie=Motie.objects.get(pk=verworpen.pk)).exists()
