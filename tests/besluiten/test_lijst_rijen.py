# ruff: noqa: E501  (the former template, kept as it was)
"""The rows of the besluiten list are rendered in Python (apps/besluiten/templatetags/besluitenlijst.py): the
same markup as the template include they replaced, for every kind of row, and without a query of their own."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.utils import timezone

from apps.besluiten.models import Besluit
from apps.besluiten.selectors import besluiten_lijst
from apps.besluiten.templatetags.besluitenlijst import besluit_rijen
from tests.factories import BesluitFactory, GremiumFactory, VergaderingFactory, ZaakFactory

pytestmark = pytest.mark.django_db

#: templates/besluiten/_besluit_item.html as it was, before the rows were rendered in Python
SJABLOON = """<li class="besluit-item">
  <h2 class="utrecht-heading-3 besluit-item__titel"><a class="utrecht-link" href="{% url 'besluiten:detail' zaaknummer=b.zaak.zaaknummer %}">{{ b.titel }}</a></h2>
  <p class="portal-meta besluit-item__meta">
    <span>{{ b.zaak.zaaknummer }}</span>
    · <span class="status-badge status-badge--{{ b.uitkomst }}">{{ b.get_uitkomst_display }}</span>
    {% if b.vergadering %}· {{ b.vergadering.gremium.naam }}, {{ b.vergadering.datum|date:"j F Y" }}{% endif %}
    · gepubliceerd op {{ b.gepubliceerd_op|date:"j F Y" }}
    {% if b.vertrouwelijkheid == "vertrouwelijk" %}· <span class="status-badge status-badge--vertrouwelijk">vertrouwelijk</span>{% endif %}
  </p>
</li>"""


def _gelijk(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


def _besluit(zaaknummer, **velden):
    velden.setdefault("gepubliceerd", True)
    return BesluitFactory(zaak=ZaakFactory(zaaknummer=zaaknummer), **velden)


def test_rows_are_the_markup_of_the_former_template(raadslid_user):
    gremium = GremiumFactory(naam="Commissie Bestuur & Middelen")
    _besluit("L100001", titel="Gewoon besluit", vergadering=VergaderingFactory(datum=datetime.date(2021, 9, 30)))
    _besluit("L100002", titel="Zonder vergadering", vergadering=None)
    _besluit("L100003", titel="Geheim", vertrouwelijk=True, vergadering=VergaderingFactory(gremium=gremium))
    _besluit("L100004", titel="<script>alert(\"x\")</script> & 'quotes'", uitkomst=Besluit.Uitkomst.VERWORPEN)
    # 22:30 UTC on 30 September is 00:30 on 1 October in Leusden: the date is the local one
    _besluit(
        "L100007", titel="Rond middernacht", gepubliceerd_op=datetime.datetime(2021, 9, 30, 22, 30, tzinfo=datetime.UTC)
    )
    _besluit("Lé00008", titel="Zaaknummer met een letter buiten ASCII")
    besluiten = list(besluiten_lijst(user=raadslid_user).order_by("id"))  # the vertrouwelijke one too
    assert len(besluiten) == 6
    sjabloon = engines["django"].from_string(SJABLOON)
    with timezone.override("Europe/Amsterdam"):
        verwacht = "\n".join(sjabloon.render({"b": b}) for b in besluiten)
        rijen = str(besluit_rijen(besluiten))
    assert _gelijk(rijen) == _gelijk(verwacht)
    assert "1 oktober 2021" in rijen
    assert "&lt;script&gt;" in rijen and "<script>" not in rijen
    assert 'href="/besluiten/L%C3%A900008/"' in rijen


def test_a_zaaknummer_reverse_quotes_goes_through_reverse(db):
    _besluit("L100001", titel="Eerst een gewone")
    _besluit("L 27-51", titel="Met spatie")
    besluiten = list(besluiten_lijst(user=AnonymousUser()).order_by("id"))
    rijen = str(besluit_rijen(besluiten))
    assert 'href="/besluiten/L100001/"' in rijen and 'href="/besluiten/L%2027-51/"' in rijen


def test_rows_run_no_query(db, django_assert_num_queries):
    for i in range(5):
        _besluit(f"L2000{i:02d}", vergadering=VergaderingFactory())
    besluiten = list(besluiten_lijst(user=AnonymousUser()))
    with django_assert_num_queries(0):
        rijen = str(besluit_rijen(besluiten))
    assert rijen.count('class="besluit-item"') == 5
