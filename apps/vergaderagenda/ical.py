"""iCalendar feeds of the meetings, built with the icalendar library.

Every event has a title, start and end in Europe/Amsterdam (with a VTIMEZONE), the location, the agenda items
in the description (upcoming meetings and those of the last month; see selectors.ICAL_AGENDA_TERUG), a URL
back to the agenda page of its date, a stable UID (the meeting's UUID) and STATUS:CANCELLED for a cancelled
meeting. A meeting without a start time is an all-day event.

Speed (500 meetings in well under 0.15 s): the calendar header and the VTIMEZONE are an icalendar `Calendar`
(the VTIMEZONE serialised once per process); every property value of an event is encoded by icalendar's own
property types (vText escaping, vDatetime / vDate, vUri, vCategory), and the content lines of the events are
assembled and folded here in one pass. icalendar's generic `Component.to_ical()` spends about 0.2 ms per event
on inference and character-by-character folding; that is the part this module skips. The tests parse every
feed back with `icalendar.Calendar.from_ical`.

`ical_feed()` is the function to time: two queries (meetings + their visible agenda items), no query per event.
"""

import datetime
import functools
import zoneinfo

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import vCategory, vDate, vDatetime, vInt, vText, vUri

from apps.core.gemeente import huidige_gemeente

from .models import Vergadering
from .selectors import ical_vergaderingen

TIJDZONE = "Europe/Amsterdam"

#: Assumed length of a meeting that has a start time but no end time (and no timed agenda items).
STANDAARD_DUUR = datetime.timedelta(hours=2)

_STATUS = {
    Vergadering.Status.CONCEPT: b"TENTATIVE",
    Vergadering.Status.GEPUBLICEERD: b"CONFIRMED",
    Vergadering.Status.GEHOUDEN: b"CONFIRMED",
    Vergadering.Status.GEANNULEERD: b"CANCELLED",
}

_MAX_OCTETS = 75  # RFC 5545 3.1: content lines are folded at 75 octets


@functools.cache
def _tz():
    return zoneinfo.ZoneInfo(TIJDZONE)


@functools.cache
def _vtimezone_ical() -> bytes:
    """The VTIMEZONE of Europe/Amsterdam as icalendar serialises it; built once per process."""
    return icalendar.Timezone.from_tzid(TIJDZONE).to_ical()


def _vouw(regel: bytes) -> bytes:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character or after a backslash."""
    if len(regel) <= _MAX_OCTETS:
        return regel
    delen, start, limiet, lengte = [], 0, _MAX_OCTETS, len(regel)
    while lengte - start > limiet:
        eind = start + limiet
        while regel[eind] & 0xC0 == 0x80:  # a UTF-8 continuation byte: step back to the character's start
            eind -= 1
        if regel[eind - 1] == 0x5C and eind - 1 > start:  # keep an escape (\n, \, \;) on one line
            eind -= 1
        delen.append(regel[start:eind])
        start, limiet = eind, _MAX_OCTETS - 1  # continuation lines begin with a space
    delen.append(regel[start:])
    return b"\r\n ".join(delen)


def _tijd(t: datetime.time | None) -> str:
    return t.strftime("%H.%M") if t else ""


def _beschrijving(vergadering, url: str) -> str:
    regels = []
    if vergadering.status == Vergadering.Status.GEANNULEERD:
        regels.append("Deze vergadering is geannuleerd.")
    regels.append(vergadering.gremium.naam)
    punten = vergadering.ical_agendapunten if vergadering.ical_agenda_tonen else []
    if punten:
        regels.append("")
        regels.append("Agenda:")
        for volgnummer, titel, aanvang, einde in punten:
            if aanvang and einde:
                tijd = f" ({_tijd(aanvang)}–{_tijd(einde)})"
            elif aanvang:
                tijd = f" ({_tijd(aanvang)})"
            else:
                tijd = ""
            regels.append(f"{volgnummer}. {titel}{tijd}" if volgnummer else f"{titel}{tijd}")
    regels.append("")
    regels.append(f"Agenda en stukken: {url}")
    return "\n".join(regels)


def _start_einde(vergadering):
    """(start, end) as datetimes in Europe/Amsterdam, or as dates for an all-day meeting (end exclusive)."""
    if vergadering.aanvang is None:
        return vergadering.datum, vergadering.datum + datetime.timedelta(days=1)
    tz = _tz()
    start = datetime.datetime.combine(vergadering.datum, vergadering.aanvang, tzinfo=tz)
    einde_tijd = vergadering.einde
    if einde_tijd is None:
        eindtijden = [punt[3] for punt in vergadering.ical_agendapunten if punt[3]]
        einde_tijd = max(eindtijden) if eindtijden else None
    if einde_tijd is not None and einde_tijd > vergadering.aanvang:
        return start, datetime.datetime.combine(vergadering.datum, einde_tijd, tzinfo=tz)
    return start, start + STANDAARD_DUUR


def _dt_regel(naam: bytes, waarde) -> bytes:
    if isinstance(waarde, datetime.datetime):
        return naam + b";TZID=" + TIJDZONE.encode() + b":" + vDatetime(waarde.replace(tzinfo=None)).to_ical()
    return naam + b";VALUE=DATE:" + vDate(waarde).to_ical()


def _utc(moment: datetime.datetime) -> bytes:
    return vDatetime(moment.astimezone(datetime.UTC)).to_ical()


def uid_van(vergadering, *, tooi_code: str | None = None) -> str:
    """Stable for the life of the meeting: its UUID, whatever changes to date, time or title."""
    return f"vergadering-{vergadering.uuid}@raadsinformatie.{tooi_code or huidige_gemeente().tooi_code}"


def _kop(naam: str) -> bytes:
    """BEGIN:VCALENDAR, the calendar's properties and the VTIMEZONE (without END:VCALENDAR)."""
    gemeente = huidige_gemeente()
    cal = icalendar.Calendar()
    cal.add("prodid", f"-//Raadsinformatie {gemeente.naam}//Vergaderkalender//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", TIJDZONE)
    kop = cal.to_ical()
    einde = b"END:VCALENDAR\r\n"
    assert kop.endswith(einde)
    return kop[: -len(einde)] + _vtimezone_ical()


