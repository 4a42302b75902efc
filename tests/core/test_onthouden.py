"""The remembered `date`/`time` filters, `{% url %}` tag (apps/core/templatetags/onthouden.py) and choice labels
(apps/core/weergave.py) give exactly what Django's own give, for every kind of value, and never a stale result."""

import datetime
import uuid
import zoneinfo

import pytest
from django.db import models
from django.template import Context, Engine, engines
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import timezone, translation

from apps.besluiten.models import Besluit
from apps.core.templatetags import onthouden
from apps.core.weergave import keuze_weergave
from apps.moties.models import Stem

PORTAAL = engines["django"]  # the project's engine, with the builtin
DJANGO = Engine()  # Django's own filters and tags, for comparison


def beide(bron: str, **context) -> tuple[str, str]:
    return (
        PORTAAL.from_string(bron).render(context),
        DJANGO.from_string(bron).render(Context(context)),
    )


@pytest.fixture(autouse=True)
def _vers():
    onthouden._vergeten()
    yield
    onthouden._vergeten()


def test_the_projects_engine_uses_the_remembered_filters_and_tag():
    lib = PORTAAL.engine.template_builtins[-1]
    assert lib.filters["date"] is onthouden.date
    assert lib.tags["url"] is onthouden.url


@pytest.mark.parametrize(
    "waarde",
    [
        datetime.date(2021, 9, 30),
        datetime.date(2024, 2, 29),
        datetime.datetime(2021, 9, 30, 19, 30),
        None,
        "",
        "geen datum",
        42,
        [datetime.date(2021, 1, 1)],  # unhashable: Django's filter decides
    ],
)
@pytest.mark.parametrize("formaat", ['"j F Y"', '"l j F Y"', '"Y-m-d"', "", '"D d M"'])
def test_date_is_djangos_date(waarde, formaat):
    bron = "{{ w|date" + (f":{formaat}" if formaat else "") + " }}"
    with translation.override("nl"):
        ons, django = beide(bron, w=waarde)
        ons_weer, _ = beide(bron, w=waarde)  # the second time from the cache
    assert ons == django == ons_weer


def test_an_aware_datetime_is_formatted_in_the_current_zone_each_time():
    moment = datetime.datetime(2021, 9, 30, 17, 30, tzinfo=datetime.UTC)
    bron = '{{ m|date:"j F Y H:i T" }} {{ m|time:"H.i" }}'
    uitkomsten = []
    for zone in ("Europe/Amsterdam", "America/New_York", "Europe/Amsterdam"):
        with timezone.override(zoneinfo.ZoneInfo(zone)):
            ons, django = beide(bron, m=moment)
        assert ons == django
        uitkomsten.append(ons)
    assert uitkomsten[0] == "30 september 2021 19:30 CEST 19.30"
    assert uitkomsten[1] != uitkomsten[0] and uitkomsten[2] == uitkomsten[0]


def test_month_names_follow_the_active_language():
    bron = '{{ d|date:"j F Y" }}'
    d = datetime.date(2021, 3, 1)
    with translation.override("nl"):
        assert beide(bron, d=d)[0] == "1 maart 2021"
    with translation.override("en"):
        ons, django = beide(bron, d=d)
    assert ons == django == "1 March 2021"


@pytest.mark.parametrize(
    ("naam", "args"),
    [
        ("'besluiten:detail'", "zaaknummer='L275141'"),
        ("'besluiten:versie'", "zaaknummer='L275141' versie=2"),
        ("'vergaderagenda:agenda'", "datum='2021-09-30'"),
        ("'portaal:zoeken'", ""),
        ("'besluiten:detail'", "'L275141'"),
    ],
)
def test_url_is_djangos_url(naam, args):
    tag = f"url {naam} {args}"
    bron = "{% " + tag + " %}|{% " + tag + " as u %}[{{ u }}]"
    ons, django = beide(bron)
    assert ons == django
    assert beide(bron)[0] == ons  # from the cache
    assert ons.startswith("/")


def test_url_with_an_unknown_name_raises_unless_kept_as_a_variable():
    assert beide("{% url 'bestaat:niet' as u %}[{{ u }}]") == ("[]", "[]")
    for _ in range(2):  # the miss is remembered, and still raises without `as`
        with pytest.raises(NoReverseMatch):
            PORTAAL.from_string("{% url 'bestaat:niet' %}").render({})


def test_url_escapes_and_quotes_like_django():
    bron = "{% url 'portaal:onderwerp' slug=s %}"
    ons, django = beide(bron, s="a-b")
    assert ons == django == reverse("portaal:onderwerp", kwargs={"slug": "a-b"})


def test_url_follows_the_script_prefix():
    bron = "{% url 'besluiten:detail' zaaknummer='L275141' %}"
    try:
        set_script_prefix("/raad/")
        assert beide(bron)[0] == "/raad/besluiten/L275141/"
    finally:
        set_script_prefix("/")
    assert beide(bron)[0] == "/besluiten/L275141/"


def test_url_with_an_object_argument_is_not_remembered():
    class Veranderlijk:
        def __init__(self):
            self.tekst = "L100001"

        def __str__(self):
            return self.tekst

    obj = Veranderlijk()
    bron = "{% url 'besluiten:detail' zaaknummer=o %}"
    assert beide(bron, o=obj)[0] == "/besluiten/L100001/"
    obj.tekst = "L100002"
    assert beide(bron, o=obj)[0] == "/besluiten/L100002/"


def test_a_changed_setting_forgets_what_was_kept():
    bron = "{% url 'besluiten:detail' zaaknummer='L275141' %}"
    beide(bron)
    assert onthouden._link.cache_info().currsize == 1
    with override_settings(USE_THOUSAND_SEPARATOR=True):
        assert onthouden._link.cache_info().currsize == 0


@pytest.mark.parametrize("waarde", ["aangenomen", "geamendeerd_aangenomen", "", "iets-anders", None])
def test_choice_labels_are_djangos(waarde):
    besluit = Besluit(uitkomst=waarde)
    veld = Besluit._meta.get_field("uitkomst")
    assert Besluit.__dict__["get_uitkomst_display"].func is keuze_weergave  # ours, not Django's
    for _ in range(2):
        assert besluit.get_uitkomst_display() == models.Model._get_FIELD_display(besluit, veld)
    assert Besluit(uitkomst="geamendeerd_aangenomen").get_uitkomst_display() == "geamendeerd aangenomen"
    stem = Stem(keuze="afwezig")
    assert stem.get_keuze_display() == models.Model._get_FIELD_display(stem, Stem._meta.get_field("keuze"))
    assert stem.get_keuze_display() == "niet deelgenomen"


def test_uuid_and_int_arguments_are_plain_values():
    assert onthouden._gewoon(uuid.uuid4()) and onthouden._gewoon(3) and onthouden._gewoon("x")
    assert not onthouden._gewoon(object())
