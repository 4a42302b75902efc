"""The scale generator of the registers: realistic numbers, unique numbering, and pages that stay constant."""

import datetime

import pytest

from apps.registers.models import IngekomenStuk, SchriftelijkeVraag, Toezegging
from apps.schaaldata.registers import registers_genereren
from tests.factories import MotieFactory, VergaderingFactory

pytestmark = pytest.mark.django_db


def test_generates_years_of_register_items_that_the_pages_can_show(client, django_assert_max_num_queries):
    VergaderingFactory(datum=datetime.date(2025, 3, 13), status="gehouden")
    MotieFactory(status="aangenomen")
    aantallen = registers_genereren(jaren=2, schaal=0.2, peildatum=datetime.date(2026, 6, 30), voortgang=False)
    assert aantallen["toezegging"] >= 10 and aantallen["ingekomenstuk"] >= 50 and aantallen["motieopvolging"] == 1
    assert Toezegging.objects.values("nummer").distinct().count() == Toezegging.objects.count()
    assert IngekomenStuk.objects.filter(afzender_is_privepersoon=True).exists()
    assert SchriftelijkeVraag.objects.filter(beantwoord_op__isnull=False).exists()
    for url in ["/toezeggingen/", "/ingekomen-stukken/", "/schriftelijke-vragen/", "/motiemonitor/"]:
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
    # a second run adds to what is there without a number twice
    registers_genereren(jaren=1, schaal=0.1, peildatum=datetime.date(2026, 6, 30), voortgang=False)
    assert Toezegging.objects.values("nummer").distinct().count() == Toezegging.objects.count()
