"""The iCal feeds: /vergaderingen.ics, one per gremium, one per meeting. Every feed is parsed back with icalendar."""

import datetime

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.vergaderagenda.ical import ical_feed
from tests.factories import AgendapuntFactory, GremiumFactory, VergaderingFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


def _parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    inhoud = response.content
    for regel in inhoud.split(b"\r\n"):
        assert len(regel) <= 75, regel  # folded as RFC 5545 asks
    return icalendar.Calendar.from_ical(inhoud)


def _events(client, url="/vergaderingen.ics") -> dict[str, icalendar.Event]:
    return {str(e["summary"]): e for e in _parse(client.get(url)).events}


def test_feed_urls_are_stable():
    assert reverse("vergaderagenda:ical") == "/vergaderingen.ics"
    gremium_feed = reverse("vergaderagenda:ical-gremium", kwargs={"gremium": "gemeenteraad"})
    assert gremium_feed == "/vergaderingen/gemeenteraad.ics"


def test_event_content(client, db):
    vergadering = VergaderingFactory(
        titel="Raadsvergadering",
        datum=VANDAAG + datetime.timedelta(days=10),
        aanvang=datetime.time(19, 30),
        einde=datetime.time(22, 45),
        locatie="Raadzaal, Hamersveldseweg 1",
    )
    AgendapuntFactory(vergadering=vergadering, volgorde=1, volgnummer="1", titel="Opening")
    AgendapuntFactory(vergadering=vergadering, volgorde=2, volgnummer="2a", titel="Regiovisie; jeugdhulp, vaststellen")
    cal = _parse(client.get("/vergaderingen.ics"))
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Amsterdam"]
    (event,) = cal.events
    assert str(event["summary"]) == "Raadsvergadering"
    assert event.start == datetime.datetime.combine(vergadering.datum, datetime.time(19, 30), tzinfo=event.start.tzinfo)
    assert event.start.tzinfo is not None and event["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert event.end.time() == datetime.time(22, 45)
    assert str(event["location"]) == "Raadzaal, Hamersveldseweg 1"
    beschrijving = str(event["description"])
    assert "1. Opening" in beschrijving
    assert "2a. Regiovisie; jeugdhulp, vaststellen" in beschrijving
    agenda_url = f"http://testserver/vergaderingen/{vergadering.datum.isoformat()}/"
    assert str(event["url"]) == agenda_url
    assert agenda_url in beschrijving
    assert str(event["uid"]) == f"vergadering-{vergadering.uuid}@raadsinformatie.gm0327"
    assert str(event["status"]) == "CONFIRMED"


def test_uid_stays_the_same_when_the_meeting_changes(client, db):
    vergadering = VergaderingFactory(datum=VANDAAG + datetime.timedelta(days=3))
    uid = str(_parse(client.get("/vergaderingen.ics")).events[0]["uid"])
    vergadering.titel = "Raadsvergadering (verplaatst)"
    vergadering.datum = VANDAAG + datetime.timedelta(days=5)
    vergadering.save()
    (event,) = _parse(client.get("/vergaderingen.ics")).events
    assert str(event["uid"]) == uid
    assert str(event["summary"]) == "Raadsvergadering (verplaatst)"


def test_cancelled_meeting_is_status_cancelled(client, db):
    VergaderingFactory(geannuleerd=True, titel="Commissie", datum=VANDAAG + datetime.timedelta(days=2))
    (event,) = _parse(client.get("/vergaderingen.ics")).events
    assert str(event["status"]) == "CANCELLED"
    assert "geannuleerd" in str(event["description"])


def test_meeting_without_time_is_an_all_day_event(client, db):
    VergaderingFactory(aanvang=None, einde=None, datum=VANDAAG + datetime.timedelta(days=1))
    (event,) = _parse(client.get("/vergaderingen.ics")).events
    assert event.start == VANDAAG + datetime.timedelta(days=1)
    assert event.end == VANDAAG + datetime.timedelta(days=2)


def test_end_from_the_agenda_items_when_the_meeting_has_none(client, db):
    vergadering = VergaderingFactory(aanvang=datetime.time(20), einde=None, datum=VANDAAG)
    AgendapuntFactory(vergadering=vergadering, aanvang=datetime.time(20), einde=datetime.time(21, 15))
    (event,) = _parse(client.get("/vergaderingen.ics")).events
    assert event.end.time() == datetime.time(21, 15)


def test_general_feed_holds_upcoming_and_the_last_twelve_months(client, db):
    VergaderingFactory(titel="Volgend jaar", datum=VANDAAG + datetime.timedelta(days=300))
    VergaderingFactory(titel="Vorige maand", datum=VANDAAG - datetime.timedelta(days=30))
    VergaderingFactory(titel="Twee jaar geleden", datum=VANDAAG - datetime.timedelta(days=730))
    assert set(_events(client)) == {"Volgend jaar", "Vorige maand"}


def test_general_feed_lists_the_agenda_of_recent_and_upcoming_meetings_only(client, db):
    """Older meetings link to their agenda page; their items still give the end time."""
    recent = VergaderingFactory(
        titel="Recent", datum=VANDAAG - datetime.timedelta(days=20), aanvang=datetime.time(20), einde=None
    )
    ouder = VergaderingFactory(
        titel="Ouder", datum=VANDAAG - datetime.timedelta(days=60), aanvang=datetime.time(20), einde=None
    )
    for vergadering in (recent, ouder):
        AgendapuntFactory(
            vergadering=vergadering,
            volgnummer="1",
            titel=f"Punt van {vergadering.titel}",
            aanvang=datetime.time(20),
            einde=datetime.time(21, 40),
        )
    events = _events(client)
    assert "1. Punt van Recent" in str(events["Recent"]["description"])
    beschrijving = str(events["Ouder"]["description"])
    assert "Punt van Ouder" not in beschrijving
    assert f"http://testserver/vergaderingen/{ouder.datum.isoformat()}/" in beschrijving
    assert events["Ouder"].end.time() == datetime.time(21, 40)
    # the feed of that one meeting lists its items
    (event,) = _parse(client.get(reverse("vergaderagenda:ical-vergadering", kwargs={"uuid": ouder.uuid}))).events
    assert "1. Punt van Ouder" in str(event["description"])


def test_items_of_an_older_meeting_with_its_own_end_time_are_not_read(db):
    """Its agenda is not listed and its end time is its own: the feed reads none of its items."""
    from django.contrib.auth.models import AnonymousUser

    from apps.vergaderagenda.selectors import ical_vergaderingen

    ouder = VergaderingFactory(
        titel="Ouder", datum=VANDAAG - datetime.timedelta(days=60), aanvang=datetime.time(20), einde=datetime.time(22)
    )
    zonder_einde = VergaderingFactory(
        titel="Zonder einde", datum=VANDAAG - datetime.timedelta(days=61), aanvang=datetime.time(20), einde=None
    )
    recent = VergaderingFactory(titel="Recent", datum=VANDAAG - datetime.timedelta(days=3), einde=datetime.time(22))
    for vergadering in (ouder, zonder_einde, recent):
        AgendapuntFactory(vergadering=vergadering, volgnummer="1", titel="Punt", einde=datetime.time(21))
    per_titel = {v.titel: v for v in ical_vergaderingen(user=AnonymousUser(), vandaag=VANDAAG)}
    assert per_titel["Ouder"].ical_agendapunten == [] and not per_titel["Ouder"].ical_agenda_tonen
    assert len(per_titel["Zonder einde"].ical_agendapunten) == 1  # they give its end time
    assert len(per_titel["Recent"].ical_agendapunten) == 1 and per_titel["Recent"].ical_agenda_tonen


def test_feed_per_gremium(client, db):
    commissie = GremiumFactory(naam="Commissie Maatschappij", slug="commissie-maatschappij")
    VergaderingFactory(titel="Raad", datum=VANDAAG)
    VergaderingFactory(titel="Commissie", gremium=commissie, datum=VANDAAG)
    cal = _parse(client.get("/vergaderingen/commissie-maatschappij.ics"))
    assert [str(e["summary"]) for e in cal.events] == ["Commissie"]
    assert "Commissie Maatschappij" in str(cal["x-wr-calname"])
    assert client.get("/vergaderingen/bestaat-niet.ics").status_code == 404


def test_feed_per_meeting_even_when_it_is_old(client, demo_data):
    html = client.get("/vergaderingen/2021-09-30/").content.decode()
    start = html.index("/vergaderingen/vergadering/")
    url = html[start : html.index('"', start)]
    (event,) = _parse(client.get(url)).events
    assert event.start == datetime.date(2021, 9, 30)
    assert "3. Regiovisie 'Samen Werken aan de specialistische jeugdhulp'" in str(event["description"])
    assert client.get("/vergaderingen/vergadering/00000000-0000-0000-0000-000000000000.ics").status_code == 404


class TestZichtbaarheid:
    @pytest.fixture
    def vergaderingen(self, db):
        openbaar = VergaderingFactory(titel="Openbaar", datum=VANDAAG)
        AgendapuntFactory(vergadering=openbaar, titel="Openbaar punt")
        AgendapuntFactory(vergadering=openbaar, titel="Besloten punt", besloten=True)
        besloten = VergaderingFactory(titel="Besloten", besloten=True, datum=VANDAAG)
        concept = VergaderingFactory(titel="Concept", concept=True, datum=VANDAAG)
        return openbaar, besloten, concept

    def test_anonymous(self, vergaderingen):
        client = Client()
        events = _events(client)
        assert set(events) == {"Openbaar"}
        assert "Besloten punt" not in str(events["Openbaar"]["description"])
        _, besloten, concept = vergaderingen
        for v in (besloten, concept):
            assert client.get(reverse("vergaderagenda:ical-vergadering", kwargs={"uuid": v.uuid})).status_code == 404
        assert b"Besloten" not in client.get("/vergaderingen/gemeenteraad-leusden.ics").content

    def test_raadslid(self, raadslid_client, vergaderingen):
        events = _events(raadslid_client)
        assert set(events) == {"Openbaar", "Besloten"}
        assert "Besloten punt" in str(events["Openbaar"]["description"])
        assert str(events["Besloten"]["class"]) == "CONFIDENTIAL"

    def test_griffie(self, griffie_client, vergaderingen):
        events = _events(griffie_client)
        assert set(events) == {"Openbaar", "Besloten", "Concept"}
        assert str(events["Concept"]["status"]) == "TENTATIVE"


@pytest.mark.parametrize("aantal", [1, 30])
def test_feed_uses_a_constant_number_of_queries(client, django_assert_max_num_queries, aantal):
    gremium = GremiumFactory()
    for i in range(aantal):
        vergadering = VergaderingFactory(gremium=gremium, datum=VANDAAG + datetime.timedelta(days=i))
        AgendapuntFactory(vergadering=vergadering)
        AgendapuntFactory(vergadering=vergadering)
    with django_assert_max_num_queries(2):
        from django.contrib.auth.models import AnonymousUser

        inhoud = ical_feed(user=AnonymousUser())
    assert inhoud.count(b"BEGIN:VEVENT") == aantal
    with django_assert_max_num_queries(4):
        assert client.get("/vergaderingen.ics").status_code == 200
