"""ORI API 2.0.0-beta.4, read-only and public only, beside mini-ORI (apps/openori), under /api/ori/v2/.

Same ground rules as mini-ORI: every request is anonymous, GET only, unknown query parameters answer 400, every
error is JSON (here the VNG "problem" shape the standard's common responses use: type, title, status, detail).
Each response carries the `api-version` header the spec names.
"""

from django.urls import reverse
from rest_framework import exceptions
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.openori.views import OriPaginering, foutmelding

from .vorm import Context

API_VERSIE = "2.0.0-beta.4"


def probleem(exc, context):
    antwoord = foutmelding(exc, context)
    if antwoord is not None and isinstance(antwoord.data, dict) and "titel" in antwoord.data:
        data = antwoord.data
        antwoord.data = {
            "type": f"https://www.rfc-editor.org/rfc/rfc9110#status.{data['status']}",
            "title": data["titel"],
            "status": data["status"],
            "detail": data["detail"],
            "instance": context["request"].path if context.get("request") else "",
        }
        antwoord.content_type = "application/problem+json"
    return antwoord


class V2Mixin:
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    bron = None

    def get_exception_handler(self):
        return probleem

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["api-version"] = API_VERSIE
        return response

    def initial(self, request, *args, **kwargs):
        formaat = request.query_params.get("format")
        if formaat is not None and formaat != "json":
            raise exceptions.NotFound(f"Het formaat '{formaat[:50]}' bestaat niet; deze API levert alleen JSON.")
        super().initial(request, *args, **kwargs)


class Lijst(V2Mixin, APIView):
    def get(self, request):
        toegestaan = set(self.bron.parameters) | {"page", "page_size", "format"}
        onbekend = sorted(set(request.query_params) - toegestaan)
        if onbekend:
            raise exceptions.ValidationError(f"Onbekende parameter: {', '.join(n[:50] for n in onbekend[:5])}.")
        params = {n: w for n, w in request.query_params.items() if n in self.bron.parameters}
        gegevens = self.bron.gefilterd(params)
        paginering = OriPaginering()
        pagina = paginering.paginate_queryset(gegevens, request, view=self)
        ctx = Context(request)
        return paginering.get_paginated_response([self.bron.vorm(obj, ctx) for obj in pagina])


class Detail(V2Mixin, APIView):
    def get(self, request, id):
        if set(request.query_params) - {"format"}:
            raise exceptions.ValidationError("Deze resource kent geen parameters.")
        obj = self.bron.op_id(id)
        if obj is None:
            raise exceptions.NotFound("De gevraagde resource bestaat niet of is niet openbaar.")
        return Response(self.bron.vorm(obj, Context(request)))


class Index(V2Mixin, APIView):
    def get(self, request):
        from .urls import BRONNEN

        return Response({b.pad: request.build_absolute_uri(reverse(f"oriapi:{b.naam}-lijst")) for b in BRONNEN})


class NietGevonden(V2Mixin, APIView):
    def initial(self, request, *args, **kwargs):
        raise exceptions.NotFound("Deze URL bestaat niet in de open-data-API.")
