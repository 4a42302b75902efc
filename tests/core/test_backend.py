import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("groep, rol", [("griffie", "griffie"), ("raadslid", "raadslid"), (None, "publiek")])
def test_a_real_login_loads_the_role_with_the_user(client, groep, rol, django_assert_num_queries):
    UserFactory(username="iemand", groep=groep)
    client.post(reverse("login"), {"username": "iemand", "password": "geheim-wachtwoord-123"})
    response = client.get(reverse("portaal:toegankelijkheid"))
    assert response.context["portaal_rol"] == rol
    # session (from the cache) + user with role, nothing else for the role
    with django_assert_num_queries(1):
        client.get(reverse("portaal:toegankelijkheid"))


def test_a_changed_group_counts_on_the_next_request(client):
    user = UserFactory(username="wisselaar", groep="raadslid")
    client.post(reverse("login"), {"username": "wisselaar", "password": "geheim-wachtwoord-123"})
    assert client.get("/").context["portaal_rol"] == "raadslid"
    user.groups.set([Group.objects.get(name="griffie")])
    assert client.get("/").context["portaal_rol"] == "griffie"
    user.groups.clear()
    assert client.get("/").context["portaal_rol"] == "publiek"


def test_get_user_refuses_unknown_and_inactive_users():
    from apps.core.backends import PortaalBackend

    user = UserFactory(username="actief", groep="griffie")
    gevonden = PortaalBackend().get_user(user.pk)
    assert gevonden == user and gevonden._in_griffie is True and gevonden._in_raadslid is False
    assert PortaalBackend().get_user(user.pk + 1000) is None
    user.is_active = False
    user.save()
    assert PortaalBackend().get_user(user.pk) is None
