"""One visibility rule per kind of record: bijlagen follow their record, search follows the role order."""

import pytest
from django.contrib.auth.models import AnonymousUser

from apps.core.permissions import GRIFFIE, PUBLIEK, RAADSLID, zichtbare_niveaus
from apps.core.search import ZICHTBAAR_PER_ROL
from apps.core.selectors import bijlage_vinden
from apps.memos.models import MemoBijlage
from apps.raadsvoorstellen.models import RaadsvoorstelBijlage
from apps.vergaderagenda.models import AgendapuntBijlage
from tests.factories import (
    AgendapuntBijlageFactory,
    MemoBijlageFactory,
    RaadsvoorstelBijlageFactory,
)

pytestmark = pytest.mark.django_db


def test_each_role_sees_its_own_level_and_those_below():
    assert zichtbare_niveaus(PUBLIEK) == ["publiek"]
    assert zichtbare_niveaus(RAADSLID) == ["publiek", "raadslid"]
    assert zichtbare_niveaus(GRIFFIE) == ["publiek", "raadslid", "griffie"]
    assert zichtbare_niveaus("onbekend") == ["publiek"]
    assert ZICHTBAAR_PER_ROL == {rol: zichtbare_niveaus(rol) for rol in (PUBLIEK, RAADSLID, GRIFFIE)}


def test_a_bijlage_follows_its_records_rule_and_its_own_vertrouwelijkheid(raadslid_user, griffie_user):
    zichtbaar = {
        "voorstel": RaadsvoorstelBijlageFactory(),
        "memo": MemoBijlageFactory(),
        "punt": AgendapuntBijlageFactory(),
    }
    vertrouwelijk = {
        "voorstel": RaadsvoorstelBijlageFactory(vertrouwelijk=True),
        "memo": MemoBijlageFactory(vertrouwelijk=True),
        "punt": AgendapuntBijlageFactory(vertrouwelijk=True),
    }
    verborgen_voorstel = {
        "concept voorstel": RaadsvoorstelBijlageFactory(raadsvoorstel__concept=True),
        "concept memo": MemoBijlageFactory(memo__concept=True),
        "concept vergadering": AgendapuntBijlageFactory(agendapunt__vergadering__concept=True),
    }
    alleen_raad = {
        "vertrouwelijk voorstel": RaadsvoorstelBijlageFactory(raadsvoorstel__vertrouwelijk=True),
        "vertrouwelijke memo": MemoBijlageFactory(memo__vertrouwelijk=True),
        "besloten punt": AgendapuntBijlageFactory(agendapunt__besloten=True),
        "besloten vergadering": AgendapuntBijlageFactory(agendapunt__vergadering__besloten=True),
    }

    def zichtbare(user):
        return {
            b.uuid
            for model in (RaadsvoorstelBijlage, MemoBijlage, AgendapuntBijlage)
            for b in model.objects.zichtbaar_voor(user)
        }

    def uuids(groep):
        return {b.uuid for b in groep.values()}

    assert zichtbare(AnonymousUser()) == uuids(zichtbaar)
    assert zichtbare(raadslid_user) == uuids(zichtbaar) | uuids(vertrouwelijk) | uuids(alleen_raad)
    assert zichtbare(griffie_user) == (
        uuids(zichtbaar) | uuids(vertrouwelijk) | uuids(alleen_raad) | uuids(verborgen_voorstel)
    )
    for bijlage in verborgen_voorstel.values():
        assert bijlage_vinden(uuid=bijlage.uuid, user=raadslid_user) is None
        assert bijlage_vinden(uuid=bijlage.uuid, user=griffie_user) == bijlage
        assert bijlage_vinden(uuid=bijlage.uuid) == bijlage
