"""Who is who in the portal: the griffie, raadsleden and the public.

Roles are Django groups named "griffie" and "raadslid". Superusers count as griffie.
"""

GRIFFIE = "griffie"
RAADSLID = "raadslid"
PUBLIEK = "publiek"

#: The roles from the one who sees least to the one who sees most: each sees what the roles before it see.
ROLLEN = (PUBLIEK, RAADSLID, GRIFFIE)


def zichtbare_niveaus(rol: str) -> list[str]:
    """The visibility levels a role may see (the search index stores the lowest role that may see a record)."""
    return list(ROLLEN[: ROLLEN.index(rol) + 1]) if rol in ROLLEN else [PUBLIEK]


def rol_van(user) -> str:
    if user is None or not user.is_authenticated:
        return PUBLIEK
    cached = getattr(user, "_portaal_rol", None)
    if cached:
        return cached
    if user.is_superuser:
        rol = GRIFFIE
    elif hasattr(user, "_in_griffie"):  # loaded by apps.core.backends.PortaalBackend in the user's own query
        rol = GRIFFIE if user._in_griffie else RAADSLID if user._in_raadslid else PUBLIEK
    else:
        namen = set(user.groups.values_list("name", flat=True))
        rol = GRIFFIE if GRIFFIE in namen else RAADSLID if RAADSLID in namen else PUBLIEK
    user._portaal_rol = rol
    return rol


def is_griffie(user) -> bool:
    return rol_van(user) == GRIFFIE


def mag_besloten_zien(user) -> bool:
    """Raadsleden and griffie see besloten meetings and vertrouwelijke documents."""
    return rol_van(user) in (GRIFFIE, RAADSLID)
