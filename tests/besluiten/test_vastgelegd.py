"""Published means permanent: every route that could change what a published besluit states is refused,
on SQLite and PostgreSQL alike, and the public page and the PDF bytes stay as they were."""

import datetime
import io

import pypdf
import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from apps.besluiten.models import Besluit, DictumPunt
from apps.besluiten.pdf import PdfAfwijking, raadsbesluit_opslaan, raadsbesluit_pdf
from apps.besluiten.services import besluit_publiceren
from apps.core.fouten import RegelFout, VastgelegdFout
from apps.core.models import Zaak
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, Vergadering
from tests.factories import (
    AgendapuntFactory,
    BesluitFactory,
    PersoonFactory,
    RaadsvoorstelFactory,
    VergaderingFactory,
    ZaakFactory,
)

pytestmark = pytest.mark.django_db
postgres = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="trigger: PostgreSQL only")


def tekst_van(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def gepubliceerd(griffie_user):
    """A besluit published through the service: snapshot, stored PDF and checksum."""
    zaak = ZaakFactory(zaaknummer="L480001", titel="Kadernota sport")
    voorstel = RaadsvoorstelFactory(
        zaak=zaak, titel="Kadernota sport", status="geagendeerd", college_besluitdatum=datetime.date(2024, 2, 6)
    )
    vergadering = VergaderingFactory(datum=datetime.date(2024, 3, 14), titel="Raadsvergadering maart")
    punt = AgendapuntFactory(vergadering=vergadering, volgorde=4, volgnummer="", raadsvoorstel=voorstel, zaak=zaak)
    besluit = BesluitFactory(
        raadsvoorstel=voorstel,
        vergadering=vergadering,
        agendapunt=punt,
        vastgesteld=True,
        griffier=PersoonFactory(naam="M.A. Oudgriffier"),
        voorzitter=PersoonFactory(naam="J. Voorzitter"),
        dictum=["de kadernota sport vast te stellen."],
    )
    besluit_publiceren(besluit=besluit, door=griffie_user)
    return Besluit.objects.get(pk=besluit.pk)


def stand(client, besluit):
    """What the public sees: page HTML (without the CSRF-free parts that vary) and PDF bytes."""
    pagina = client.get(f"/besluiten/{besluit.zaak.zaaknummer}/")
    pdf = client.get(f"/besluiten/{besluit.zaak.zaaknummer}/raadsbesluit.pdf")
    assert pagina.status_code == 200 and pdf.status_code == 200
    return pagina.content, b"".join(pdf.streaming_content), pdf["ETag"], pdf["Last-Modified"]


def test_publication_freezes_snapshot_and_checksum(gepubliceerd):
    g = gepubliceerd.publicatie_gegevens
    assert g["zaaknummer"] == "L480001" and g["titel"] == "Kadernota sport"
    assert g["vergadering"]["datum"] == "2024-03-14" and g["vergadering"]["openbaar"] is True
    assert g["college"] == {"datum": "2024-02-06", "nummer": "L480001", "onderwerp": "Kadernota sport"}
    assert g["dictum"] == ["de kadernota sport vast te stellen."]
    assert g["griffier"]["naam"] == "M.A. Oudgriffier" and g["agendapunt"] == "4"
    assert g["uitkomst"] == "aangenomen" and g["stemming"] == "unaniem"
    assert len(gepubliceerd.pdf_sha256) == 64


def test_model_and_queryset_refuse_every_change(gepubliceerd):
    gepubliceerd.titel = "Andere titel"
    with pytest.raises(VastgelegdFout):
        gepubliceerd.save()
    for poging in (
        lambda: Besluit.objects.filter(pk=gepubliceerd.pk).update(titel="X"),
        lambda: Besluit.objects.filter(pk=gepubliceerd.pk).update(status="concept"),
        lambda: Besluit.objects.filter(pk=gepubliceerd.pk).update(pdf=""),
        lambda: Besluit.objects.bulk_update([gepubliceerd], ["titel"]),
        lambda: Besluit.objects.filter(pk=gepubliceerd.pk).delete(),
        lambda: Besluit.objects.get(pk=gepubliceerd.pk).delete(),
        lambda: DictumPunt.objects.filter(besluit=gepubliceerd).update(tekst="X"),
        lambda: DictumPunt.objects.filter(besluit=gepubliceerd).delete(),
        lambda: DictumPunt.objects.create(besluit=gepubliceerd, volgorde=9, tekst="erbij"),
    ):
        with pytest.raises(VastgelegdFout), transaction.atomic():
            poging()
    vers = Besluit.objects.get(pk=gepubliceerd.pk)
    assert vers.titel == "Kadernota sport" and vers.status == "gepubliceerd"
    assert list(vers.dictum.values_list("tekst", flat=True)) == ["de kadernota sport vast te stellen."]


@pytest.mark.parametrize("methode", ["get", "post"])
def test_admin_history_revert_is_refused(client, griffie_user, gepubliceerd, methode):
    voor = stand(client, gepubliceerd)
    client.force_login(griffie_user)
    oudste = gepubliceerd.history.order_by("history_id").first()
    assert oudste.status == "vastgesteld"
    url = f"/beheer/besluiten/besluit/{gepubliceerd.pk}/history/{oudste.history_id}/"
    data = {"titel": "Teruggezet", "uitkomst": "verworpen", "stemming": "unaniem", "vertrouwelijkheid": "openbaar"}
    antwoord = getattr(client, methode)(url, data if methode == "post" else None, follow=True)
    assert antwoord.status_code == 200
    assert "Terugzetten naar een eerdere versie kan niet" in antwoord.content.decode()
    client.logout()
    assert stand(client, Besluit.objects.get(pk=gepubliceerd.pk)) == voor
    assert Besluit.objects.get(pk=gepubliceerd.pk).status == "gepubliceerd"


def test_history_revert_of_what_the_besluit_rests_on_is_refused(client, griffie_user, gepubliceerd):
    client.force_login(griffie_user)
    vergadering = gepubliceerd.vergadering
    oud = vergadering.history.order_by("history_id").first()
    url = f"/beheer/vergaderagenda/vergadering/{vergadering.pk}/history/{oud.history_id}/"
    antwoord = client.post(url, {"datum": "2030-01-01"}, follow=True)
    assert "Terugzetten naar een eerdere versie kan niet" in antwoord.content.decode()
    assert Vergadering.objects.get(pk=vergadering.pk).datum == datetime.date(2024, 3, 14)


@postgres
def test_raw_sql_update_delete_and_truncate_hit_the_trigger(gepubliceerd):
    for sql in (
        "UPDATE besluiten_besluit SET titel = 'X' WHERE id = %s",
        "UPDATE besluiten_besluit SET status = 'concept', pdf = '' WHERE id = %s",
        "DELETE FROM besluiten_besluit WHERE id = %s",
        "UPDATE besluiten_dictumpunt SET tekst = 'X' WHERE besluit_id = %s",
        "UPDATE core_zaak SET zaaknummer = 'L999999' WHERE id = (SELECT zaak_id FROM besluiten_besluit WHERE id = %s)",
        "UPDATE vergaderagenda_vergadering SET openbaar = false"
        " WHERE id = (SELECT vergadering_id FROM besluiten_besluit WHERE id = %s)",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [gepubliceerd.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL leusden.truncate_toegestaan = 'uit'")
        cursor.execute("TRUNCATE besluiten_besluit CASCADE")
    assert Besluit.objects.get(pk=gepubliceerd.pk).titel == "Kadernota sport"


def test_zaaknummer_with_a_published_besluit_never_changes(client, griffie_user, gepubliceerd):
    voor = stand(client, gepubliceerd)
    zaak = Zaak.objects.get(pk=gepubliceerd.zaak_id)
    zaak.zaaknummer = "L480999"
    with pytest.raises(VastgelegdFout):
        zaak.save()
    with pytest.raises(VastgelegdFout):
        Zaak.objects.filter(pk=zaak.pk).update(zaaknummer="L480999")
    client.force_login(griffie_user)
    antwoord = client.post(
        f"/beheer/core/zaak/{zaak.pk}/change/", {"zaaknummer": "L480999", "titel": "Kadernota sport"}, follow=True
    )
    assert antwoord.status_code == 200
    assert Zaak.objects.get(pk=zaak.pk).zaaknummer == "L480001"
    pagina = client.get(f"/beheer/core/zaak/{zaak.pk}/change/").content.decode()
    assert "rust een gepubliceerd besluit" in pagina and "rectificatie" in pagina
    client.logout()
    assert stand(client, Besluit.objects.get(pk=gepubliceerd.pk)) == voor
    assert client.get("/besluiten/L480999/").status_code == 404


@pytest.mark.parametrize(
    ("model", "veld", "waarde"),
    [
        (Vergadering, "datum", datetime.date(2024, 4, 1)),
        (Vergadering, "openbaar", False),
        (Vergadering, "soort", "commissie"),
        (Agendapunt, "volgnummer", "7b"),
        (Agendapunt, "volgorde", 9),
        (Raadsvoorstel, "titel", "Andere titel"),
        (Raadsvoorstel, "college_besluitdatum", datetime.date(2020, 1, 1)),
    ],
)
def test_facts_the_besluit_rests_on_are_locked(client, gepubliceerd, model, veld, waarde):
    voor = stand(client, gepubliceerd)
    obj = {Vergadering: gepubliceerd.vergadering, Agendapunt: gepubliceerd.agendapunt}.get(model) or (
        gepubliceerd.raadsvoorstel
    )
    obj = model.objects.get(pk=obj.pk)
    setattr(obj, veld, waarde)
    with pytest.raises(VastgelegdFout) as fout:
        obj.save()
    assert "rectificatie" in fout.value.melding
    with pytest.raises(VastgelegdFout):
        model.objects.filter(pk=obj.pk).update(**{veld: waarde})
    assert stand(client, Besluit.objects.get(pk=gepubliceerd.pk)) == voor


def test_admin_change_form_shows_locked_fields_read_only(client, griffie_user, gepubliceerd):
    client.force_login(griffie_user)
    vergadering = gepubliceerd.vergadering
    pagina = client.get(f"/beheer/vergaderagenda/vergadering/{vergadering.pk}/change/").content.decode()
    assert 'name="datum"' not in pagina and 'name="openbaar"' not in pagina
    assert "rust een gepubliceerd besluit" in pagina
    voorstel = gepubliceerd.raadsvoorstel
    pagina = client.get(f"/beheer/raadsvoorstellen/raadsvoorstel/{voorstel.pk}/change/").content.decode()
    assert 'name="titel"' not in pagina


def test_rerender_of_a_missing_file_reproduces_the_stored_pdf(gepubliceerd, client):
    voor = stand(client, gepubliceerd)
    opgeslagen = gepubliceerd.pdf.storage.open(gepubliceerd.pdf.name).read()
    # today's records drift: the griffier is renamed, the signatory titles are no help either
    griffier = gepubliceerd.griffier
    griffier.naam = "Z. Nieuwe Naam"
    griffier.save()
    assert raadsbesluit_opslaan(gepubliceerd) is False  # the file exists: never rendered again
    gepubliceerd.pdf.storage.delete(gepubliceerd.pdf.name)
    assert raadsbesluit_opslaan(gepubliceerd) is True
    opnieuw = gepubliceerd.pdf.storage.open(gepubliceerd.pdf.name).read()
    assert tekst_van(opnieuw) == tekst_van(opgeslagen)
    assert "M.A. Oudgriffier" in tekst_van(opnieuw) and "Nieuwe Naam" not in tekst_van(opnieuw)
    assert opnieuw == opgeslagen
    assert stand(client, Besluit.objects.get(pk=gepubliceerd.pk)) == voor  # ETag and Last-Modified did not move


def test_rerender_mismatch_is_an_error_not_an_overwrite(gepubliceerd, monkeypatch):
    gepubliceerd.pdf.storage.delete(gepubliceerd.pdf.name)
    monkeypatch.setattr("apps.besluiten.pdf.raadsbesluit_pdf", lambda b: raadsbesluit_pdf(b) + b"\n% anders")
    with pytest.raises(PdfAfwijking):
        raadsbesluit_opslaan(gepubliceerd)
    assert not gepubliceerd.pdf.storage.exists(gepubliceerd.pdf.name)


def _vastgesteld(vergadering):
    voorstel = RaadsvoorstelFactory(status="geagendeerd")
    punt = AgendapuntFactory(vergadering=vergadering, raadsvoorstel=voorstel, zaak=voorstel.zaak)
    return BesluitFactory(raadsvoorstel=voorstel, vergadering=vergadering, agendapunt=punt, vastgesteld=True)


def test_publishing_is_refused_while_the_meeting_agenda_is_not_published(griffie_client):
    besluit = _vastgesteld(VergaderingFactory(concept=True))
    url = reverse("griffie:besluit-publiceren", kwargs={"uuid": besluit.uuid})
    for antwoord in (griffie_client.get(url, follow=True), griffie_client.post(url, {"bevestigd": "on"}, follow=True)):
        assert "Publiceer eerst de agenda" in antwoord.content.decode()
    assert Besluit.objects.get(pk=besluit.pk).status == "vastgesteld"
    with pytest.raises(RegelFout, match="agenda"):  # the service itself refuses too
        besluit_publiceren(besluit=besluit)


def test_confirmation_warns_about_a_meeting_in_the_future(griffie_client):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    besluit = _vastgesteld(VergaderingFactory(datum=morgen))
    html = griffie_client.get(reverse("griffie:besluit-publiceren", kwargs={"uuid": besluit.uuid})).content.decode()
    assert "ligt in de toekomst" in html and "Publiceren kan niet ongedaan worden gemaakt" in html
    assert 'type="checkbox"' in html and '<label class="utrecht-form-label utrecht-form-label--checkbox"' in html


def test_griffie_form_refuses_moving_the_meeting_of_a_published_besluit(griffie_client, gepubliceerd):
    from django.test import Client

    publiek = Client()
    voor = stand(publiek, gepubliceerd)
    vergadering = gepubliceerd.vergadering
    url = reverse("griffie:vergadering-bewerken", kwargs={"uuid": vergadering.uuid})
    antwoord = griffie_client.post(
        url,
        {
            "gremium": vergadering.gremium_id,
            "soort": vergadering.soort,
            "titel": vergadering.titel,
            "datum": "2024-04-01",
            "openbaar": "on",
            "version": vergadering.version,
        },
    )
    html = antwoord.content.decode()
    assert antwoord.status_code == 200 and "rust een gepubliceerd besluit" in html and "rectificatie" in html
    assert Vergadering.objects.get(pk=vergadering.pk).datum == datetime.date(2024, 3, 14)
    assert stand(publiek, Besluit.objects.get(pk=gepubliceerd.pk)) == voor


def test_command_checks_stored_pdfs_and_never_rerenders_them(gepubliceerd):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    opslag, naam = gepubliceerd.pdf.storage, gepubliceerd.pdf.name
    origineel = opslag.open(naam).read()
    call_command("raadsbesluiten_renderen", "--alle", verbosity=0)
    assert opslag.open(naam).read() == origineel
    opslag.delete(naam)
    opslag.save(naam, io.BytesIO(origineel + b"\n% gewijzigd"))
    with pytest.raises(CommandError, match="wijkt af van de controlesom"):
        call_command("raadsbesluiten_renderen", "--alle", verbosity=0)
    assert opslag.open(naam).read() == origineel + b"\n% gewijzigd"  # reported, not overwritten
