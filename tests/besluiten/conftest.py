import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    BesluitFactory,
    GremiumFactory,
    OnderwerpFactory,
    PersoonFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
    ZaakFactory,
)


def publiceer(
    titel,
    *,
    zaaknummer=None,
    datum=datetime.date(2021, 9, 30),
    dagen_geleden=0,
    onderwerpen=(),
    gremium=None,
    portefeuillehouder=None,
    dictum=None,
    voorstel_velden=None,
    **kwargs,
):
    """A published besluit with its own zaak, raadsvoorstel and meeting."""
    zaak = ZaakFactory(titel=titel, **({"zaaknummer": zaaknummer} if zaaknummer else {}))
    if onderwerpen:
        zaak.onderwerpen.set(onderwerpen)
    voorstel = RaadsvoorstelFactory(
        zaak=zaak, titel=titel, portefeuillehouder=portefeuillehouder, **(voorstel_velden or {})
    )
    vergadering = VergaderingFactory(datum=datum, **({"gremium": gremium} if gremium else {}))
    opties = {"gepubliceerd": True}
    opties.update(kwargs)
    if opties["gepubliceerd"] and "gepubliceerd_op" not in opties:
        # set at creation: a published besluit is immutable afterwards (PostgreSQL trigger)
        opties["gepubliceerd_op"] = timezone.now() - datetime.timedelta(days=dagen_geleden)
    return BesluitFactory(
        raadsvoorstel=voorstel,
        vergadering=vergadering,
        titel=titel,
        dictum=dictum or [f"{titel.lower()} vast te stellen."],
        **opties,
    )


@pytest.fixture
def maak_besluit(db):
    return publiceer


@pytest.fixture
def gremia(db):
    return GremiumFactory(naam="Gemeenteraad Leusden"), GremiumFactory(naam="Commissie Samenleving", soort="commissie")


@pytest.fixture
def onderwerpen(db):
    return OnderwerpFactory(naam="Jeugdzorg", slug="jeugdzorg"), OnderwerpFactory(naam="Wonen", slug="wonen")


@pytest.fixture
def wethouders(db):
    return PersoonFactory(naam="P.J. Kiel"), PersoonFactory(naam="A. Wethouder")
