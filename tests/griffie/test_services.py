"""The write services of every domain app: status rules, immutability, optimistic locking, history."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, connection, transaction

from apps.besluiten.models import Besluit, DictumPunt
from apps.besluiten.services import (
    besluit_bijwerken,
    besluit_publiceren,
    besluit_rectificeren,
    besluit_registreren,
    besluit_vaststellen,
    besluit_verwijderen,
)
from apps.core.fouten import VastgelegdFout
from apps.core.models import Rol
from apps.core.services import RegelFout, VersieConflict
from apps.memos.models import Memo
from apps.memos.services import memo_aanmaken, memo_bijwerken
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.raadsvoorstellen.services import (
    raadsvoorstel_aanmaken,
    raadsvoorstel_bijlage_toevoegen,
    raadsvoorstel_bijwerken,
    raadsvoorstel_indienen,
    raadsvoorstel_intrekken,
)
from apps.vergaderagenda.models import Agendapunt
from apps.vergaderagenda.services import (
    agendapunt_bijwerken,
    agendapunt_toevoegen,
    agendapunt_verplaatsen,
    agendapunt_verwijderen,
    vergadering_aanmaken,
    vergadering_publiceren,
)
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    GremiumFactory,
    MemoFactory,
    PersoonFactory,
    RaadsvoorstelFactory,
    RolFactory,
    VergaderingFactory,
    ZaakFactory,
)
from tests.griffie.helpers import nep_pdf, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def ambtsdragers(db):
    griffier = RolFactory(soort=Rol.Soort.GRIFFIER, persoon=PersoonFactory(naam="M. Griffier")).persoon
    voorzitter = RolFactory(soort=Rol.Soort.BURGEMEESTER, persoon=PersoonFactory(naam="G. Burgemeester")).persoon
    return griffier, voorzitter


def geagendeerd_voorstel(**kwargs):
    voorstel = RaadsvoorstelFactory(
        beslispunten=["de regiovisie vast te stellen;", "het budget te verhogen."], **kwargs
    )
    agendapunt = agendapunt_toevoegen(
        vergadering=VergaderingFactory(), velden={"titel": voorstel.titel, "raadsvoorstel": voorstel}
    )
    voorstel.refresh_from_db()
    return voorstel, agendapunt


def gepubliceerd_besluit(griffie_user):
    voorstel, agendapunt = geagendeerd_voorstel()
    besluit = besluit_registreren(agendapunt=agendapunt, velden={"uitkomst": "aangenomen"}, door=griffie_user)
    besluit_vaststellen(besluit=besluit, door=griffie_user)
    return besluit_publiceren(besluit=besluit, door=griffie_user)


# --- Raadsvoorstel -----------------------------------------------------------------------


def test_raadsvoorstel_aanmaken_indienen_and_history_records_who(griffie_user):
    zaak = ZaakFactory()
    voorstel = raadsvoorstel_aanmaken(
        zaak=zaak, velden={"titel": "Regiovisie"}, beslispunten=["vast te stellen"], door=griffie_user
    )
    assert voorstel.status == Raadsvoorstel.Status.CONCEPT
    raadsvoorstel_indienen(raadsvoorstel=voorstel, door=griffie_user)
    voorstel.refresh_from_db()
    assert voorstel.status == Raadsvoorstel.Status.AANGEBODEN
    records = list(voorstel.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~"]
    assert all(r.history_user == griffie_user for r in records)
    assert (
        records[-1].diff_against(records[0]).changed_fields == ["status", "version"]
        or "status" in records[-1].diff_against(records[0]).changed_fields
    )


def test_indienen_needs_a_beslispunt(griffie_user):
    voorstel = raadsvoorstel_aanmaken(zaak=ZaakFactory(), velden={"titel": "Zonder punten"}, door=griffie_user)
    with pytest.raises(RegelFout, match="minstens één beslispunt"):
        raadsvoorstel_indienen(raadsvoorstel=voorstel)


def test_second_raadsvoorstel_on_same_zaak_is_refused():
    voorstel = RaadsvoorstelFactory()
    with pytest.raises(RegelFout, match="hoort al een raadsvoorstel"):
        raadsvoorstel_aanmaken(zaak=voorstel.zaak, velden={"titel": "Dubbel"})


def test_concurrent_edit_is_refused_and_changes_nothing(griffie_user):
    voorstel = RaadsvoorstelFactory()
    eerste = Raadsvoorstel.objects.get(pk=voorstel.pk)
    tweede = Raadsvoorstel.objects.get(pk=voorstel.pk)
    raadsvoorstel_bijwerken(
        raadsvoorstel=eerste,
        versie=1,
        velden={"titel": "Titel van klerk A"},
        beslispunten=["punt A"],
        door=griffie_user,
    )
    with pytest.raises(VersieConflict) as info:
        raadsvoorstel_bijwerken(
            raadsvoorstel=tweede,
            versie=1,
            velden={"titel": "Titel van klerk B"},
            beslispunten=["punt B"],
            door=griffie_user,
        )
    assert info.value.huidige_versie == eerste.version
    voorstel.refresh_from_db()
    assert voorstel.titel == "Titel van klerk A"
    assert list(voorstel.beslispunten.values_list("tekst", flat=True)) == ["punt A"]


def test_beslispunten_reorder_and_remove(griffie_user):
    voorstel = RaadsvoorstelFactory(beslispunten=["een", "twee", "drie"])
    raadsvoorstel_bijwerken(
        raadsvoorstel=voorstel, versie=voorstel.version, velden={}, beslispunten=["drie", "een"], door=griffie_user
    )
    assert list(voorstel.beslispunten.order_by("volgorde").values_list("tekst", flat=True)) == ["drie", "een"]
    assert voorstel.history.first().history_change_reason == "Beslispunten gewijzigd"


def test_ingetrokken_voorstel_cannot_be_scheduled_or_changed():
    voorstel = RaadsvoorstelFactory()
    raadsvoorstel_intrekken(raadsvoorstel=voorstel)
    with pytest.raises(RegelFout, match="ingetrokken raadsvoorstel kan niet worden geagendeerd"):
        agendapunt_toevoegen(vergadering=VergaderingFactory(), velden={"titel": "x", "raadsvoorstel": voorstel})
    assert not Agendapunt.objects.exists()
    with pytest.raises(RegelFout):
        raadsvoorstel_bijwerken(raadsvoorstel=voorstel, versie=voorstel.version, velden={"titel": "nieuw"})


def test_concept_voorstel_cannot_be_scheduled():
    voorstel = RaadsvoorstelFactory(concept=True)
    with pytest.raises(RegelFout, match="eerst worden aangeboden"):
        agendapunt_toevoegen(vergadering=VergaderingFactory(), velden={"titel": "x", "raadsvoorstel": voorstel})


def test_bijlage_is_checked_by_content_and_stored_under_generated_name(griffie_user, settings):
    voorstel = RaadsvoorstelFactory()
    bijlage = raadsvoorstel_bijlage_toevoegen(
        raadsvoorstel=voorstel, bestand=pdf_upload("../../etc/Mijn nota.pdf"), door=griffie_user
    )
    assert bijlage.mimetype == "application/pdf"
    assert bijlage.bestandsnaam == "Mijn nota.pdf"
    assert bijlage.titel == "Mijn nota"
    assert bijlage.bestand.name.startswith("bijlagen/raadsvoorstellen/") and "Mijn" not in bijlage.bestand.name
    assert bijlage.bestand.name.endswith(".pdf")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="geen PDF-, DOCX- of ODT-document"):
        raadsvoorstel_bijlage_toevoegen(raadsvoorstel=voorstel, bestand=nep_pdf())
    settings.BIJLAGE_MAX_MB = 0
    with pytest.raises(ValidationError, match="te groot"):
        raadsvoorstel_bijlage_toevoegen(raadsvoorstel=voorstel, bestand=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"))
    assert voorstel.bijlagen.count() == 1


# --- Vergadering en agenda ---------------------------------------------------------------


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


# --- Memo --------------------------------------------------------------------------------


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


# --- Besluit -----------------------------------------------------------------------------


def test_no_besluit_before_the_voorstel_is_on_an_agenda():
    voorstel = RaadsvoorstelFactory()
    punt = AgendapuntFactory(raadsvoorstel=voorstel)  # linked by hand, never scheduled by the service
    with pytest.raises(RegelFout, match="pas een besluit als het op de agenda"):
        besluit_registreren(agendapunt=punt)


def test_besluit_is_prefilled_from_voorstel_and_office_holders(ambtsdragers):
    griffier, voorzitter = ambtsdragers
    voorstel, agendapunt = geagendeerd_voorstel()
    besluit = besluit_registreren(agendapunt=agendapunt)
    assert list(besluit.dictum.values_list("tekst", flat=True)) == [
        "de regiovisie vast te stellen;",
        "het budget te verhogen.",
    ]
    assert besluit.griffier == griffier and besluit.voorzitter == voorzitter
    assert besluit.zaak == voorstel.zaak and besluit.vergadering == agendapunt.vergadering
    with pytest.raises(RegelFout, match="al een besluit"):
        besluit_registreren(agendapunt=agendapunt)


def test_publish_needs_dictum_uitkomst_and_signatories():
    voorstel, agendapunt = geagendeerd_voorstel()
    besluit = besluit_registreren(agendapunt=agendapunt)  # no office holders known: no signatories
    with pytest.raises(RegelFout, match="de uitkomst, de griffier en de voorzitter ontbreken"):
        besluit_vaststellen(besluit=besluit)
    with pytest.raises(RegelFout, match="Stel het besluit eerst vast"):
        besluit_publiceren(besluit=besluit)
    besluit_bijwerken(
        besluit=besluit,
        versie=besluit.version,
        velden={"uitkomst": "aangenomen", "griffier": PersoonFactory(), "voorzitter": PersoonFactory()},
        dictum=[],
    )
    with pytest.raises(RegelFout, match="het dictum ontbreekt"):
        besluit_vaststellen(besluit=besluit)


def test_stemming_needs_numbers(ambtsdragers):
    _voorstel, agendapunt = geagendeerd_voorstel()
    with pytest.raises(RegelFout, match="stemmen voor en tegen"):
        besluit_registreren(agendapunt=agendapunt, velden={"stemming": "stemmen", "stemmen_voor": 10})


def test_publiceren_stores_pdf_once_and_makes_besluit_immutable(griffie_user, ambtsdragers):
    besluit = gepubliceerd_besluit(griffie_user)
    besluit.refresh_from_db()
    assert besluit.status == "gepubliceerd" and besluit.gepubliceerd_door == griffie_user
    assert besluit.gepubliceerd_op is not None and besluit.vastgesteld_op is not None
    inhoud = besluit.pdf.read()
    assert inhoud.startswith(b"%PDF")
    assert besluit.raadsvoorstel.status == Raadsvoorstel.Status.BESLOTEN
    with pytest.raises(RegelFout, match="gepubliceerd en kan niet meer worden gewijzigd"):
        besluit_bijwerken(besluit=besluit, versie=besluit.version, velden={"titel": "Anders"})
    with pytest.raises(RegelFout, match="gepubliceerd"):
        besluit_verwijderen(besluit=besluit)
    with pytest.raises(RegelFout):
        besluit_publiceren(besluit=besluit)
    with pytest.raises(RegelFout):
        besluit_vaststellen(besluit=besluit)
    besluit.refresh_from_db()
    assert besluit.titel != "Anders"


def test_rectificatie_is_a_new_version_that_supersedes(griffie_user, ambtsdragers):
    oud = gepubliceerd_besluit(griffie_user)
    with pytest.raises(RegelFout, match="reden"):
        besluit_rectificeren(besluit=oud, door=griffie_user, reden="  ")
    nieuw = besluit_rectificeren(besluit=oud, door=griffie_user, reden="Typefout in het dictum")
    assert nieuw.versie == 2 and nieuw.vervangt == oud and nieuw.status == "concept"
    assert list(nieuw.dictum.values_list("tekst", flat=True)) == list(oud.dictum.values_list("tekst", flat=True))
    besluit_bijwerken(besluit=nieuw, versie=nieuw.version, velden={}, dictum=["de regiovisie vast te stellen."])
    besluit_vaststellen(besluit=nieuw, door=griffie_user)
    besluit_publiceren(besluit=nieuw, door=griffie_user)
    oud.refresh_from_db()
    assert oud.status == "gepubliceerd" and oud.vervangen_door.status == "gepubliceerd"
    assert Besluit.objects.openbaar().filter(vervangen_door__isnull=True).get() == nieuw
    with pytest.raises(RegelFout, match="al een rectificatie"):
        besluit_rectificeren(besluit=oud, door=griffie_user, reden="nog een")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_database_refuses_raw_changes_to_a_published_besluit(griffie_user, ambtsdragers):
    besluit = gepubliceerd_besluit(griffie_user)
    for poging in (
        lambda: Besluit.objects.filter(pk=besluit.pk).update(titel="Via de achterdeur"),
        lambda: Besluit.objects.filter(pk=besluit.pk).update(pdf=""),
        lambda: Besluit.objects.filter(pk=besluit.pk).delete(),
        lambda: DictumPunt.objects.filter(besluit=besluit).update(tekst="Anders"),
        lambda: DictumPunt.objects.filter(besluit=besluit).delete(),
        lambda: DictumPunt.objects.create(besluit=besluit, volgorde=99, tekst="Erbij"),
    ):
        # the ORM guard refuses first (every database); the trigger is the last line for raw SQL
        with pytest.raises((IntegrityError, VastgelegdFout), match="gepubliceerd"), transaction.atomic():
            poging()
    besluit.refresh_from_db()
    assert besluit.titel != "Via de achterdeur" and besluit.dictum.count() == 2
    # A concept besluit stays freely changeable.
    concept = BesluitFactory()
    assert Besluit.objects.filter(pk=concept.pk).update(titel="Mag nog") == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_database_allows_storing_a_missing_pdf_of_loaded_published_besluit():
    besluit = BesluitFactory(gepubliceerd=True)
    assert Besluit.objects.filter(pk=besluit.pk).update(pdf="raadsbesluiten/x.pdf") == 1
