"""The public, read-only part of the mini-ORI API. GET only: this portal is the source, not a receiver.

No authentication classes: every request is handled as anonymous, so the answer never depends on a session
(the selectors use the anonymous view of visibility as well). Errors come in the spec's ErrorResponse shape
{"titel", "status", "detail"} with a Dutch message.
"""

import datetime
import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from rest_framework import exceptions, generics, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from . import selectors
from .serializers import AgendapuntSerializer, GrafsteenSerializer, InformatieObjectSerializer, VergaderingSerializer

logger = logging.getLogger(__name__)

TITELS = {
    status.HTTP_400_BAD_REQUEST: "Ongeldige aanvraag",
    status.HTTP_404_NOT_FOUND: "Niet gevonden",
    status.HTTP_410_GONE: "Niet meer beschikbaar",
    status.HTTP_500_INTERNAL_SERVER_ERROR: "Serverfout",
    status.HTTP_405_METHOD_NOT_ALLOWED: "Methode niet toegestaan",
    status.HTTP_406_NOT_ACCEPTABLE: "Formaat niet beschikbaar",
}
ALLEEN_LEZEN = (
    "Deze API is alleen-lezen: het raadsportaal is de bron van deze gegevens. Gebruik GET om gegevens op te vragen."
)


class Verdwenen(exceptions.APIException):
    """410: the record was public and is no longer (hidden, withdrawn or replaced by a rectificatie)."""

    status_code = status.HTTP_410_GONE
    default_detail = "Deze resource is niet meer openbaar."

    def __init__(self, detail=None, *, extra=None, link=None):
        super().__init__(detail)
        self.extra = extra or {}
        self.link = link


def foutmelding(exc, context):
    """DRF exception handler: the spec's ErrorResponse, in Dutch, for every error under the API (also the
    unexpected ones, which are logged with their traceback)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("De gevraagde resource bestaat niet of is niet openbaar.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.MethodNotAllowed):
        detail = ALLEEN_LEZEN
    elif isinstance(exc, exceptions.NotAcceptable):
        detail = "Deze API levert alleen JSON (application/json)."
    elif isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, list):
        detail = " ".join(str(d) for d in exc.detail)
    elif isinstance(exc, exceptions.APIException):
        detail = str(exc.detail) if isinstance(exc.detail, str) else "De aanvraag kon niet worden verwerkt."
    else:
        logger.error("Fout in de open-data-API", exc_info=exc)
        return Response(
            {"titel": TITELS[500], "status": 500, "detail": "Er ging iets mis bij het maken van dit antwoord."},
            status=500,
        )
    headers = {"Allow": "GET, HEAD, OPTIONS"} if isinstance(exc, exceptions.MethodNotAllowed) else {}
    if isinstance(exc, Verdwenen) and exc.link:
        headers["Link"] = f'<{exc.link}>; rel="successor-version"'
    body = {"titel": TITELS.get(exc.status_code, "Fout"), "status": exc.status_code, "detail": detail}
    if isinstance(exc, Verdwenen):
        body.update(exc.extra)
    return Response(body, status=exc.status_code, headers=headers)


def gewijzigd_sinds_lezen(waarde: str) -> datetime.datetime:
    """An ISO 8601 moment (with or without time zone; without means Europe/Amsterdam) or a date (its start)."""
    moment = None
    try:
        moment = parse_datetime(waarde.replace(" ", "+"))
        if moment is None and (dag := parse_date(waarde)) is not None:
            moment = datetime.datetime.combine(dag, datetime.time())
    except ValueError:
        moment = None
    if moment is None:
        raise exceptions.ValidationError(
            "gewijzigd_sinds moet een datum (2021-09-30) of moment (2021-09-30T20:00:00+02:00) zijn."
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


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
    # Query parameters a view understands; any other answers 400 (never silently everything).
    parameters = {"format"}

    def get_exception_handler(self):
        return foutmelding

    def initial(self, request, *args, **kwargs):
        formaat = request.query_params.get("format")
        if formaat is not None and formaat != "json":
            raise exceptions.NotFound(f"Het formaat '{formaat[:50]}' bestaat niet; deze API levert alleen JSON.")
        onbekend = sorted(set(request.query_params) - self.parameters)
        if onbekend:
            namen = ", ".join(n[:50] for n in onbekend[:5])
            raise exceptions.ValidationError(
                f"Onbekende parameter: {namen}. Toegestaan: {', '.join(sorted(self.parameters))}."
            )
        super().initial(request, *args, **kwargs)


class OriLijstMixin(OriMixin):
    """A list: pages, and the harvesting filter gewijzigd_sinds (an extra beyond the spec)."""

    parameters = {"format", "page", "page_size", "gewijzigd_sinds"}

    def gewijzigd_sinds(self):
        waarde = self.request.query_params.get("gewijzigd_sinds")
        return gewijzigd_sinds_lezen(waarde) if waarde is not None else None


class OriDetailMixin(OriMixin):
    niet_gevonden = "De gevraagde resource bestaat niet of is niet openbaar."
    zoek = None
    url_naam = None

    def get(self, request, *args, **kwargs):
        # One record, one URL: another spelling of the uuid (capitals, no hyphens, urn:uuid:, braces) or a
        # trailing slash redirects to the canonical address (after the lookup: an unknown id stays a 404).
        self.record = self.get_object()
        canoniek = reverse(
            f"openori:{self.url_naam}",
            kwargs={"id": str(self.record[1].uuid if isinstance(self.record, tuple) else self.record.uuid)},
        )
        if request.path != canoniek:
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(canoniek + (f"?{query}" if query else ""))
        return Response(self.get_serializer(self.record).data)

    def uuid_van(self, record):
        return record.uuid

    def get_object(self):
        record = type(self).zoek(self.kwargs["id"])
        if record is None:
            from .sporen import grafsteen

            steen = grafsteen(self.kwargs["id"])
            if steen is not None:
                raise Verdwenen(**steen_als_fout(steen, self.request))
            raise exceptions.NotFound(self.niet_gevonden)
        return record


def steen_als_fout(steen, request) -> dict:
    extra = GrafsteenSerializer(steen, context={"request": request}).data
    if "opvolger" in extra:
        detail = "Deze resource is vervangen door een rectificatie; zie opvolger."
        return {"detail": detail, "extra": extra, "link": extra["opvolger"]["url"]}
    return {"detail": "Deze resource is niet meer openbaar.", "extra": extra}


class NietGevonden(OriMixin, APIView):
    """Every other path under the API: the spec's JSON ErrorResponse, whatever the method."""

    def initial(self, request, *args, **kwargs):
        raise exceptions.NotFound("Deze URL bestaat niet in de open-data-API.")


