"""The besluit services: prefill, completeness, publication once, immutability, rectificatie."""

import pytest
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
from apps.core.services import RegelFout
from apps.raadsvoorstellen.models import Raadsvoorstel
from tests.factories import AgendapuntFactory, BesluitFactory, PersoonFactory, RaadsvoorstelFactory, RolFactory
from tests.vergaderagenda.helpers import geagendeerd_voorstel

pytestmark = pytest.mark.django_db


@pytest.fixture
def ambtsdragers(db):
    griffier = RolFactory(soort=Rol.Soort.GRIFFIER, persoon=PersoonFactory(naam="M. Griffier")).persoon
    voorzitter = RolFactory(soort=Rol.Soort.BURGEMEESTER, persoon=PersoonFactory(naam="G. Burgemeester")).persoon
    return griffier, voorzitter


def gepubliceerd_besluit(griffie_user):
    voorstel, agendapunt = geagendeerd_voorstel()
    besluit = besluit_registreren(agendapunt=agendapunt, velden={"uitkomst": "aangenomen"}, door=griffie_user)
    besluit_vaststellen(besluit=besluit, door=griffie_user)
    return besluit_publiceren(besluit=besluit, door=griffie_user)


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
