"""The HTTP side of a delivery to Open Overheid: the OAuth 2.0 client-credentials token and one request.

The token comes from OPEN_OVERHEID_TOKEN_URL with OPEN_OVERHEID_CLIENT_ID / OPEN_OVERHEID_CLIENT_SECRET (HTTP Basic,
RFC 6749 section 2.3.1) and is kept in the cache until shortly before it expires.
"""

import dataclasses

import requests
from django.conf import settings
from django.core.cache import cache

TOKEN_SLEUTEL = "aanlevering:token"
PADEN = {"vergadering": "vergaderingen", "agendapunt": "agendapunten", "informatieobject": "informatieobjecten"}


class TokenFout(Exception):
    pass


@dataclasses.dataclass
class Antwoord:
    status: int
    body: object


def token(*, vernieuwen: bool = False, timeout: float) -> str:
    if not vernieuwen and (bewaard := cache.get(TOKEN_SLEUTEL)):
        return bewaard
    gegevens = {"grant_type": "client_credentials"}
    if settings.OPEN_OVERHEID_SCOPE:
        gegevens["scope"] = settings.OPEN_OVERHEID_SCOPE
    try:
        response = requests.post(
            settings.OPEN_OVERHEID_TOKEN_URL,
            data=gegevens,
            auth=(settings.OPEN_OVERHEID_CLIENT_ID, settings.OPEN_OVERHEID_CLIENT_SECRET),
            timeout=timeout,
        )
    except requests.RequestException as exc:
        raise TokenFout(f"Token ophalen mislukt: {exc.__class__.__name__}") from exc
    if response.status_code != 200:
        raise TokenFout(f"Token ophalen mislukt: HTTP {response.status_code}")
    try:
        body = response.json()
        waarde, geldig = body["access_token"], int(body.get("expires_in", 300))
    except (ValueError, KeyError, TypeError) as exc:
        raise TokenFout("Token ophalen mislukt: onverwacht antwoord van de tokendienst") from exc
    cache.set(TOKEN_SLEUTEL, waarde, max(geldig - 30, 1))
    return waarde


def _header(tekst: str) -> str:
    """An X-Reason header value: one line, within latin-1 (what HTTP/1.1 headers carry)."""
    regel = " ".join(tekst.split())[:500]
    return regel.encode("latin-1", "replace").decode("latin-1")


def versturen(*, methode: str, soort: str, extern_id: str, reden: str, inhoud: dict | None, timeout: float) -> Antwoord:
    """One request to the delivery API; on a 401 once more with a fresh token. Raises requests.RequestException or
    TokenFout when the endpoint or the token service cannot be reached."""
    url = settings.OPEN_OVERHEID_URL.rstrip("/") + "/" + PADEN[soort]
    if methode != "POST":
        url += f"/{extern_id}"
    for poging in (1, 2):
        headers = {
            "Authorization": f"Bearer {token(vernieuwen=poging == 2, timeout=timeout)}",
            "Accept": "application/json",
        }
        if methode != "POST":
            headers["X-Reason"] = _header(reden)
        response = requests.request(methode, url, json=inhoud, headers=headers, timeout=timeout)
        if response.status_code != 401:
            break
    try:
        body = response.json() if response.content else None
    except ValueError:
        body = None
    return Antwoord(response.status_code, body)
