"""The portal's search index: a contract between the domain apps and the search page.

Domain apps register how one of their records becomes a search document (in their
AppConfig.ready()), and their services call `zoekindex_bijwerken(obj)` after every
write and `zoekindex_verwijderen(obj)` before a delete. core itself knows none of the
domain apps.

The index is one denormalised table (core.Zoekdocument). On PostgreSQL it holds a stored
tsvector (text search configuration `dutch_unaccent`: Dutch stemming, accents ignored)
with a GIN index; on SQLite the same interface searches a normalised copy of the text.

Ranking at scale: a common word can match hundreds of thousands of rows, and ranking them
all is the expensive part. So only the newest `KANDIDATEN` matches are ranked with ts_rank;
rare words (fewer matches) are ranked in full. On PostgreSQL a tiny query stems the terms, then
(usually) one query finds the candidates with their rank, through a plan chosen from the lexeme
statistics (see
"finding the newest KANDIDATEN matches" below); the result count is capped at the same number
("300 of meer" with the default ZOEK_KANDIDATEN). Snippets (ts_headline) are computed only for
the rows on the shown page, in a separate query.

The package, one module per job: `bronnen` (the registry), `index` (writes), `zoekvraag` (parsing a query),
`plan` (PostgreSQL: choosing how to find the candidates), `zoeken` (the ranked results a role may see) and
`fragment` (snippets). What other apps use is imported here.
"""

from .bronnen import registreer_afhankelijk, registreer_zoekbron
from .config import KANDIDATEN, ZOEKCONFIG, is_postgres
from .fragment import fragmenten
from .index import zoekindex_bijwerken, zoekindex_herbouwen, zoekindex_omvang, zoekindex_ordenen, zoekindex_verwijderen
from .zoeken import ZICHTBAAR_PER_ROL, Zoekresultaat, Zoekresultaten, zoek_object_ids, zoekdocumenten
from .zoekvraag import MAX_ZOEKLENGTE, Zoekvraag, is_zaaknummer, normaliseer, ontleed_zoekvraag, tsquery_tekst

__all__ = [
    "KANDIDATEN",
    "MAX_ZOEKLENGTE",
    "ZICHTBAAR_PER_ROL",
    "ZOEKCONFIG",
    "Zoekresultaat",
    "Zoekresultaten",
    "Zoekvraag",
    "fragmenten",
    "is_postgres",
    "is_zaaknummer",
    "normaliseer",
    "ontleed_zoekvraag",
    "registreer_afhankelijk",
    "registreer_zoekbron",
    "tsquery_tekst",
    "zoek_object_ids",
    "zoekdocumenten",
    "zoekindex_bijwerken",
    "zoekindex_herbouwen",
    "zoekindex_omvang",
    "zoekindex_ordenen",
    "zoekindex_verwijderen",
]
