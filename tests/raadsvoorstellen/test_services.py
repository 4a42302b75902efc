"""The raadsvoorstel services: status rules, optimistic locking, beslispunten, bijlagen, history."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.core.services import RegelFout, VersieConflict
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
    agendapunt_toevoegen,
)
from tests.factories import RaadsvoorstelFactory, VergaderingFactory, ZaakFactory
from tests.griffie.helpers import nep_pdf, pdf_upload

pytestmark = pytest.mark.django_db


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


# --- One save per form -------------------------------------------------------------------


def test_raadsvoorstel_opslaan_creates_zaak_voorstel_and_bijlage_in_one_go(griffie_user):
    from apps.core.bijlagen import NieuweBijlage
    from apps.raadsvoorstellen.services import raadsvoorstel_opslaan

    voorstel = raadsvoorstel_opslaan(
        raadsvoorstel=None,
        zaaknummer="L123456",
        velden={"titel": "Regiovisie"},
        beslispunten=["de regiovisie vast te stellen."],
        bijlage=NieuweBijlage(bestand=pdf_upload("nota.pdf"), titel="Nota"),
        door=griffie_user,
    )
    voorstel.refresh_from_db()
    assert voorstel.zaak.zaaknummer == "L123456"
    assert list(voorstel.beslispunten.values_list("tekst", flat=True)) == ["de regiovisie vast te stellen."]
    assert list(voorstel.bijlagen.values_list("titel", flat=True)) == ["Nota"]
    assert voorstel.history.first().history_user == griffie_user


def test_raadsvoorstel_opslaan_stores_nothing_when_the_bijlage_is_refused():
    from django.core.exceptions import ValidationError

    from apps.core.bijlagen import NieuweBijlage
    from apps.core.models import Zaak
    from apps.raadsvoorstellen.services import raadsvoorstel_opslaan

    with pytest.raises(ValidationError):
        raadsvoorstel_opslaan(
            raadsvoorstel=None,
            zaaknummer="L123457",
            velden={"titel": "Regiovisie"},
            bijlage=NieuweBijlage(bestand=SimpleUploadedFile("nota.pdf", b"geen pdf")),
        )
    assert not Zaak.objects.filter(zaaknummer="L123457").exists()
    assert not Raadsvoorstel.objects.exists()


def test_raadsvoorstel_opslaan_of_an_existing_voorstel_checks_the_version(griffie_user):
    from apps.raadsvoorstellen.services import raadsvoorstel_opslaan

    voorstel = RaadsvoorstelFactory(titel="Oud")
    with pytest.raises(VersieConflict):
        raadsvoorstel_opslaan(raadsvoorstel=voorstel, versie=voorstel.version + 5, velden={"titel": "Nieuw"})
    voorstel.refresh_from_db()
    assert voorstel.titel == "Oud"
    raadsvoorstel_opslaan(raadsvoorstel=voorstel, versie=voorstel.version, velden={"titel": "Nieuw"})
    voorstel.refresh_from_db()
    assert voorstel.titel == "Nieuw"
