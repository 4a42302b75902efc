import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

PORTAAL_APPS = {"core", "raadsvoorstellen", "memos", "vergaderagenda", "moties", "besluiten"}


def portaal_modellen():
    return [m for m in apps.get_models() if m._meta.app_label in PORTAAL_APPS and m in admin.site._registry]


def test_every_portal_model_is_in_the_admin_with_dutch_names():
    geregistreerd = {m.__name__ for m in portaal_modellen()}
    for naam in [
        "Gremium",
        "Persoon",
        "Rol",
        "Onderwerp",
        "Zaak",
        "Raadsvoorstel",
        "Memo",
        "Vergadering",
        "Agendapunt",
        "Besluit",
    ]:
        assert naam in geregistreerd
    raadsvoorstel = apps.get_model("raadsvoorstellen", "Raadsvoorstel")
    assert raadsvoorstel._meta.verbose_name_plural == "raadsvoorstellen"


def test_admin_pages_render_for_a_griffie_user(client, griffie_user, demo_data):
    client.force_login(griffie_user)
    for model in portaal_modellen():
        info = (model._meta.app_label, model._meta.model_name)
        lijst = client.get(reverse("admin:{}_{}_changelist".format(*info)), {"q": "L275141"})
        assert lijst.status_code == 200, info
        obj = model.objects.first()
        if obj is not None:
            assert client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).status_code == 200, info


def test_raadslid_cannot_use_the_admin(client, raadslid_user):
    client.force_login(raadslid_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_linking_a_voorstel_in_the_admin_marks_it_geagendeerd(client, griffie_user):
    from apps.raadsvoorstellen.models import Raadsvoorstel
    from tests.factories import AgendapuntFactory, RaadsvoorstelFactory

    voorstel = RaadsvoorstelFactory(status=Raadsvoorstel.Status.AANGEBODEN)
    punt = AgendapuntFactory()
    client.force_login(griffie_user)
    url = reverse("admin:vergaderagenda_agendapunt_change", args=[punt.pk])
    data = {
        "vergadering": punt.vergadering_id,
        "volgorde": punt.volgorde,
        "volgnummer": punt.volgnummer,
        "titel": punt.titel,
        "behandeling": "bespreekstuk",
        "raadsvoorstel": voorstel.pk,
        "agendapuntbijlage_set-TOTAL_FORMS": 0,
        "agendapuntbijlage_set-INITIAL_FORMS": 0,
        "bijlagen-TOTAL_FORMS": 0,
        "bijlagen-INITIAL_FORMS": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    voorstel.refresh_from_db()
    assert voorstel.status == Raadsvoorstel.Status.GEAGENDEERD
