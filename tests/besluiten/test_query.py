"""Who sees which besluiten, at the queryset level."""

import pytest
from django.contrib.auth.models import AnonymousUser

from apps.besluiten.models import Besluit
from tests.factories import BesluitFactory

pytestmark = pytest.mark.django_db


def test_openbaar_keeps_a_superseded_version_and_leaves_out_concept_and_vertrouwelijk(raadslid_user):
    oud = BesluitFactory(gepubliceerd=True)
    rectificatie = BesluitFactory(gepubliceerd=True, zaak=oud.zaak, versie=2, vervangt=oud)
    concept = BesluitFactory()
    vertrouwelijk = BesluitFactory(gepubliceerd=True, vertrouwelijk=True)
    assert set(Besluit.objects.openbaar()) == {oud, rectificatie}
    assert set(Besluit.objects.zichtbaar_voor(AnonymousUser())) == {oud, rectificatie}
    assert set(Besluit.objects.zichtbaar_voor(raadslid_user)) == {oud, rectificatie, vertrouwelijk}
    assert concept not in Besluit.objects.zichtbaar_voor(raadslid_user)
