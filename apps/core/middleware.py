"""Request/response plumbing every page needs, below the views."""

from django.core.exceptions import BadRequest
from django.http import Http404, JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

NUL = "\x00"
# Under the open-data API an error is the spec's JSON ErrorResponse (titel, status, detail), also this one.
API_PREFIX = "/api/"
API_FOUTEN = {
    404: ("Niet gevonden", "De gevraagde resource bestaat niet of is niet openbaar."),
    400: ("Ongeldige aanvraag", "Ongeldig teken in een parameter van de aanvraag."),
}


def _api_fout(status: int) -> JsonResponse:
    titel, detail = API_FOUTEN[status]
    return JsonResponse({"titel": titel, "status": status, "detail": detail}, status=status)


class NulTekenMiddleware:
    """A NUL byte in the path answers 404, in a query parameter (name or value) 400; never a server error.

    PostgreSQL refuses NUL in text, and a lookup with one would raise deep inside a view; no valid address or
    search term holds one, so the request stops here, before any view, cache or database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api = request.path_info.startswith(API_PREFIX)
        if NUL in request.path_info or NUL in request.path:
            if api:
                return _api_fout(404)
            raise Http404("Deze pagina bestaat niet.")
        for naam, waarden in request.GET.lists():
            if NUL in naam or any(NUL in w for w in waarden):
                if api:
                    return _api_fout(400)
                raise BadRequest("Ongeldig teken in de zoekvraag of filter.")
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
