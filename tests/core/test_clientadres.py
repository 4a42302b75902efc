"""django-axes behind a proxy: the client address comes from X-Forwarded-For past the trusted proxies only."""

import pytest
from django.test import RequestFactory

from apps.core.clientadres import client_adres
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("proxies", "xff", "remote", "verwacht"),
    [
        (0, "", "203.0.113.7", "203.0.113.7"),
        (0, "198.51.100.1", "203.0.113.7", "203.0.113.7"),  # no proxy: a forged header is ignored
        (1, "198.51.100.1", "10.0.0.2", "198.51.100.1"),  # nginx appended the client
        (1, "6.6.6.6, 198.51.100.1", "10.0.0.2", "198.51.100.1"),  # a forged entry to the left is ignored
        (2, "198.51.100.1, 10.0.0.3", "10.0.0.2", "198.51.100.1"),
        (1, "", "10.0.0.2", "10.0.0.2"),  # header missing: the proxy itself
        (1, "geen-adres", "10.0.0.2", "10.0.0.2"),
    ],
)
def test_client_address(settings, proxies, xff, remote, verwacht):
    settings.VERTROUWDE_PROXIES = proxies
    meta = {"REMOTE_ADDR": remote, **({"HTTP_X_FORWARDED_FOR": xff} if xff else {})}
    assert client_adres(RequestFactory().get("/", **meta)) == verwacht


def _inloggen(client, wachtwoord, **meta):
    return client.post("/inloggen/", {"username": "griffie", "password": wachtwoord}, **meta)


@pytest.fixture
def axes_aan(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    from axes.handlers.proxy import AxesProxyHandler

    AxesProxyHandler.implementation = None  # read the settings again
    yield
    AxesProxyHandler.implementation = None


def test_behind_the_proxy_one_client_does_not_lock_out_another(client, settings, axes_aan):
    settings.VERTROUWDE_PROXIES = 1
    UserFactory(username="griffie", groep="griffie")
    aanvaller = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.66"}
    for _ in range(5):
        _inloggen(client, "fout-wachtwoord-1234", **aanvaller)
    assert _inloggen(client, "geheim-wachtwoord-123", **aanvaller).status_code == 429  # that client is locked
    griffier = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "198.51.100.10"}
    antwoord = _inloggen(client, "geheim-wachtwoord-123", **griffier)
    assert antwoord.status_code == 302  # same proxy, other client: logged in


def test_without_proxy_setting_the_address_is_remote_addr(client, settings, axes_aan):
    settings.VERTROUWDE_PROXIES = 0
    UserFactory(username="griffie", groep="griffie")
    for n in range(5):
        _inloggen(client, "fout-wachtwoord-1234", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    # a forged X-Forwarded-For does not escape the lock on the real address
    assert _inloggen(client, "geheim-wachtwoord-123", REMOTE_ADDR="203.0.113.5").status_code == 429
    assert _inloggen(client, "geheim-wachtwoord-123", REMOTE_ADDR="203.0.113.6").status_code == 302
