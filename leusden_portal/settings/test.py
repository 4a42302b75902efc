"""Test defaults: only sets defaults, then imports base."""

import os

os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-insecure-key")
os.environ.setdefault("MEDIA_ROOT", "/tmp/leusden-portal-test-media")
os.environ.setdefault("SCHAALDATA", "true")  # the scale-data generator is tested too
os.environ.setdefault("PAGINACACHE_SECONDEN", "0")  # the anonymous page cache is off unless asked for
os.environ.setdefault("FRAGMENTCACHE", "false")  # a test's rolled-back writes never start a new generation

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if os.environ.get("TEST_DB_NAME") and DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":  # noqa: F405
    # Lets several test runs share one PostgreSQL server without dropping each other's database.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DB_NAME"]}  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory, so that threads in the race tests lock like real clients.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("SQLITE_TEST_PATH", "/tmp/leusden-portal-test.sqlite3")}  # noqa: F405
