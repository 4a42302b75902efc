"""Development defaults: only sets defaults, then imports base."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
os.environ.setdefault("PORTAAL_DEMO_ACCOUNTS", "true")
os.environ.setdefault("PAGINACACHE_SECONDEN", "0")  # the anonymous page cache is off unless asked for

from .base import *  # noqa: F403
