"""The agenda services: meeting times, the agenda builder's order, agenderen of a voorstel, history."""

import datetime

import pytest

from apps.core.services import RegelFout, VersieConflict
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.services import (
    agendapunt_bijwerken,
    agendapunt_toevoegen,
    agendapunt_verplaatsen,
    agendapunt_verwijderen,
    vergadering_aanmaken,
    vergadering_publiceren,
)
from tests.factories import AgendapuntFactory, GremiumFactory, MemoFactory, VergaderingFactory
from tests.vergaderagenda.helpers import geagendeerd_voorstel

pytestmark = pytest.mark.django_db


def test_vergadering_end_before_start_is_refused():
    with pytest.raises(RegelFout, match="einde van de vergadering"):
        vergadering_aanmaken(
            velden={
                "gremium": GremiumFactory(),
                "titel": "Raad",
                "datum": datetime.date(2021, 9, 30),
                "aanvang": datetime.time(20),
                "einde": datetime.time(19),
            }
        )


def test_agenda_builder_orders_moves_and_publishes(griffie_user):
    vergadering = vergadering_aanmaken(
        velden={"gremium": GremiumFactory(), "titel": "Raad", "datum": datetime.date(2021, 9, 30)}, door=griffie_user
    )
    a = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Opening"}, door=griffie_user)
    b = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Regiovisie"}, door=griffie_user)
    c = agendapunt_toevoegen(vergadering=vergadering, velden={"titel": "Sluiting"}, door=griffie_user)
    assert [a.volgorde, b.volgorde, c.volgorde] == [1, 2, 3]
    agendapunt_verplaatsen(agendapunt=c, richting="omhoog", door=griffie_user)
    assert list(vergadering.agendapunten.order_by("volgorde").values_list("titel", flat=True)) == [
        "Opening",
        "Sluiting",
        "Regiovisie",
    ]
    with pytest.raises(RegelFout, match="bovenaan"):
        agendapunt_verplaatsen(agendapunt=a, richting="omhoog")
    agendapunt_verwijderen(agendapunt=b, door=griffie_user)
    assert vergadering.agendapunten.count() == 2
    vergadering_publiceren(vergadering=vergadering, door=griffie_user)
    vergadering.refresh_from_db()
    assert vergadering.status == "gepubliceerd"
    assert vergadering.history.first().history_user == griffie_user


def test_agendapunt_memos_m2m_change_is_in_history(griffie_user):
    punt = AgendapuntFactory()
    memo = MemoFactory()
    agendapunt_bijwerken(agendapunt=punt, versie=punt.version, velden={}, memos=[memo], door=griffie_user)
    laatste = punt.history.first()
    assert [m.memo_id for m in laatste.memos.all()] == [memo.pk]
    assert "memos" in laatste.diff_against(laatste.prev_record).changed_fields


def test_agenderen_sets_voorstel_status_and_removal_resets_it():
    voorstel, agendapunt = geagendeerd_voorstel()
    assert voorstel.status == Raadsvoorstel.Status.GEAGENDEERD
    assert agendapunt.zaak_id == voorstel.zaak_id
    agendapunt_verwijderen(agendapunt=agendapunt)
    voorstel.refresh_from_db()
    assert voorstel.status == Raadsvoorstel.Status.AANGEBODEN


def test_agendapunt_opslaan_adds_at_the_end_and_then_changes_it(griffie_user):
    from apps.vergaderagenda.services import agendapunt_opslaan

    vergadering = VergaderingFactory()
    eerste = agendapunt_opslaan(agendapunt=None, vergadering=vergadering, velden={"titel": "Opening"})
    tweede = agendapunt_opslaan(agendapunt=None, vergadering=vergadering, velden={"titel": "Rondvraag"})
    assert (eerste.volgorde, tweede.volgorde) == (1, 2)
    agendapunt_opslaan(agendapunt=tweede, vergadering=vergadering, versie=tweede.version, velden={"titel": "Sluiting"})
    tweede.refresh_from_db()
    assert tweede.titel == "Sluiting"
    with pytest.raises(VersieConflict):
        agendapunt_opslaan(agendapunt=tweede, vergadering=vergadering, versie=0, velden={"titel": "Weer anders"})
