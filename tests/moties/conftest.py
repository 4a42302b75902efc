import datetime

import pytest

from apps.core.models import Gremium
from apps.raadsvoorstellen.models import Raadsvoorstel
from tests.factories import (
    AgendapuntFactory,
    FractieFactory,
    GremiumFactory,
    RaadslidFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
)

DATUM = datetime.date(2021, 9, 30)


def raad_maken(verdeling: dict[str, int], *, gremium=None) -> dict:
    """A fictitious raad: per fractie name that many raadsleden (memberships from 2018)."""
    gremium = gremium or GremiumFactory(naam="Gemeenteraad Voorbeeld", soort=Gremium.Soort.GEMEENTERAAD)
    fracties, leden = {}, []
    for naam, aantal in verdeling.items():
        fractie = FractieFactory(naam=naam, gremium=gremium)
        fracties[naam] = fractie
        for i in range(aantal):
            leden.append(
                RaadslidFactory(
                    gremium=gremium,
                    fractie=fractie,
                    persoon__naam=f"{naam[:1]}. Voorbeeldlid {naam} {i + 1}",
                    begindatum=datetime.date(2018, 3, 29),
                )
            )
    return {"gremium": gremium, "fracties": fracties, "leden": leden}


@pytest.fixture
def raad(db):
    return raad_gegevens()


def raad_gegevens() -> dict:
    """19 members in four fictitious fracties, a public meeting with a voorstel on its agenda."""
    gegevens = raad_maken(
        {"Groen Voorbeeld": 6, "Liberaal Voorbeeld": 5, "Sociaal Voorbeeld": 5, "Lokaal Voorbeeld": 3}
    )
    vergadering = VergaderingFactory(gremium=gegevens["gremium"], datum=DATUM)
    voorstel = RaadsvoorstelFactory(
        status=Raadsvoorstel.Status.GEAGENDEERD, beslispunten=["de regiovisie vast te stellen.", "een budget te ramen."]
    )
    punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel, zaak=voorstel.zaak, volgorde=5)
    vreemd_punt = AgendapuntFactory(vergadering=vergadering, volgorde=9, titel="Moties vreemd aan de orde van de dag")
    return {**gegevens, "vergadering": vergadering, "voorstel": voorstel, "punt": punt, "vreemd_punt": vreemd_punt}
