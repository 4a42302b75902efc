"""Request/response plumbing every page needs, below the views."""

from django.core.exceptions import BadRequest
from django.http import Http404, JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

NUL = "\x00"


class NulTekenMiddleware:
    """A NUL byte in the path answers 404, in a query parameter (name or value) 400; never a server error.

    PostgreSQL refuses NUL in text, and a lookup with one would raise deep inside a view; no valid address or
    search term holds one, so the request stops here, before any view, cache or database."""

    # The open-data API answers errors as JSON in its own shape (titel, status, detail), so here too.
    JSON_PADEN = ("/api/",)

    def __init__(self, get_response):
        self.get_response = get_response

    def _fout(self, request, status: int, titel: str, detail: str):
        if request.path_info.startswith(self.JSON_PADEN):
            return JsonResponse({"titel": titel, "status": status, "detail": detail}, status=status)
        if status == 404:
            raise Http404(detail)
        raise BadRequest(detail)

    def __call__(self, request):
        if NUL in request.path_info or NUL in request.path:
            return self._fout(request, 404, "Niet gevonden", "De gevraagde resource bestaat niet of is niet openbaar.")
        for naam, waarden in request.GET.lists():
            if NUL in naam or any(NUL in w for w in waarden):
                return self._fout(request, 400, "Ongeldige vraag", "Ongeldig teken in de zoekvraag of filter.")
        return self.get_response(request)


class IngelogdPriveMiddleware:
    """A page answered to a logged-in user is private: no shared cache (proxy, CDN) may keep it.

    Sits outside the page cache in MIDDLEWARE, so the portal's own per-role cache still stores the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
        return response
