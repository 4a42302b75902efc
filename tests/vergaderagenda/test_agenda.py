"""The agenda of one date at /vergaderingen/<YYYY-MM-DD>/."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import (
    AgendapuntBijlageFactory,
    AgendapuntFactory,
    BesluitFactory,
    MemoBijlageFactory,
    MemoFactory,
    OnderwerpFactory,
    RaadsvoorstelBijlageFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
)

pytestmark = pytest.mark.django_db

DATUM = datetime.date(2021, 9, 30)


def ingelogd(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _agenda(client, datum="2021-09-30"):
    return client.get(f"/vergaderingen/{datum}/")


def test_url_is_stable():
    assert reverse("vergaderagenda:agenda", kwargs={"datum": "2021-09-30"}) == "/vergaderingen/2021-09-30/"


def test_raadsvergadering_30_september_2021(client, demo_data):
    response = _agenda(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Raadsvergadering 30 september 2021 — " in html
    assert re.search(r"<h1[^>]*>Raadsvergadering 30 september 2021</h1>", html)
    assert html.count("<h1") == 1
    # the header: gremium, soort, date, location, status
    for tekst in [
        "Gemeenteraad Leusden",
        "Raadsvergadering",
        "donderdag 30 september 2021",
        "Gemeentehuis Leusden",
        "Gehouden",
    ]:
        assert tekst in html
    # the three items, in order, as bespreekstuk
    titels = [
        "Afhandeling motie raad juli 2020",
        "Investeringsvoorstel Lariks",
        "Regiovisie &#x27;Samen Werken aan de specialistische jeugdhulp&#x27;",
    ]
    posities = [html.index(f"</span>{t}</h4>") for t in titels]
    assert posities == sorted(posities)
    assert html.count('class="agendapunt"') == 3
    assert html.count("Bespreekstuk") == 3
    # raadsvoorstel links to its zaak timeline, the memo is listed, the besluit is linked
    assert 'href="/zaken/L275141/"' in html
    assert "Besluitvormingsproces rondom Lariks" in html
    assert "Aangenomen" in html
    besluit_url = reverse("besluiten:detail", kwargs={"zaaknummer": "L275141"})
    assert f'href="{besluit_url}"' in html
    # onderwerpen link to their timeline
    assert 'href="/onderwerpen/lariks/"' in html
    # the bijlagen of the raadsvoorstel are listed
    assert "Publieksversie" in html


def test_previous_and_next_meeting_dates(client, demo_data):
    html = _agenda(client, "2021-09-16").content.decode()
    assert 'rel="prev" href="/vergaderingen/2021-09-09/"' in html
    assert 'rel="next" href="/vergaderingen/2021-09-30/"' in html
    html = _agenda(client, "2018-02-05").content.decode()
    assert 'rel="prev"' not in html
    # The demo's (fictitious) raadsvergadering of July 2020 with the motie of that month comes next (issue 13).
    assert 'rel="next" href="/vergaderingen/2020-07-09/"' in html


def test_time_slots_of_the_information_evening(client, demo_data):
    html = _agenda(client, "2018-02-05").content.decode()
    assert "20.00–20.30 uur" in html
    assert "22.00–22.30 uur" in html
    assert "20.00–22.30 uur" in html
    assert html.index("Rapport Sociaal Domein") < html.index("Rapport NJI") < html.index("regionale inkoopstrategie")


def test_abonneren_on_one_meeting(client, demo_data):
    html = _agenda(client).content.decode()
    assert re.search(r'href="/vergaderingen/vergadering/[0-9a-f-]{36}\.ics"', html)


def test_two_meetings_on_one_date(client, db):
    VergaderingFactory(
        titel="Commissie Bestuur",
        soort="commissie",
        datum=DATUM,
        aanvang=datetime.time(19, 0),
        einde=datetime.time(20, 0),
    )
    VergaderingFactory(titel="Raadsvergadering", datum=DATUM, aanvang=datetime.time(20, 30))
    html = _agenda(client).content.decode()
    assert "<title>Vergaderingen 30 september 2021 — " in html
    assert html.index("Commissie Bestuur, 19.00 uur") < html.index("Raadsvergadering, 20.30 uur")


def test_bijlage_download_link_with_type_and_size(client, db):
    bijlage = AgendapuntBijlageFactory(titel="Presentatie regiovisie", agendapunt__vergadering__datum=DATUM)
    html = _agenda(client).content.decode()
    url = reverse("bijlagen:download", kwargs={"uuid": bijlage.uuid})
    assert f'href="{url}"' in html
    assert "Presentatie regiovisie" in html
    assert "(PDF, 2,0\xa0KB)" in html


def test_cancelled_meeting_says_so(client, db):
    VergaderingFactory(geannuleerd=True, datum=DATUM)
    html = _agenda(client).content.decode()
    assert "Deze vergadering is geannuleerd." in html


class TestGeenVergadering:
    def test_a_date_without_meetings_is_a_helpful_404(self, client, demo_data):
        response = _agenda(client, "2021-09-20")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Geen vergadering op 20 september 2021" in html
        # The nearest meeting dates (the demo's fictitious July 2020 raadsvergadering of issue 13 is one).
        for datum in ["2021-09-09", "2021-09-16", "2021-09-30", "2020-07-09"]:
            assert f'href="/vergaderingen/{datum}/"' in html

    @pytest.mark.parametrize(
        "datum", ["2021-02-30", "2021-13-01", "30-09-2021", "gisteren", "2021-9-30", "0000-00-00", "2021-09-30x"]
    )
    def test_malformed_or_impossible_date_is_404(self, client, demo_data, datum):
        response = _agenda(client, datum)
        assert response.status_code == 404
        assert "Deze datum bestaat niet" in response.content.decode()

    def test_hidden_meeting_is_not_hinted_at(self, client, db):
        VergaderingFactory(besloten=True, datum=datetime.date(2021, 9, 1), titel="Geheim")
        VergaderingFactory(datum=datetime.date(2021, 9, 2))
        response = _agenda(client, "2021-09-01")
        assert response.status_code == 404
        html = response.content.decode()
        assert "Geheim" not in html
        assert "/vergaderingen/2021-09-01/" not in html.split("<main", 1)[1].split("Naar de vergaderkalender")[0]
        assert 'href="/vergaderingen/2021-09-02/"' in html


class TestZichtbaarheid:
    @pytest.fixture
    def agenda(self, db):
        vergadering = VergaderingFactory(datum=DATUM)
        AgendapuntFactory(vergadering=vergadering, titel="Openbaar punt")
        AgendapuntFactory(vergadering=vergadering, titel="Besloten punt", besloten=True)
        punt = AgendapuntFactory(vergadering=vergadering, titel="Punt met stukken")
        punt.memos.add(
            MemoFactory(betreft="Openbare memo"),
            MemoFactory(betreft="Geheime memo", vertrouwelijk=True),
            MemoFactory(betreft="Conceptmemo", concept=True),
        )
        AgendapuntBijlageFactory(agendapunt=punt, titel="Openbare bijlage")
        AgendapuntBijlageFactory(agendapunt=punt, titel="Vertrouwelijke bijlage", vertrouwelijk=True)
        voorstel = RaadsvoorstelFactory(titel="Vertrouwelijk voorstel", vertrouwelijk=True)
        AgendapuntFactory(
            vergadering=vergadering, titel="Punt met geheim voorstel", raadsvoorstel=voorstel, zaak=voorstel.zaak
        )
        BesluitFactory(
            raadsvoorstel=voorstel,
            vergadering=vergadering,
            titel="Conceptbesluit",
            agendapunt=vergadering.agendapunten.get(titel="Punt met geheim voorstel"),
        )
        return vergadering

    def test_anonymous(self, client, agenda):
        html = _agenda(client).content.decode()
        assert "Openbaar punt" in html
        assert "Besloten punt" not in html
        assert "Openbare memo" in html and "Openbare bijlage" in html
        for verborgen in [
            "Geheime memo",
            "Conceptmemo",
            "Vertrouwelijke bijlage",
            "Vertrouwelijk voorstel",
            "Besluit:",
        ]:
            assert verborgen not in html
        assert html.count('class="agendapunt"') == 3

    def test_raadslid(self, raadslid_client, agenda):
        html = _agenda(raadslid_client).content.decode()
        for zichtbaar in ["Besloten punt", "Geheime memo", "Vertrouwelijke bijlage", "Vertrouwelijk voorstel"]:
            assert zichtbaar in html
        assert "Conceptmemo" not in html
        assert "Besluit:" not in html  # a concept besluit is for the griffie only
        assert html.count('class="agendapunt"') == 4

    def test_griffie(self, griffie_client, agenda):
        html = _agenda(griffie_client).content.decode()
        assert "Conceptmemo" in html
        assert "Besluit:" in html and "nog niet gepubliceerd" in html

    def test_besloten_meeting_only_for_raadsleden(self, raadslid_client, db):
        VergaderingFactory(besloten=True, datum=DATUM, titel="Besloten vergadering")
        assert _agenda(Client()).status_code == 404
        response = _agenda(raadslid_client)
        assert response.status_code == 200
        assert "Besloten vergadering" in response.content.decode()

    def test_concept_agenda_only_for_griffie(self, raadslid_user, griffie_user):
        VergaderingFactory(concept=True, datum=DATUM, titel="Nog niet gepubliceerd")
        assert _agenda(Client()).status_code == 404
        assert _agenda(ingelogd(raadslid_user)).status_code == 404
        assert _agenda(ingelogd(griffie_user)).status_code == 200


@pytest.mark.parametrize("aantal", [1, 15])
def test_agenda_uses_a_constant_number_of_queries(client, django_assert_max_num_queries, aantal):
    onderwerp = OnderwerpFactory()
    for v in range(2):
        vergadering = VergaderingFactory(datum=DATUM, aanvang=datetime.time(19 + v, 0), einde=None)
        for _ in range(aantal):
            voorstel = RaadsvoorstelFactory()
            punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel, zaak=voorstel.zaak)
            punt.memos.add(MemoFactory(zaak=voorstel.zaak))  # the memo links to its zaak: no query per memo
            punt.onderwerpen.add(onderwerp)
            AgendapuntBijlageFactory(agendapunt=punt)
            RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel)
            MemoBijlageFactory(memo=punt.memos.get())
            BesluitFactory(gepubliceerd=True, raadsvoorstel=voorstel, vergadering=vergadering, agendapunt=punt)
    VergaderingFactory(datum=DATUM - datetime.timedelta(days=7))
    # meetings, items (with voorstel and zaak), memo's, onderwerpen, besluiten, moties and amendementen, the
    # bijlagen of all three kinds in one query, the neighbouring dates
    with django_assert_max_num_queries(8):
        response = _agenda(client)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="agendapunt"') == 2 * aantal
    assert html.count('class="bijlage"') == 3 * 2 * aantal


def test_bijlagen_of_items_voorstellen_and_memos_in_order_and_by_visibility(raadslid_user):
    vergadering = VergaderingFactory(datum=DATUM)
    voorstel = RaadsvoorstelFactory(titel="Voorstel met bijlagen")
    punt = AgendapuntFactory(vergadering=vergadering, titel="Eerste punt", raadsvoorstel=voorstel, zaak=voorstel.zaak)
    ander = AgendapuntFactory(vergadering=vergadering, titel="Tweede punt")
    memo = MemoFactory(betreft="Memo op twee punten")
    punt.memos.add(memo)
    ander.memos.add(memo)
    RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel, titel="Voorstelbijlage B", volgorde=2)
    RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel, titel="Voorstelbijlage A", volgorde=1)
    RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel, titel="Geheime voorstelbijlage", volgorde=3, vertrouwelijk=True)
    MemoBijlageFactory(memo=memo, titel="Memobijlage")
    MemoBijlageFactory(memo=memo, titel="Geheime memobijlage", vertrouwelijk=True)
    AgendapuntBijlageFactory(agendapunt=ander, titel="Puntbijlage")

    html = _agenda(Client()).content.decode()
    eerste, tweede = html.split('id="agendapunt-')[1:3]
    assert "Eerste punt" in eerste and "Tweede punt" in tweede
    # the voorstel's bijlagen under its item, in their order; the memo's under both items it is on
    assert eerste.index("Voorstelbijlage A") < eerste.index("Voorstelbijlage B")
    assert "Memobijlage" in eerste and "Memobijlage" in tweede
    assert "Puntbijlage" in tweede and "Puntbijlage" not in eerste
    assert "Voorstelbijlage" not in tweede
    assert "Geheime" not in html
    # each with its download link, type and size
    bijlage = memo.bijlagen.get(titel="Memobijlage")
    assert f'href="{reverse("bijlagen:download", kwargs={"uuid": bijlage.uuid})}"' in eerste
    assert re.search(r"Memobijlage<span class=\"portal-meta\"> \(ODT, [^)]+\)</span>", eerste)

    html = _agenda(ingelogd(raadslid_user)).content.decode()
    assert html.count("Geheime memobijlage") == 2 and "Geheime voorstelbijlage" in html


def test_bijlagen_of_a_hidden_voorstel_are_not_listed(client, db):
    vergadering = VergaderingFactory(datum=DATUM)
    voorstel = RaadsvoorstelFactory(titel="Vertrouwelijk voorstel", vertrouwelijk=True)
    AgendapuntFactory(vergadering=vergadering, titel="Punt", raadsvoorstel=voorstel, zaak=voorstel.zaak)
    # an openbare bijlage of a vertrouwelijk voorstel follows its voorstel
    RaadsvoorstelBijlageFactory(raadsvoorstel=voorstel, titel="Bijlage bij het geheime voorstel")
    html = _agenda(client).content.decode()
    assert "Punt" in html and "Bijlage bij het geheime voorstel" not in html
