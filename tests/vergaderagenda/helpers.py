"""Test data that several apps' tests build: a raadsvoorstel on a meeting's agenda."""

from apps.vergaderagenda.services import agendapunt_toevoegen
from tests.factories import RaadsvoorstelFactory, VergaderingFactory


def geagendeerd_voorstel(**kwargs):
    voorstel = RaadsvoorstelFactory(
        beslispunten=["de regiovisie vast te stellen;", "het budget te verhogen."], **kwargs
    )
    agendapunt = agendapunt_toevoegen(
        vergadering=VergaderingFactory(), velden={"titel": voorstel.titel, "raadsvoorstel": voorstel}
    )
    voorstel.refresh_from_db()
    return voorstel, agendapunt
