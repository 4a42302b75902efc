"""Several app servers sharing the page cache in Redis: a write on one server makes the pages of the other stale
at once (issue 14). Needs a real Redis at 127.0.0.1:6379 (scripts/test.sh starts one when it is installed);
without it these tests are skipped."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection

from apps.paginacache import middleware as paginacache_module
from tests.factories import BesluitFactory

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
ROOT = Path(__file__).resolve().parents[2]


def redis_antwoordt() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS, socket_timeout=1).ping()
        return True
    except Exception:  # no server, no package: skip
        return False


pytestmark = pytest.mark.skipif(not redis_antwoordt(), reason="Redis antwoordt niet op 127.0.0.1:6379")

# The other server: a separate process with the same settings, database and Redis. It reads paths from stdin and
# answers each with one JSON line: status, whether the page came from the cache, and the page text.
ANDERE_SERVER = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client()
for regel in sys.stdin:
    antwoord = client.get(regel.strip())
    print(json.dumps({"status": antwoord.status_code, "cache": antwoord.get("X-Paginacache", ""),
                      "tekst": antwoord.content.decode()}), flush=True)
"""


@pytest.fixture
def redis_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS},
    }
    settings.PAGINACACHE_SECONDEN = 600
    settings.PAGINACACHE_GENERATIE_SECONDEN = 60  # longer than the test: only the shared counter can tell
    caches["default"].clear()
    paginacache_module._gelezen["nummer"] = None
    yield caches["default"]
    caches["default"].clear()
    paginacache_module._gelezen["nummer"] = None


@pytest.fixture
def andere_server(redis_cache, transactional_db):
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        if db.get("PASSWORD"):
            database_url = database_url.replace("@", f":{db['PASSWORD']}@", 1)
        omgeving = {"DATABASE_URL": database_url}
    else:
        omgeving = {"DATABASE_URL": "", "SQLITE_PATH": str(db["NAME"])}
    proces = subprocess.Popen(
        [sys.executable, "-c", ANDERE_SERVER],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={
            **os.environ,
            **omgeving,
            "DJANGO_SETTINGS_MODULE": "leusden_portal.settings.test",
            "CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
            "CACHE_LOCATION": REDIS,
            "PAGINACACHE_SECONDEN": "600",
            "PAGINACACHE_GENERATIE_SECONDEN": "60",
            "DJANGO_ALLOWED_HOSTS": "testserver",
        },
    )

    def vraag(pad: str) -> dict:
        proces.stdin.write(pad + "\n")
        proces.stdin.flush()
        return json.loads(proces.stdout.readline())

    yield vraag
    proces.stdin.close()
    proces.wait(timeout=30)


def test_a_write_on_one_server_makes_the_pages_of_the_other_stale_at_once(client, andere_server):
    BesluitFactory(gepubliceerd=True, titel="Vaststellen speelruimteplan")
    eerst = andere_server("/besluiten/")
    assert eerst["status"] == 200 and "Vaststellen speelruimteplan" in eerst["tekst"]
    assert andere_server("/besluiten/")["cache"] == "hit"  # the other server serves it from Redis
    assert client.get("/besluiten/")["X-Paginacache"] == "hit"  # and this one finds it there too

    BesluitFactory(gepubliceerd=True, titel="Vaststellen bomenverordening")  # a write on this server

    daarna = andere_server("/besluiten/")
    assert daarna["cache"] == "miss"
    assert "Vaststellen bomenverordening" in daarna["tekst"]


def test_the_write_counter_lives_in_the_shared_cache(redis_cache, transactional_db):
    voor = paginacache_module.cache_versie()
    BesluitFactory(gepubliceerd=True)
    na = paginacache_module.cache_versie()
    assert voor != na
    assert redis_cache.get(paginacache_module.TELLER) >= 1
