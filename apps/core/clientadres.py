"""The client's address behind a configured number of trusted reverse proxies (for django-axes).

Each proxy appends the address it received the request from to X-Forwarded-For, and the last one is
REMOTE_ADDR. With VERTROUWDE_PROXIES = N (nginx in front: 1), the client is the N-th address from the
right of [X-Forwarded-For..., REMOTE_ADDR]: entries further left were sent by the client itself and can
be forged, so they are never used. With N = 0 (no proxy) only REMOTE_ADDR counts, whatever the headers say.
"""

import ipaddress

from django.conf import settings


def _geldig(adres: str) -> str | None:
    adres = adres.strip()
    try:
        return str(ipaddress.ip_address(adres))
    except ValueError:
        return None


def client_adres(request) -> str | None:
    aantal = max(0, int(getattr(settings, "VERTROUWDE_PROXIES", 0)))
    remote = request.META.get("REMOTE_ADDR", "")
    if aantal == 0:
        return _geldig(remote) or remote or None
    keten = [a for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()] + [remote]
    kandidaat = keten[-(aantal + 1)] if len(keten) > aantal else keten[0]
    return _geldig(kandidaat) or _geldig(remote) or remote or None
