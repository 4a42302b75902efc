"""Search settings shared by the index and the queries."""

from __future__ import annotations

from django.conf import settings
from django.db import connection

ZOEKCONFIG = "dutch_unaccent"
# How many of the newest matches are ranked (and counted: "300 of meer"). Measured at a million documents
# with cold database buffers: 1,000 candidates gave p95 129 ms over 175 distinct searches, 300 gave 47 ms,
# because each candidate's stored tsvector must be read for ts_rank.
KANDIDATEN = settings.ZOEK_KANDIDATEN


def is_postgres() -> bool:
    return connection.vendor == "postgresql"
