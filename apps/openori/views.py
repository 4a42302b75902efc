"""The public, read-only part of the mini-ORI API. GET only: this portal is the source, not a receiver.

No authentication classes: every request is handled as anonymous, so the answer never depends on a session
(the selectors use the anonymous view of visibility as well). Errors come in the spec's ErrorResponse shape
{"titel", "status", "detail"} with a Dutch message.
"""

from django.urls import reverse
from rest_framework import exceptions, generics, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from .serializers import AgendapuntSerializer, InformatieObjectSerializer, VergaderingSerializer

TITELS = {
    status.HTTP_404_NOT_FOUND: "Niet gevonden",
    status.HTTP_405_METHOD_NOT_ALLOWED: "Methode niet toegestaan",
    status.HTTP_406_NOT_ACCEPTABLE: "Formaat niet beschikbaar",
}
ALLEEN_LEZEN = (
    "Deze API is alleen-lezen: het raadsportaal is de bron van deze gegevens. Gebruik GET om gegevens op te vragen."
)


def foutmelding(exc, context):
    """DRF exception handler: the spec's ErrorResponse, in Dutch."""
    if isinstance(exc, exceptions.MethodNotAllowed):
        detail = ALLEEN_LEZEN
    elif isinstance(exc, exceptions.NotAcceptable):
        detail = "Deze API levert alleen JSON (application/json)."
    elif isinstance(exc, exceptions.APIException):
        detail = str(exc.detail) if isinstance(exc.detail, str) else "De aanvraag kon niet worden verwerkt."
    else:
        return None  # a real error: let Django report it
    headers = {"Allow": "GET, HEAD, OPTIONS"} if isinstance(exc, exceptions.MethodNotAllowed) else {}
    return Response(
        {"titel": TITELS.get(exc.status_code, "Fout"), "status": exc.status_code, "detail": detail},
        status=exc.status_code,
        headers=headers,
    )


class OriPaginering(PageNumberPagination):
    """count / next / previous / results, 50 per page (page_size up to 100)."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 100
    invalid_page_message = "Deze pagina bestaat niet."


class OriMixin:
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = OriPaginering

    def get_exception_handler(self):
        return foutmelding


class OriDetailMixin(OriMixin):
    niet_gevonden = "De gevraagde resource bestaat niet of is niet openbaar."
    zoek = None

    def get_object(self):
        record = type(self).zoek(self.kwargs["id"])
        if record is None:
            raise exceptions.NotFound(self.niet_gevonden)
        return record


class Index(OriMixin, APIView):
    def get(self, request):
        return Response(
            {
                naam: request.build_absolute_uri(reverse(f"openori:{url}"))
                for naam, url in [
                    ("vergaderingen", "vergadering-lijst"),
                    ("agendapunten", "agendapunt-lijst"),
                    ("informatieobjecten", "informatieobject-lijst"),
                ]
            }
        )


class VergaderingLijst(OriMixin, generics.ListAPIView):
    serializer_class = VergaderingSerializer

    def get_queryset(self):
        return selectors.vergaderingen_lijst()


class VergaderingDetail(OriDetailMixin, generics.RetrieveAPIView):
    serializer_class = VergaderingSerializer
    zoek = staticmethod(selectors.vergadering_op_uuid)
    niet_gevonden = "Deze vergadering bestaat niet of is niet openbaar."


class AgendapuntLijst(OriMixin, generics.ListAPIView):
    serializer_class = AgendapuntSerializer

    def get_queryset(self):
        return selectors.agendapunten_lijst()


class AgendapuntDetail(OriDetailMixin, generics.RetrieveAPIView):
    serializer_class = AgendapuntSerializer
    zoek = staticmethod(selectors.agendapunt_op_uuid)
    niet_gevonden = "Dit agendapunt bestaat niet of is niet openbaar."


class InformatieObjectLijst(OriMixin, generics.ListAPIView):
    serializer_class = InformatieObjectSerializer

    def get_queryset(self):
        return selectors.Informatieobjecten()


class InformatieObjectDetail(OriDetailMixin, generics.RetrieveAPIView):
    serializer_class = InformatieObjectSerializer
    zoek = staticmethod(selectors.informatieobject_op_uuid)
    niet_gevonden = "Dit informatieobject bestaat niet of is niet openbaar."
