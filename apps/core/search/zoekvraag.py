"""Parsing a user's query: word tokens and quoted phrases, never tsquery operators."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings

MAX_ZOEKLENGTE = 200
MAX_TERMEN = 10


def normaliseer(tekst: str) -> str:
    """Lower case without accents: the SQLite fallback's text and terms."""
    ontleed = unicodedata.normalize("NFKD", tekst or "")
    return "".join(c for c in ontleed if not unicodedata.combining(c)).casefold()


_FRASE = re.compile(r'"([^"]*)"')
_WOORD = re.compile(r"[^\W_]+")


@dataclass
class Zoekvraag:
    """A user's query, sanitised: prefix terms and exact phrases (each a list of words)."""

    termen: list[str] = field(default_factory=list)
    frases: list[list[str]] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        return not self.termen and not self.frases


def ontleed_zoekvraag(q: str) -> Zoekvraag:
    """Split user input into word tokens and quoted phrases. Everything else is dropped.

    Only letters and digits survive, so no operator of the tsquery syntax (& | ! : * ( ) <->)
    can reach PostgreSQL. Single characters are ignored (they would match nearly everything).
    """
    q = (q or "")[:MAX_ZOEKLENGTE]
    vraag = Zoekvraag()
    frases = _FRASE.findall(q)
    rest = _FRASE.sub(" ", q)
    for frase in frases:
        woorden = [w.lower() for w in _WOORD.findall(frase)]
        if len(woorden) == 1 and len(woorden[0]) > 1:
            vraag.termen.append(woorden[0])
        elif len(woorden) > 1:
            vraag.frases.append(woorden[:MAX_TERMEN])
    for woord in _WOORD.findall(rest):
        woord = woord.lower()
        if len(woord) > 1 and woord not in vraag.termen:
            vraag.termen.append(woord)
    vraag.termen = vraag.termen[:MAX_TERMEN]
    vraag.frases = vraag.frases[:3]
    return vraag


def enkelvoud(term: str) -> list[str]:
    """A likely singular of a Dutch plural, so "regiovisies" also finds "regiovisie" (the
    Dutch stemmer keeps the -s after a vowel, and a prefix only widens to longer words)."""
    if term.isdigit():
        return []
    if term.endswith("s") and len(term) > 4:
        return [term[:-1]]
    if term.endswith("en") and len(term) > 5:
        return [term[:-2]]
    return []


def tsquery_tekst(vraag: Zoekvraag) -> str:
    """The to_tsquery() input for a sanitised query: 'term':* for each term (prefix match,
    so "regiovisie" also finds "regiovisies" and compounds that start with it), phrases as
    'a' <-> 'b', all combined with &. Tokens contain only letters and digits."""
    delen = []
    for term in vraag.termen:
        varianten = " | ".join(f"'{v}':*" for v in [term, *enkelvoud(term)])
        delen.append(f"({varianten})" if "|" in varianten else varianten)
    delen += ["(" + " <-> ".join(f"'{w}'" for w in frase) + ")" for frase in vraag.frases]
    return " & ".join(delen)


def is_zaaknummer(q: str) -> str | None:
    kandidaat = (q or "").strip().upper()
    if len(kandidaat) <= 30 and re.fullmatch(settings.ZAAKNUMMER_PATROON, kandidaat):
        return kandidaat
    return None
