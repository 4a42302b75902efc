"""The meeting calendar at /vergaderingen/: month view, list (upcoming first, past by year), filters."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import AgendapuntFactory, GremiumFactory, VergaderingFactory

pytestmark = pytest.mark.django_db

KALENDER = "/vergaderingen/"


def _sectie(html: str, sectie_id: str) -> str:
    """The HTML of the <section> whose heading has this id."""
    begin = html.index(f'id="{sectie_id}"')
    return html[begin : html.index("</section>", begin)]


def _aantal_items(html: str) -> int:
    return len(re.findall(r'class="kalender__item[ "]', html))


def test_url_is_stable():
    assert reverse("vergaderagenda:kalender") == KALENDER


def test_list_shows_the_demo_meetings_of_2021_linked_to_their_agenda(client, demo_data):
    html = client.get(KALENDER).content.decode()
    eerder = _sectie(html, "eerdere")
    assert "Eerdere vergaderingen in 2021" in eerder
    for datum in ["2021-09-09", "2021-09-16", "2021-09-30"]:
        assert f'href="/vergaderingen/{datum}/"' in eerder
    # newest first within the year
    assert eerder.index("2021-09-30") < eerder.index("2021-09-16") < eerder.index("2021-09-09")
    # the 2018 meeting is one click away, in the year navigation
    assert "jaar=2018" in eerder
    assert "2018-02-05" not in eerder


def test_past_meetings_of_another_year(client, demo_data):
    eerder = _sectie(client.get(KALENDER, {"jaar": "2018"}).content.decode(), "eerdere")
    assert 'href="/vergaderingen/2018-02-05/"' in eerder
    assert "2021-09-30" not in eerder


def test_upcoming_meetings_come_first(client, demo_data):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    VergaderingFactory(titel="Komende raadsvergadering", datum=morgen)
    html = client.get(KALENDER).content.decode()
    komend = _sectie(html, "komende")
    assert "Komende raadsvergadering" in komend
    assert html.index('id="komende"') < html.index('id="eerdere"')
    assert "Komende raadsvergadering" not in _sectie(html, "eerdere")


def test_month_view_puts_meetings_on_their_day_with_navigation(client, demo_data):
    response = client.get(KALENDER, {"maand": "2021-09"})
    html = response.content.decode()
    maand = _sectie(html, "maandoverzicht")
    assert '<caption class="kalender__titel">september 2021</caption>' in maand
    assert _aantal_items(maand) == 3
    cel = re.search(r'data-label="donderdag 30 september">(.*?)</td>', maand, re.S).group(1)
    assert 'href="/vergaderingen/2021-09-30/"' in cel
    assert "maand=2021-08" in maand and "maand=2021-10" in maand
    # weeks start on monday
    assert maand.index("maandag") < maand.index("zondag")


def test_month_navigation_keeps_the_filters(client, demo_data):
    html = client.get(KALENDER, {"maand": "2021-09", "soort": "informatieavond"}).content.decode()
    assert "soort=informatieavond&amp;maand=2021-10" in html


def test_filter_on_soort(client, demo_data):
    html = client.get(KALENDER, {"soort": "informatieavond", "maand": "2021-09"}).content.decode()
    maand = _sectie(html, "maandoverzicht")
    assert _aantal_items(maand) == 1
    assert "/vergaderingen/2021-09-16/" in maand
    eerder = _sectie(html, "eerdere")
    assert "2021-09-16" in eerder and "2021-09-30" not in eerder


def test_filter_on_gremium(client, demo_data):
    commissie = GremiumFactory(naam="Commissie Maatschappij", slug="commissie-maatschappij", soort="commissie")
    VergaderingFactory(
        gremium=commissie, titel="Commissievergadering", soort="commissie", datum=datetime.date(2021, 9, 21)
    )
    html = client.get(KALENDER, {"gremium": "commissie-maatschappij", "maand": "2021-09"}).content.decode()
    maand = _sectie(html, "maandoverzicht")
    assert _aantal_items(maand) == 1
    assert "Commissievergadering" in maand
    # the filter offers the gremia that have meetings, by name
    assert '<option value="commissie-maatschappij"' in html
    assert '<option value="gemeenteraad"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"gremium": "bestaat-niet"},
        {"soort": "feestje"},
        {"maand": "2021-13"},
        {"maand": "september"},
        {"maand": "99999-01"},
        {"jaar": "twintig"},
        {"jaar": "1850"},
        {"page": "x", "maand": "", "jaar": ""},
    ],
)
def test_bad_input_gives_a_calm_dutch_message_not_an_error(client, demo_data, params):
    response = client.get(KALENDER, params)
    assert response.status_code == 200
    html = response.content.decode()
    if "gremium" in params or "soort" in params:
        assert "bestaat niet" in html
    elif params.get("maand"):
        assert "Deze maand kunnen we niet tonen" in html
    elif params.get("jaar"):
        assert "U ziet nu" in html


def test_abonneren_links_on_the_calendar(client, demo_data):
    html = client.get(KALENDER).content.decode()
    assert 'href="/vergaderingen.ics"' in html
    assert 'href="/vergaderingen/gemeenteraad.ics"' in html
    # what the subscription holds, in words (selectors.ICAL_TERUG and ICAL_AGENDA_TERUG)
    assert "komende vergaderingen en die van het afgelopen jaar" in html
    assert "bij oudere vergaderingen staat een link naar de agenda" in html


def test_calendar_page_structure(client, demo_data):
    html = client.get(KALENDER).content.decode()
    assert html.count("<h1") == 1
    assert "<title>Vergaderingen — " in html


class TestZichtbaarheid:
    @pytest.fixture
    def vergaderingen(self, db):
        VergaderingFactory(titel="Openbare vergadering", datum=datetime.date(2021, 9, 7))
        VergaderingFactory(titel="Besloten overleg", besloten=True, datum=datetime.date(2021, 9, 8), soort="overleg")
        VergaderingFactory(titel="Conceptvergadering", concept=True, datum=datetime.date(2021, 9, 9))

    def _pagina(self, client):
        return client.get(KALENDER, {"maand": "2021-09", "jaar": "2021"}).content.decode()

    def test_anonymous_sees_only_public_meetings(self, client, vergaderingen):
        html = self._pagina(client)
        assert "Openbare vergadering" in html
        assert "Besloten overleg" not in html
        assert "Conceptvergadering" not in html
        assert _aantal_items(_sectie(html, "maandoverzicht")) == 1

    def test_raadslid_also_sees_besloten_meetings_not_concept(self, raadslid_client, vergaderingen):
        html = self._pagina(raadslid_client)
        assert "Besloten overleg" in html
        assert "Besloten</span>" in html
        assert "Conceptvergadering" not in html

    def test_griffie_sees_concept_meetings(self, griffie_client, vergaderingen):
        html = self._pagina(griffie_client)
        assert "Conceptvergadering" in html
        assert "Besloten overleg" in html

    def test_a_gremium_with_only_besloten_meetings_is_not_offered_to_anonymous(self, client, db):
        geheim = GremiumFactory(naam="Vertrouwenscommissie", slug="vertrouwenscommissie", soort="commissie")
        VergaderingFactory(gremium=geheim, besloten=True, titel="Sollicitatiegesprekken")
        VergaderingFactory(titel="Raadsvergadering")
        html = client.get(KALENDER).content.decode()
        assert "Vertrouwenscommissie" not in html


@pytest.mark.parametrize("aantal", [2, 40])
def test_calendar_uses_a_constant_number_of_queries(client, django_assert_max_num_queries, aantal):
    gremium = GremiumFactory()
    vandaag = timezone.localdate()
    for i in range(aantal):
        verleden = VergaderingFactory(gremium=gremium, datum=vandaag - datetime.timedelta(days=i + 1))
        AgendapuntFactory(vergadering=verleden)
        VergaderingFactory(gremium=gremium, datum=vandaag + datetime.timedelta(days=i))
    with django_assert_max_num_queries(8):
        response = client.get(KALENDER, {"soort": "raadsvergadering", "gremium": gremium.slug})
    assert response.status_code == 200
