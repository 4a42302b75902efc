"""Numbers the clerk did not type follow the order of the agenda (moving, adding, removing items)."""

import pytest

from apps.vergaderagenda.services import (
    agendapunt_bijwerken,
    agendapunt_toevoegen,
    agendapunt_verplaatsen,
    agendapunt_verwijderen,
)
from tests.factories import VergaderingFactory

pytestmark = pytest.mark.django_db


def nummers(vergadering):
    return list(vergadering.agendapunten.order_by("volgorde").values_list("titel", "volgnummer"))


def test_moving_an_item_renumbers_the_automatic_numbers_only():
    vergadering = VergaderingFactory()
    a = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Opening"})
    b = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Mededelingen"})
    c = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Vaststelling", "volgnummer": "2a"})
    d = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Sluiting"})
    assert nummers(vergadering) == [("Opening", "1"), ("Mededelingen", "2"), ("Vaststelling", "2a"), ("Sluiting", "4")]
    agendapunt_verplaatsen(agendapunt=b, richting="omhoog")
    assert nummers(vergadering) == [("Mededelingen", "1"), ("Opening", "2"), ("Vaststelling", "2a"), ("Sluiting", "4")]
    agendapunt_verplaatsen(agendapunt=d, richting="omhoog")
    assert nummers(vergadering) == [("Mededelingen", "1"), ("Opening", "2"), ("Sluiting", "3"), ("Vaststelling", "2a")]
    agendapunt_verwijderen(agendapunt=a)
    assert nummers(vergadering) == [("Mededelingen", "1"), ("Sluiting", "2"), ("Vaststelling", "2a")]
    c.refresh_from_db()
    assert not c.volgnummer_automatisch


def test_saving_the_form_with_the_shown_number_keeps_it_automatic_and_emptying_makes_it_automatic():
    vergadering = VergaderingFactory()
    a = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Opening"})
    b = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Punt", "volgnummer": "7"})
    a.refresh_from_db()
    agendapunt_bijwerken(agendapunt=a, versie=a.version, velden={"titel": "Opening", "volgnummer": "1"})
    a.refresh_from_db()
    assert a.volgnummer_automatisch
    b.refresh_from_db()
    agendapunt_bijwerken(agendapunt=b, versie=b.version, velden={"titel": "Punt", "volgnummer": ""})
    assert nummers(vergadering) == [("Opening", "1"), ("Punt", "2")]
