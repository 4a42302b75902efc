"""Terms in calendar or working days, on the calendar of Europe/Amsterdam, also around the DST changes."""

import datetime

import pytest
from django.utils import timezone

from apps.registers.models import Toezegging
from apps.registers.termijnen import is_werkdag, termijn_einde, vandaag, week_einde
from tests.factories import ToezeggingFactory, VergaderingFactory

D = datetime.date
UTC = datetime.UTC


def _klok(monkeypatch, moment: datetime.datetime):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_calendar_days_count_every_day():
    assert termijn_einde(D(2027, 3, 1), 30, werkdagen=False) == D(2027, 3, 31)
    assert termijn_einde(D(2027, 10, 20), 14, werkdagen=False) == D(2027, 11, 3)  # over the end of DST


def test_working_days_skip_weekends_and_dutch_public_holidays():
    # Friday 26 March 2027; Easter Monday is 29 March (DST starts Sunday 28 March)
    assert not is_werkdag(D(2027, 3, 29))
    assert termijn_einde(D(2027, 3, 26), 2, werkdagen=True) == D(2027, 3, 31)
    assert termijn_einde(D(2027, 4, 23), 1, werkdagen=True) == D(2027, 4, 26)  # Koningsdag is Tuesday 27 April
    assert termijn_einde(D(2027, 4, 26), 1, werkdagen=True) == D(2027, 4, 28)


def test_extra_days_off_from_the_configuration(settings):
    settings.TERMIJN_EXTRA_VRIJE_DAGEN = ["2027-12-27"]
    assert termijn_einde(D(2027, 12, 24), 1, werkdagen=True) == D(2027, 12, 28)
    settings.TERMIJN_EXTRA_VRIJE_DAGEN = []
    settings.TERMIJN_FEESTDAGEN_LAND = ""
    assert termijn_einde(D(2027, 3, 26), 1, werkdagen=True) == D(2027, 3, 29)  # no holidays configured


def test_the_configured_kind_of_days_is_the_default(settings):
    settings.TERMIJN_WERKDAGEN = True
    assert termijn_einde(D(2027, 3, 26), 2) == D(2027, 3, 31)
    settings.TERMIJN_WERKDAGEN = False
    assert termijn_einde(D(2027, 3, 26), 2) == D(2027, 3, 28)


@pytest.mark.parametrize(
    "moment, datum",
    [
        (datetime.datetime(2027, 3, 27, 23, 30, tzinfo=UTC), D(2027, 3, 28)),  # 00:30 CET
        (datetime.datetime(2027, 3, 28, 21, 59, tzinfo=UTC), D(2027, 3, 28)),  # 23:59 CEST
        (datetime.datetime(2027, 3, 28, 22, 0, tzinfo=UTC), D(2027, 3, 29)),  # 00:00 CEST
        (datetime.datetime(2027, 10, 30, 22, 30, tzinfo=UTC), D(2027, 10, 31)),  # 00:30 CEST
        (datetime.datetime(2027, 10, 31, 22, 59, tzinfo=UTC), D(2027, 10, 31)),  # 23:59 CET
        (datetime.datetime(2027, 10, 31, 23, 0, tzinfo=UTC), D(2027, 11, 1)),  # 00:00 CET
    ],
)
def test_today_is_the_date_in_amsterdam_across_the_dst_changes(monkeypatch, moment, datum):
    _klok(monkeypatch, moment)
    assert vandaag() == datum


@pytest.mark.django_db
@pytest.mark.parametrize(
    "uiterste, moment, overschreden",
    [
        (D(2027, 3, 28), datetime.datetime(2027, 3, 28, 21, 30, tzinfo=UTC), False),  # 23:30 on the last day
        (D(2027, 3, 28), datetime.datetime(2027, 3, 28, 22, 30, tzinfo=UTC), True),  # 00:30 the next day (CEST)
        (D(2027, 10, 31), datetime.datetime(2027, 10, 31, 22, 30, tzinfo=UTC), False),  # 23:30 CET, last day
        (D(2027, 10, 31), datetime.datetime(2027, 10, 31, 23, 30, tzinfo=UTC), True),  # 00:30 CET next day
    ],
)
def test_overdue_flips_at_midnight_in_amsterdam_around_dst(monkeypatch, uiterste, moment, overschreden):
    t = ToezeggingFactory(vergadering=VergaderingFactory(datum=D(2027, 1, 14)), uiterste_datum=uiterste)
    _klok(monkeypatch, moment)
    assert (t.toestand == "overschreden") is overschreden
    assert Toezegging.objects.overschreden().filter(pk=t.pk).exists() is overschreden
    assert Toezegging.objects.met_toestand("open").filter(pk=t.pk).exists() is not overschreden


def test_this_week_ends_on_sunday():
    assert week_einde(D(2027, 3, 24)) == D(2027, 3, 28)
    assert week_einde(D(2027, 3, 28)) == D(2027, 3, 28)
