import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

PORTAAL_APPS = {"core", "raadsvoorstellen", "memos", "vergaderagenda", "besluiten"}


def portaal_modellen():
    return [m for m in apps.get_models() if m._meta.app_label in PORTAAL_APPS and m in admin.site._registry]


def test_every_portal_model_is_in_the_admin_with_dutch_names():
    geregistreerd = {m.__name__ for m in portaal_modellen()}
    for naam in ["Gremium", "Persoon", "Rol", "Onderwerp", "Zaak", "Raadsvoorstel", "Memo", "Vergadering",
                 "Agendapunt", "Besluit"]:
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
