import pytest
from django.core.management import call_command
from django.db.backends.signals import connection_created

from tests.factories import UserFactory


def _truncate_toestaan(sender, connection, **kwargs):
    """The flush between transactional tests empties every table with TRUNCATE; the PostgreSQL trigger
    refuses that for published besluiten unless the session allows it (the test database only)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET leusden.truncate_toegestaan = 'aan'")


connection_created.connect(_truncate_toestaan)


@pytest.fixture
def griffie_user(db):
    return UserFactory(username="griffie-test", groep="griffie")


@pytest.fixture
def raadslid_user(db):
    return UserFactory(username="raadslid-test", groep="raadslid")


@pytest.fixture
def griffie_client(client, griffie_user):
    client.force_login(griffie_user)
    return client


@pytest.fixture
def raadslid_client(client, raadslid_user):
    client.force_login(raadslid_user)
    return client


@pytest.fixture
def demo_data(db):
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def _verse_proceskopieen():
    """What a process keeps per cache generation (page keys, filter options) starts empty in every test: a test's
    rolled-back writes let the next one start at the same generation number."""
    from apps.core import paginering, widgets
    from apps.paginacache import fragmenten

    for bewaard in (paginering._in_proces, widgets._opties, fragmenten._bewaard):
        bewaard.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
