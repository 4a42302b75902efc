"""The memo services: route, optimistic locking."""

import datetime

import pytest

from apps.core.services import VersieConflict
from apps.memos.models import Memo
from apps.memos.services import memo_aanmaken, memo_bijwerken
from tests.factories import GremiumFactory, ZaakFactory

pytestmark = pytest.mark.django_db


def test_memo_with_route_and_conflict(griffie_user):
    gremium = GremiumFactory(naam="Stuurgroep transformatie")
    memo = memo_aanmaken(
        velden={
            "aan": "Raad",
            "van": "College",
            "datum": datetime.date(2021, 6, 25),
            "betreft": "Lariks",
            "kenmerk": "71007",
        },
        route=[{"gremium": gremium, "datum": datetime.date(2021, 6, 23), "omschrijving": ""}],
        door=griffie_user,
    )
    assert memo.route.get().gremium == gremium
    kopie = Memo.objects.get(pk=memo.pk)
    memo_bijwerken(memo=memo, versie=1, velden={"betreft": "Lariks (herzien)"}, door=griffie_user)
    with pytest.raises(VersieConflict):
        memo_bijwerken(memo=kopie, versie=1, velden={"betreft": "Anders"}, door=griffie_user)


def test_memo_opslaan_links_the_zaak_by_its_number_and_adds_the_bijlage(griffie_user):
    from apps.core.bijlagen import NieuweBijlage
    from apps.memos.services import memo_opslaan
    from tests.griffie.helpers import pdf_upload

    zaak = ZaakFactory(zaaknummer="L222222")
    velden = {"soort": "raadsinformatiebrief", "betreft": "Stand van zaken", "datum": datetime.date(2024, 3, 1)}
    memo = memo_opslaan(
        memo=None,
        zaaknummer="L222222",
        velden=velden,
        bijlage=NieuweBijlage(bestand=pdf_upload("brief.pdf")),
        door=griffie_user,
    )
    memo.refresh_from_db()
    assert memo.zaak == zaak
    assert memo.bijlagen.count() == 1
    memo = memo_opslaan(memo=memo, zaaknummer=None, versie=memo.version, velden=velden)
    memo.refresh_from_db()
    assert memo.zaak is None
