"""Shapes of ORI API 2.0.0-beta.4 ("Open Raads-, Staten- en Bestuursinformatie", VNG, EUPL-1.2).

Only to_representation; optional fields without a value are left out. Lengths the schema limits are cut to size.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from apps.core.gemeente import huidige_gemeente

# The portal's meeting kinds on the standard's five; council sessions that are not the formal raadsvergadering
# (informatieavond, uitwisseling, beeldvormende sessie, themabijeenkomst) count as committee-style meetings.
VERGADERINGSTYPE = {"raadsvergadering": "raadsvergadering", "commissie": "commissievergadering"}
STATUS = {"gepubliceerd": "gepland", "gehouden": "gehouden", "geannuleerd": "geannuleerd"}
FUNCTIE = {
    "burgemeester": "burgemeester",
    "wethouder": "wethouder",
    "griffier": "griffier",
    "directeur_secretaris": "gemeentesecretaris",
    "raadslid": "raadslid",
    "voorzitter": "overig",
}
TUSSENVOEGSELS = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "ten",
    "ter",
    "te",
    "in",
    "'t",
    "op",
    "v.d.",
    "von",
    "le",
    "la",
    "du",
}


def kort(tekst, lengte: int) -> str:
    tekst = " ".join(str(tekst or "").split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def zonder_lege(gegevens: dict) -> dict:
    return {k: v for k, v in gegevens.items() if v not in (None, "", [])}


def moment(datum, tijd):
    if datum is None or tijd is None:
        return None
    return datetime.datetime.combine(datum, tijd, tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def gemeente() -> dict:
    g = huidige_gemeente()
    return {"gemeentecode": re.sub(r"\D", "", g.tooi_code)[-4:], "gemeentenaam": g.naam}


def naam_delen(naam: str) -> dict:
    """'P.J. van der Kiel' -> voorletters 'P.J.', tussenvoegsel 'van der', achternaam 'Kiel'."""
    woorden = naam.split()
    voorletters = []
    while len(woorden) > 1 and re.fullmatch(r"([A-Za-zÀ-ÿ]{1,3}\.)+", woorden[0]):
        voorletters.append(woorden.pop(0))
    tussen = []
    while len(woorden) > 1 and woorden[0].lower() in TUSSENVOEGSELS:
        tussen.append(woorden.pop(0))
    voornamen = woorden[:-1] if not voorletters and len(woorden) > 1 else []
    achternaam = woorden[-1] if voornamen else " ".join(woorden)
    return zonder_lege(
        {
            "achternaam": kort(achternaam or naam, 200),
            "tussenvoegsel": kort(" ".join(tussen), 20),
            "voorletters": kort("".join(voorletters), 20),
            "voornamen": kort(" ".join(voornamen), 200),
            "volledigeNaam": kort(naam, 300),
        }
    )


class Context:
    """Builds absolute urls: from the request when there is one, else from PORTAAL_BASIS_URL."""

    def __init__(self, request=None):
        self.request = request

    def absoluut(self, pad: str) -> str:
        if self.request is not None:
            return self.request.build_absolute_uri(pad)
        return settings.PORTAAL_BASIS_URL.rstrip("/") + pad

    def url(self, bron: str, kenmerk) -> str:
        return self.absoluut(reverse(f"oriapi:{bron}", kwargs={"id": str(kenmerk)}))

    def verwijzing(self, bron: str, kenmerk) -> dict:
        return {"id": str(kenmerk), "url": self.url(bron, kenmerk)}


def tijdstip(waarde):
    return timezone.localtime(waarde).isoformat() if waarde else None
