"""iCalendar feeds of the meetings, built with the icalendar library.

Every event has a title, start and end in Europe/Amsterdam (with a VTIMEZONE), the location, the agenda items
in the description, a URL back to the agenda page of its date, a stable UID (the meeting's UUID) and
STATUS:CANCELLED for a cancelled meeting. A meeting without a start time is an all-day event.

`ical_feed()` is the function to time: it runs two queries (meetings + their visible agenda items) and builds
the calendar without any further query per event.
"""

import datetime
import functools
import zoneinfo

import icalendar
from django.conf import settings
from django.urls import reverse

from apps.core.gemeente import huidige_gemeente

from .models import Vergadering
from .selectors import ical_vergaderingen

TIJDZONE = "Europe/Amsterdam"

#: Assumed length of a meeting that has a start time but no end time (and no timed agenda items).
STANDAARD_DUUR = datetime.timedelta(hours=2)

_STATUS = {
    Vergadering.Status.CONCEPT: "TENTATIVE",
    Vergadering.Status.GEPUBLICEERD: "CONFIRMED",
    Vergadering.Status.GEHOUDEN: "CONFIRMED",
    Vergadering.Status.GEANNULEERD: "CANCELLED",
}


@functools.cache
def _tz():
    return zoneinfo.ZoneInfo(TIJDZONE)


@functools.cache
def _vtimezone() -> icalendar.Timezone:
    """The VTIMEZONE of Europe/Amsterdam, built once per process (it is only read afterwards)."""
    return icalendar.Timezone.from_tzid(TIJDZONE)


def _tijd(t: datetime.time | None) -> str:
    return t.strftime("%H.%M") if t else ""


def _beschrijving(vergadering, url: str) -> str:
    regels = []
    if vergadering.status == Vergadering.Status.GEANNULEERD:
        regels.append("Deze vergadering is geannuleerd.")
    if vergadering.gremium_id:
        regels.append(str(vergadering.gremium.naam))
    punten = vergadering.zichtbare_agendapunten
    if punten:
        regels.append("")
        regels.append("Agenda:")
        for punt in punten:
            tijd = f" ({_tijd(punt.aanvang)}–{_tijd(punt.einde)})" if punt.aanvang and punt.einde else (
                f" ({_tijd(punt.aanvang)})" if punt.aanvang else "")
            nummer = f"{punt.volgnummer}. " if punt.volgnummer else ""
            regels.append(f"{nummer}{punt.titel}{tijd}")
    regels.append("")
    regels.append(f"Agenda en stukken: {url}")
    return "\n".join(regels)


def _start_einde(vergadering):
    if vergadering.aanvang is None:
        # All day: DTSTART;VALUE=DATE and DTEND the next day (RFC 5545, end is exclusive).
        return vergadering.datum, vergadering.datum + datetime.timedelta(days=1)
    tz = _tz()
    start = datetime.datetime.combine(vergadering.datum, vergadering.aanvang, tzinfo=tz)
    einde_tijd = vergadering.einde
    if einde_tijd is None:
        eindtijden = [p.einde for p in vergadering.zichtbare_agendapunten if p.einde]
        einde_tijd = max(eindtijden) if eindtijden else None
    if einde_tijd is not None and einde_tijd > vergadering.aanvang:
        einde = datetime.datetime.combine(vergadering.datum, einde_tijd, tzinfo=tz)
    else:
        einde = start + STANDAARD_DUUR
    return start, einde


def uid_van(vergadering, *, tooi_code: str | None = None) -> str:
    """Stable for the life of the meeting: its UUID, whatever changes to date, time or title."""
    return f"vergadering-{vergadering.uuid}@raadsinformatie.{tooi_code or huidige_gemeente().tooi_code}"


def vergaderingen_als_ical(vergaderingen, *, basis_url: str, naam: str) -> bytes:
    """Build the calendar for meetings from `ical_vergaderingen` (agenda items prefetched). No queries."""
    basis_url = basis_url.rstrip("/")
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Raadsinformatie {huidige_gemeente().naam}//Vergaderkalender//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", TIJDZONE)
    cal.add_component(_vtimezone())
    tooi = huidige_gemeente().tooi_code
    pad_sjabloon = reverse("vergaderagenda:agenda", kwargs={"datum": "0000-00-00"})
    for vergadering in vergaderingen:
        url = basis_url + pad_sjabloon.replace("0000-00-00", vergadering.datum.isoformat())
        start, einde = _start_einde(vergadering)
        event = icalendar.Event()
        event.add("uid", uid_van(vergadering, tooi_code=tooi))
        event.add("dtstamp", vergadering.updated_at)
        event.add("last-modified", vergadering.updated_at)
        event.add("sequence", max(vergadering.version - 1, 0))
        event.add("dtstart", start)
        event.add("dtend", einde)
        titel = vergadering.titel
        if vergadering.status == Vergadering.Status.GEANNULEERD:
            titel = f"Geannuleerd: {titel}"
        event.add("summary", titel)
        if vergadering.locatie:
            event.add("location", vergadering.locatie)
        event.add("description", _beschrijving(vergadering, url))
        event.add("url", url)
        event.add("status", _STATUS.get(vergadering.status, "CONFIRMED"))
        event.add("categories", [vergadering.get_soort_display()])
        if not vergadering.openbaar:
            event.add("class", "CONFIDENTIAL")
        cal.add_component(event)
    return cal.to_ical()


def ical_feed(*, user, gremium=None, vergadering_uuid=None, basis_url: str | None = None,
              naam: str | None = None) -> bytes:
    """The iCal feed as bytes: all meetings (upcoming + last 12 months), one gremium's, or one meeting.

    This is the function the benchmark times, e.g.::

        from django.contrib.auth.models import AnonymousUser
        from apps.vergaderagenda.ical import ical_feed
        ical_feed(user=AnonymousUser())
    """
    vergaderingen = ical_vergaderingen(user=user, gremium=gremium, vergadering_uuid=vergadering_uuid)
    if naam is None:
        naam = f"Vergaderingen {gremium.naam}" if gremium is not None else (
            f"Vergaderingen {huidige_gemeente().naam_raad}")
    return vergaderingen_als_ical(vergaderingen, basis_url=basis_url or settings.PORTAAL_BASIS_URL, naam=naam)