class Index(OriMixin, APIView):
    def get(self, request):
        return Response(
            {
                naam: request.build_absolute_uri(reverse(f"openori:{url}"))
                for naam, url in [
                    ("vergaderingen", "vergadering-lijst"),
                    ("agendapunten", "agendapunt-lijst"),
                    ("informatieobjecten", "informatieobject-lijst"),
                    ("verwijderd", "grafsteen-lijst"),
                ]
            }
        )


class VergaderingLijst(OriLijstMixin, generics.ListAPIView):
    serializer_class = VergaderingSerializer

    def get_queryset(self):
        return selectors.vergaderingen_lijst(gewijzigd_sinds=self.gewijzigd_sinds())


class VergaderingDetail(OriDetailMixin, generics.RetrieveAPIView):
    serializer_class = VergaderingSerializer
    zoek = staticmethod(selectors.vergadering_op_uuid)
    url_naam = "vergadering"
    niet_gevonden = "Deze vergadering bestaat niet of is niet openbaar."


class AgendapuntLijst(OriLijstMixin, generics.ListAPIView):
    serializer_class = AgendapuntSerializer

    def get_queryset(self):
        return selectors.agendapunten_lijst(gewijzigd_sinds=self.gewijzigd_sinds())


class AgendapuntDetail(OriDetailMixin, generics.RetrieveAPIView):
    serializer_class = AgendapuntSerializer
    zoek = staticmethod(selectors.agendapunt_op_uuid)
    url_naam = "agendapunt"
    niet_gevonden = "Dit agendapunt bestaat niet of is niet openbaar."


class InformatieObjectLijst(OriLijstMixin, generics.ListAPIView):
    serializer_class = InformatieObjectSerializer

    def get_queryset(self):
        return selectors.Informatieobjecten(gewijzigd_sinds=self.gewijzigd_sinds())


class InformatieObjectDetail(OriDetailMixin, generics.RetrieveAPIView):
    serializer_class = InformatieObjectSerializer
    zoek = staticmethod(selectors.informatieobject_op_uuid)
    url_naam = "informatieobject"

    def uuid_van(self, record):
        return record[1].uuid  # (soort, record)

    niet_gevonden = "Dit informatieobject bestaat niet of is niet openbaar."


class GrafsteenLijst(OriLijstMixin, generics.ListAPIView):
    """Records that were public and are no longer (an extra beyond the spec for incremental harvesting)."""

    serializer_class = GrafsteenSerializer

    def get_queryset(self):
        from .sporen import grafstenen

        return grafstenen(gewijzigd_sinds=self.gewijzigd_sinds())
