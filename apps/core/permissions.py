"""Who is who in the portal: the griffie, raadsleden and the public.

Roles are Django groups named "griffie" and "raadslid". Superusers count as griffie.
"""

from django.contrib.auth.mixins import AccessMixin

GRIFFIE = "griffie"
RAADSLID = "raadslid"
PUBLIEK = "publiek"


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


class GriffieVereistMixin(AccessMixin):
    """Anonymous users go to the login page; logged-in non-griffie users get 403."""

    raise_exception = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not is_griffie(request.user):
            self.raise_exception = True
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)