def vergaderingen_als_ical(vergaderingen, *, basis_url: str, naam: str) -> bytes:
    """The calendar for meetings from `selectors.ical_vergaderingen` (agenda items attached). No queries."""
    basis_url = basis_url.rstrip("/")
    tooi = huidige_gemeente().tooi_code
    soorten = {waarde: vCategory([str(label).capitalize()]).to_ical() for waarde, label in Vergadering.Soort.choices}
    # One reverse() per feed; the date is put into the path per event.
    pad = reverse("vergaderagenda:agenda", kwargs={"datum": "2000-01-01"})
    pad_voor, pad_na = pad.split("2000-01-01")
    regels = [_kop(naam)]
    voeg_toe = regels.append
    for vergadering in vergaderingen:
        url = f"{basis_url}{pad_voor}{vergadering.datum.isoformat()}{pad_na}"
        start, einde = _start_einde(vergadering)
        titel = vergadering.titel
        if vergadering.status == Vergadering.Status.GEANNULEERD:
            titel = f"Geannuleerd: {titel}"
        gewijzigd = _utc(vergadering.updated_at or timezone.now())
        event = [
            b"BEGIN:VEVENT",
            b"UID:" + vText(uid_van(vergadering, tooi_code=tooi)).to_ical(),
            b"DTSTAMP:" + gewijzigd,
            b"LAST-MODIFIED:" + gewijzigd,
            b"SEQUENCE:" + vInt(max(vergadering.version - 1, 0)).to_ical(),
            _dt_regel(b"DTSTART", start),
            _dt_regel(b"DTEND", einde),
            b"SUMMARY:" + vText(titel).to_ical(),
        ]
        if vergadering.locatie:
            event.append(b"LOCATION:" + vText(vergadering.locatie).to_ical())
        event.append(b"DESCRIPTION:" + vText(_beschrijving(vergadering, url)).to_ical())
        event.append(b"URL:" + vUri(url).to_ical())
        event.append(b"STATUS:" + _STATUS.get(vergadering.status, b"CONFIRMED"))
        event.append(b"CATEGORIES:" + soorten.get(vergadering.soort, b""))
        if not vergadering.openbaar:
            event.append(b"CLASS:CONFIDENTIAL")
        event.append(b"END:VEVENT")
        voeg_toe(b"\r\n".join(_vouw(regel) for regel in event) + b"\r\n")
    voeg_toe(b"END:VCALENDAR\r\n")
    return b"".join(regels)


def ical_feed(
    *, user, gremium=None, vergadering_uuid=None, basis_url: str | None = None, naam: str | None = None
) -> bytes:
    """The iCal feed as bytes: all meetings (upcoming + last 12 months), one gremium's, or one meeting.

    This is the function the benchmark times, e.g.::

        from django.contrib.auth.models import AnonymousUser
        from apps.vergaderagenda.ical import ical_feed
        ical_feed(user=AnonymousUser())
    """
    vergaderingen = ical_vergaderingen(user=user, gremium=gremium, vergadering_uuid=vergadering_uuid)
    if naam is None:
        naam = (
            f"Vergaderingen {gremium.naam}"
            if gremium is not None
            else (f"Vergaderingen {huidige_gemeente().naam_raad}")
        )
    return vergaderingen_als_ical(vergaderingen, basis_url=basis_url or settings.PORTAAL_BASIS_URL, naam=naam)
