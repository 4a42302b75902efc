import datetime

import pytest

from apps.core.models import Rol
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    MemoBehandelingFactory,
    MemoFactory,
    OnderwerpFactory,
    PersoonFactory,
    RaadsvoorstelFactory,
    RolFactory,
    VergaderingFactory,
)


@pytest.fixture
def ambtsdragers(db):
    griffier = RolFactory(soort=Rol.Soort.GRIFFIER, persoon=PersoonFactory(naam="M. Griffier")).persoon
    voorzitter = RolFactory(soort=Rol.Soort.BURGEMEESTER, persoon=PersoonFactory(naam="G. Burgemeester")).persoon
    return griffier, voorzitter


def maak_gegevens(n: int) -> dict:
    """n of everything, linked the way the pages show them."""
    laatste = {}
    for i in range(n):
        onderwerp = OnderwerpFactory()
        voorstel = RaadsvoorstelFactory(beslispunten=[f"punt {i}a", f"punt {i}b"])
        voorstel.zaak.onderwerpen.add(onderwerp)
        vergadering = VergaderingFactory(datum=datetime.date(2021, 9, 1) + datetime.timedelta(days=i))
        memo = MemoFactory()
        MemoBehandelingFactory(memo=memo)
        punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel, zaak=voorstel.zaak)
        punt.memos.add(memo)
        besluit = BesluitFactory(raadsvoorstel=voorstel, vergadering=vergadering, agendapunt=punt)
        laatste = {
            "voorstel": voorstel,
            "vergadering": vergadering,
            "memo": memo,
            "agendapunt": punt,
            "besluit": besluit,
        }
    return laatste
