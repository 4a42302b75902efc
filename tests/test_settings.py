import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import UserFactory

ROOT = settings.BASE_DIR


def run_manage(*args, env_extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(env_extra)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "leusden_portal.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "DJANGO_ALLOWED_HOSTS": "raad.example.nl",
        },
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", [None, "kort", "dev-only-insecure-key-never-use-in-production-xxxxxxxxxxxxxxxx"])
def test_production_refuses_a_missing_or_weak_secret_key(key):
    env = {"DJANGO_SETTINGS_MODULE": "leusden_portal.settings.production"}
    if key:
        env["DJANGO_SECRET_KEY"] = key
    result = run_manage("check", env_extra=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_municipality_is_configuration():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from apps.core.gemeente import huidige_gemeente as g; print(g().naam, g().tooi_code)",
        env_extra={
            "DJANGO_SETTINGS_MODULE": "leusden_portal.settings.test",
            "GEMEENTE_NAAM": "Oude IJsselstreek",
            "GEMEENTE_TOOI_CODE": "gm1509",
        },
    )
    assert result.stdout.strip() == "Oude IJsselstreek gm1509"


@pytest.mark.django_db
def test_login_attempts_are_throttled(client):
    UserFactory(username="klerk", groep="griffie")
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "klerk", "password": "fout"})
        assert response.status_code == 200
        assert "onbekend" in response.content.decode()
    assert client.post(url, {"username": "klerk", "password": "fout"}).status_code == 429
    blocked = client.post(url, {"username": "klerk", "password": "geheim-wachtwoord-123"})
    assert blocked.status_code == 429
    assert "tijdelijk geblokkeerd" in blocked.content.decode()


@pytest.mark.django_db
def test_login_form_is_protected_by_csrf(rf):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    UserFactory(username="klerk2", groep="griffie")
    response = strict.post(reverse("login"), {"username": "klerk2", "password": "geheim-wachtwoord-123"})
    assert response.status_code == 403
