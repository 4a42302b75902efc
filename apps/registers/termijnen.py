"""Terms (termijnen) in calendar days or working days, on the calendar of Europe/Amsterdam.

A deadline is a date, never a moment: "today" is the local date in the portal's time zone (settings.TIME_ZONE,
Europe/Amsterdam), so a term does not shift by an hour, or by a day late in the evening, when daylight saving
time starts or ends. Working days skip Saturdays, Sundays, the public holidays of TERMIJN_FEESTDAGEN_LAND
(the `holidays` package) and the extra days off in TERMIJN_EXTRA_VRIJE_DAGEN.
"""

import datetime
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


def vandaag() -> datetime.date:
    """Today's date in Europe/Amsterdam (settings.TIME_ZONE), whatever the server's clock zone."""
    return timezone.localdate()


@lru_cache(maxsize=64)
def _feestdagen(land: str, jaar: int) -> frozenset[datetime.date]:
    if not land:
        return frozenset()
    import holidays

    return frozenset(holidays.country_holidays(land, years=jaar).keys())


@lru_cache(maxsize=8)
def _extra_vrije_dagen(waarden: tuple[str, ...]) -> frozenset[datetime.date]:
    dagen = set()
    for waarde in waarden:
        try:
            dagen.add(datetime.date.fromisoformat(waarde))
        except ValueError as exc:
            raise ImproperlyConfigured(f"TERMIJN_EXTRA_VRIJE_DAGEN: {waarde!r} is geen datum (JJJJ-MM-DD)") from exc
    return frozenset(dagen)


def is_werkdag(datum: datetime.date) -> bool:
    if datum.weekday() >= 5:
        return False
    if datum in _feestdagen(settings.TERMIJN_FEESTDAGEN_LAND, datum.year):
        return False
    return datum not in _extra_vrije_dagen(tuple(settings.TERMIJN_EXTRA_VRIJE_DAGEN))


def termijn_einde(begin: datetime.date, dagen: int, *, werkdagen: bool | None = None) -> datetime.date:
    """The last day of a term of `dagen` days counted from the day after `begin`.

    Calendar days: begin + dagen. Working days (TERMIJN_WERKDAGEN, or `werkdagen`): only working days count,
    so the last day is always a working day.
    """
    werkdagen = settings.TERMIJN_WERKDAGEN if werkdagen is None else werkdagen
    if dagen < 0:
        raise ValueError("Een termijn kan niet negatief zijn.")
    if not werkdagen:
        return begin + datetime.timedelta(days=dagen)
    datum, over = begin, dagen
    while over > 0:
        datum += datetime.timedelta(days=1)
        if is_werkdag(datum):
            over -= 1
    return datum


def dagen_over(uiterste: datetime.date, *, op: datetime.date | None = None) -> int:
    """Calendar days left until `uiterste` (negative: days overdue)."""
    return (uiterste - (op or vandaag())).days


def week_einde(op: datetime.date | None = None) -> datetime.date:
    """The Sunday that ends the (ISO) week of `op`: what is due "this week"."""
    op = op or vandaag()
    return op + datetime.timedelta(days=6 - op.weekday())
