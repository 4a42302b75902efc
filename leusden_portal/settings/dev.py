"""Development defaults: only sets defaults, then imports base."""

import os

os.environ.setdefault("DJANGO_DEBUG", "true")
os.environ.setdefault("DJANGO_SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
os.environ.setdefault("PORTAAL_DEMO_ACCOUNTS", "true")

from .base import *  # noqa: E402,F401,F403
