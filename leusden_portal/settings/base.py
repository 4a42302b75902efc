"""Base settings: every value is read from the environment, with safe defaults.

dev.py and test.py only set defaults and then import this module; production.py
only hardens. `.env.example` lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ja"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from exc


# --- Core -----------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY (see .env.example).")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django_filters",
    "rest_framework",
    "axes",
    "simple_history",
    "csp",
    # Domain apps (dependencies point downwards: core is at the bottom).
    "apps.core",
    "apps.raadsvoorstellen",
    "apps.memos",
    "apps.vergaderagenda",
    "apps.moties",
    "apps.besluiten",
    "apps.registers",
    # Thin apps that combine the domain apps' selectors and services.
    "apps.portaal",
    "apps.griffie",
    "apps.openori",
    "apps.importeren",
    "apps.oriapi",
    "apps.woo",
    "apps.oria",
    "apps.aanlevering",
    # Infrastructure: the whole-page cache and its generation.
    "apps.paginacache",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A NUL byte in the path or a query value: 404 / 400 before anything else runs.
    "apps.core.middleware.NulTekenMiddleware",
    # Content-Security-Policy on every answer, cached or not (CONTENT_SECURITY_POLICY below).
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag / If-None-Match and Last-Modified / If-Modified-Since for every non-streaming answer (feeds, iCal).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control: private for logged-in users; outside the page cache, which keeps its per-role pages.
    "apps.core.middleware.IngelogdPriveMiddleware",
    # Whole pages from the cache, per role (see apps/paginacache/middleware.py).
    "apps.paginacache.middleware.PaginaCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # AxesMiddleware must be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "leusden_portal.urls"
WSGI_APPLICATION = "leusden_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.portaal",
            ],
            # Django's date and time filters and url tag, remembered (apps/core/templatetags/onthouden.py)
            "builtins": ["apps.core.templatetags.onthouden"],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite by default (a git-ignored file); DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{env('SQLITE_PATH', str(BASE_DIR / 'db.sqlite3'))}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # One backend per web request: parallel query workers cost more to start than they save on these pages,
    # and on a small machine they take the cores the other requests need (measured with `make bench`).
    # No JIT: compiling a plan costs tens of ms, more than these short queries run (a search's fallback plan).
    # effective_io_concurrency: a search reads its matches from scattered heap pages (a bitmap heap scan);
    # prefetching them in parallel makes a search whose pages are not in memory 2-3x faster on SSD storage
    # (PostgreSQL's default, 1, suits a single spinning disk).
    # random_page_cost 1.1, the usual value for SSD storage or a database that fits in memory: with the default
    # (4, a spinning disk) PostgreSQL preferred reading a whole table over a few thousand index lookups, e.g. a
    # portefeuillehouder's besluiten: 443 ms instead of 43 ms at 100,000 besluiten.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options",
        f"-c max_parallel_workers_per_gather={env_int('DATABASE_PARALLELLE_WORKERS', 0)} -c jit=off "
        f"-c effective_io_concurrency={env_int('DATABASE_IO_CONCURRENTIE', 200)} "
        f"-c random_page_cost={float(env('DATABASE_RANDOM_PAGE_COST', '1.1'))}",
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions make concurrent writers wait instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "apps.core.backends.PortaalBackend",  # ModelBackend + the portal role in the user's own query
]
# Sessions are read from the cache and written through to the database.
SESSION_ENGINE = env("SESSION_ENGINE", "django.contrib.sessions.backends.cached_db")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portaal:home"
LOGOUT_REDIRECT_URL = "portaal:home"

# Login throttling (django-axes): lock a username+IP after N failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 15) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)
# Behind reverse proxies (nginx: 1) the client address comes from X-Forwarded-For, counted from the right past
# this many trusted proxies; 0 = no proxy, only REMOTE_ADDR (a forged header is then ignored).
VERTROUWDE_PROXIES = env_int("VERTROUWDE_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "apps.core.clientadres.client_adres"

# --- Content-Security-Policy (django-csp) ------------------------------------
# Scripts and styles only from the portal's own static files: no inline script or style, no eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- I18n -----------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Dutch for the words Django's admin and django-simple-history leave in English (locale/nl).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

# --- Static and media -----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded bijlagen and rendered PDFs live outside the static files and are only
# served through views that check visibility.
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = "/media-niet-publiek/"  # never routed; files go through views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": env("STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")},
}
BIJLAGE_MAX_MB = env_int("BIJLAGE_MAX_MB", 20)
# The importer (apps.importeren): largest document or export file it reads, in MB.
IMPORT_MAX_MB = env_int("IMPORT_MAX_MB", 50)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Cache ----------------------------------------------------------------
CACHES = {
    "default": {
        "BACKEND": env("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": env("CACHE_LOCATION", "leusden-portal"),
    }
}

# Anonymous page cache (apps/paginacache/middleware.py): seconds a page may be served from the cache; 0 = off.
PAGINACACHE_SECONDEN = env_int("PAGINACACHE_SECONDEN", 600)
# Search: how many of the newest matches are ranked and counted (apps/core/search.py).
ZOEK_KANDIDATEN = env_int("ZOEK_KANDIDATEN", 300)
PAGINACACHE_INGELOGD = env_bool("PAGINACACHE_INGELOGD", True)  # also per-role pages for logged-in users
# How long a process reuses the cache generation it read before asking the database again (0 = every request).
PAGINACACHE_GENERATIE_SECONDEN = env_int("PAGINACACHE_GENERATIE_SECONDEN", 1)
# Parts of pages kept per cache generation whatever the URL (filter options, page keys of long lists; issue 14).
FRAGMENTCACHE = env_bool("FRAGMENTCACHE", True)
FRAGMENTCACHE_SECONDEN = env_int("FRAGMENTCACHE_SECONDEN", 3600)

# --- Benchmark (scripts/bench.sh only): mounts /bench/hallo/ and the X-Query-Count header. Never in production.
BENCH_BASELINE = env_bool("BENCH_BASELINE", False)
if BENCH_BASELINE:
    MIDDLEWARE.insert(0, "apps.schaaldata.bench.QueryTellerMiddleware")
# The scale-data generator and the benchmark plumbing (apps/schaaldata) are installed only where they are needed:
# the test settings and benchmark runs. The product never carries them (as Open Zaak mounts its profiler only
# behind a setting).
SCHAALDATA = env_bool("SCHAALDATA", False) or BENCH_BASELINE
if SCHAALDATA:
    INSTALLED_APPS.append("apps.schaaldata")

# --- Security (safe defaults everywhere; production.py hardens further) ----
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)

# --- The municipality: configuration, not literals --------------------------
GEMEENTE_NAAM = env("GEMEENTE_NAAM", "Leusden")
GEMEENTE_TOOI_CODE = env("GEMEENTE_TOOI_CODE", "gm0327")
ZAAKNUMMER_PATROON = env("ZAAKNUMMER_PATROON", r"^L\d{6}$")
ZAAKNUMMER_PREFIX = env("ZAAKNUMMER_PREFIX", "L")
ZAAKNUMMER_CIJFERS = env_int("ZAAKNUMMER_CIJFERS", 6)
ZAAKNUMMER_VOORBEELD = env("ZAAKNUMMER_VOORBEELD", "L275141")
# Numbering of moties and amendementen per year ({jaar}, {nummer}); the result must be unique and URL-safe.
MOTIE_NUMMER_FORMAAT = env("MOTIE_NUMMER_FORMAAT", "M{jaar}-{nummer:03d}")
AMENDEMENT_NUMMER_FORMAAT = env("AMENDEMENT_NUMMER_FORMAAT", "A{jaar}-{nummer:03d}")
# The griffie's registers (issue 17): the rules of order for schriftelijke vragen and how terms are counted.
SCHRIFTELIJKE_VRAGEN_ARTIKEL = env("SCHRIFTELIJKE_VRAGEN_ARTIKEL", "artikel 40 van het Reglement van orde")
SCHRIFTELIJKE_VRAGEN_TERMIJN_DAGEN = env_int("SCHRIFTELIJKE_VRAGEN_TERMIJN_DAGEN", 30)
TERMIJN_WERKDAGEN = env_bool("TERMIJN_WERKDAGEN", False)  # count terms in working days instead of calendar days
TERMIJN_FEESTDAGEN_LAND = env("TERMIJN_FEESTDAGEN_LAND", "NL")  # public holidays skipped in working days ("": none)
TERMIJN_EXTRA_VRIJE_DAGEN = env_list("TERMIJN_EXTRA_VRIJE_DAGEN")  # more days off, ISO dates, comma-separated
# Contact for the public (toegankelijkheidsverklaring, footer): the griffie.
GRIFFIE_EMAIL = env("GRIFFIE_EMAIL", "griffie@leusden.nl")
GRIFFIE_TELEFOON = env("GRIFFIE_TELEFOON", "14 033")
TITEL_GRIFFIER = env("TITEL_GRIFFIER", "griffier")
TITEL_VOORZITTER = env("TITEL_VOORZITTER", "voorzitter")
TITEL_SECRETARIS = env("TITEL_SECRETARIS", "directeur-secretaris")
TITEL_BURGEMEESTER = env("TITEL_BURGEMEESTER", "burgemeester")
# Dev only: create one demo account per role (production.py forces this off).
PORTAAL_DEMO_ACCOUNTS = env_bool("PORTAAL_DEMO_ACCOUNTS", False)
PORTAAL_BASIS_URL = env("PORTAAL_BASIS_URL", "http://127.0.0.1:8000")

# --- Logging --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Open data: keep the traces of what is public (tombstones, deliveries) after every commit that changes a record.
OPENDATA_SPOREN_BIJ_OPSLAAN = env_bool("OPENDATA_SPOREN_BIJ_OPSLAAN", True)

# DiWoo sitemaps for the Woo-index: entries per sitemap (the protocol allows at most 50,000).
DIWOO_SITEMAP_MAX = env_int("DIWOO_SITEMAP_MAX", 50000)

# Delivery to Open Overheid (mini-ORI delivery API); nothing is delivered while OPEN_OVERHEID_URL is empty.
OPEN_OVERHEID_URL = env("OPEN_OVERHEID_URL", "")
OPEN_OVERHEID_TOKEN_URL = env("OPEN_OVERHEID_TOKEN_URL", "")
OPEN_OVERHEID_CLIENT_ID = env("OPEN_OVERHEID_CLIENT_ID", "")
OPEN_OVERHEID_CLIENT_SECRET = env("OPEN_OVERHEID_CLIENT_SECRET", "")
OPEN_OVERHEID_SCOPE = env("OPEN_OVERHEID_SCOPE", "")
OPEN_OVERHEID_TIMEOUT = float(env("OPEN_OVERHEID_TIMEOUT", "10"))
OPEN_OVERHEID_DIRECT = env_bool("OPEN_OVERHEID_DIRECT", True)
OPEN_OVERHEID_DIRECT_TIMEOUT = float(env("OPEN_OVERHEID_DIRECT_TIMEOUT", "2"))
OPEN_OVERHEID_MAX_POGINGEN = env_int("OPEN_OVERHEID_MAX_POGINGEN", 8)
OPEN_OVERHEID_BACKOFF_SECONDEN = env_int("OPEN_OVERHEID_BACKOFF_SECONDEN", 60)

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
