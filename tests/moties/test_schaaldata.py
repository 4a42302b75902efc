"""The scale data gains presence lists, moties, amendementen and stemmingen, consistent with the rules."""

import datetime

import pytest

from apps.moties.models import Aanwezigheid, Amendement, Motie, Stem, Stemming
from apps.schaaldata.generator import schaaldata_genereren

pytestmark = pytest.mark.django_db


def test_scale_data_has_moties_and_stemmingen_in_proportion(client):
    schaaldata_genereren(besluiten=400, seed=5, peildatum=datetime.date.today(), voortgang=False)
    stemmingen = Stemming.objects.count()
    vergaderingen = Stemming.objects.values("vergadering").distinct().count()
    assert vergaderingen >= 3
    assert Motie.objects.count() >= vergaderingen  # a few per raadsvergadering
    assert Aanwezigheid.objects.filter(aanwezig=False).exists()
    assert set(Stemming.objects.values_list("status", flat=True)) == {"gepubliceerd"}
    assert stemmingen >= Motie.objects.count() + Amendement.objects.count()
    # Every vote comes from a present member of that meeting, one per member.
    for stemming in Stemming.objects.exclude(soort="hamerslag").prefetch_related("stemmen")[:20]:
        aanwezig = Aanwezigheid.objects.filter(vergadering=stemming.vergadering_id, aanwezig=True).count()
        assert stemming.stemmen.count() == aanwezig
    assert Stem.objects.values("stemming", "persoon").distinct().count() == Stem.objects.count()
    motie = Motie.objects.order_by("pk").first()
    assert motie.status in ("aangenomen", "verworpen")
    assert client.get(f"/moties/{motie.nummer}/").status_code in (200, 404)  # 404 only in a besloten meeting
