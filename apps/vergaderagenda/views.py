"""The meeting calendar, the agenda per date and the iCal feeds. Thin: read the request, call selectors, render."""

import datetime
import re

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.paginacache.fragmenten import fragment_sleutel

from .ical import ical_feed, vergaderingen_als_ical
from .selectors import (
    agenda_op_datum,
    gremium_op_slug,
    ical_vergaderingen,
    kalender_lijst,
    kalender_maand,
    naburige_vergaderdata,
    vergaderde_gremia,
    vergaderingen_filter,
)

_MAAND = re.compile(r"^(\d{4})-(\d{2})$")
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_JAAR = re.compile(r"^\d{4}$")
_EERSTE_JAAR, _LAATSTE_JAAR = 1900, 2999


def _maand_uit(waarde: str | None) -> datetime.date | None:
    """'2021-09' -> date(2021, 9, 1); None for anything else."""
    match = _MAAND.match(waarde or "")
    if not match:
        return None
    jaar, maand = int(match[1]), int(match[2])
    if not (_EERSTE_JAAR <= jaar <= _LAATSTE_JAAR and 1 <= maand <= 12):
        return None
    return datetime.date(jaar, maand, 1)


def _datum_uit(waarde: str) -> datetime.date | None:
    """'2021-09-30' -> date(2021, 9, 30); None for a malformed or impossible date."""
    if not _DATUM.match(waarde):
        return None
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError:
        return None


def _maand_verschuiven(eerste: datetime.date, stappen: int) -> datetime.date:
    index = eerste.year * 12 + eerste.month - 1 + stappen
    return datetime.date(index // 12, index % 12 + 1, 1)


def kalender(request):
    vandaag = timezone.localdate()
    meldingen = []

    maand = vandaag.replace(day=1)
    if "maand" in request.GET:
        gekozen = _maand_uit(request.GET["maand"])
        if gekozen is None:
            meldingen.append(
                "Deze maand kunnen we niet tonen. Gebruik de vorm jjjj-mm, bijvoorbeeld "
                f"{vandaag:%Y-%m}. U ziet nu de huidige maand."
            )
        else:
            maand = gekozen

    jaar = None
    if request.GET.get("jaar"):
        if _JAAR.match(request.GET["jaar"]):
            jaar = int(request.GET["jaar"])
        else:
            meldingen.append("Dit jaartal kunnen we niet tonen. U ziet nu het meest recente jaar.")

    filterset = vergaderingen_filter(user=request.user, filters=request.GET)
    vergaderingen = filterset.qs
    lijst = kalender_lijst(vergaderingen=vergaderingen, jaar=jaar, vandaag=vandaag)
    if jaar is not None and lijst["jaar"] != jaar and lijst["jaren"]:
        meldingen.append(f"Er zijn geen eerdere vergaderingen in {jaar}. U ziet nu {lijst['jaar']}.")

    filters_qs = filterset.querystring
    vorige = _maand_verschuiven(maand, -1)
    volgende = _maand_verschuiven(maand, 1)
    return render(
        request,
        "vergaderagenda/kalender.html",
        {
            "kruimelpad": [("Vergaderingen", None)],
            "filter": filterset,
            "filters_qs": filters_qs,
            "meldingen": meldingen,
            "maand": maand,
            "vorige_maand": vorige if vorige.year >= _EERSTE_JAAR else None,
            "volgende_maand": volgende if volgende.year <= _LAATSTE_JAAR else None,
            "deze_maand": vandaag.replace(day=1),
            "weken": kalender_maand(vergaderingen=vergaderingen, jaar=maand.year, maand=maand.month, vandaag=vandaag),
            "vandaag": vandaag,
            "gremia": vergaderde_gremia(user=request.user),
            # the lists of upcoming and earlier meetings are kept rendered per cache version, role and date
            # (they do not depend on the month shown: a crawler walking the months reuses them)
            "fragment": fragment_sleutel(request),
            **lijst,
        },
    )


def agenda(request, datum: str):
    dag = _datum_uit(datum)
    if dag is None:
        return render(
            request,
            "vergaderagenda/geen_vergadering.html",
            {"ongeldig": datum[:20], "eerder": [], "later": []},
            status=404,
        )
    vergaderingen = agenda_op_datum(user=request.user, datum=dag)
    if not vergaderingen:
        eerder, later = naburige_vergaderdata(user=request.user, datum=dag, aantal=3)
        return render(
            request, "vergaderagenda/geen_vergadering.html", {"dag": dag, "eerder": eerder, "later": later}, status=404
        )
    eerder, later = naburige_vergaderdata(user=request.user, datum=dag)
    if len(vergaderingen) == 1:
        titel = f"{vergaderingen[0].titel} {date_format(dag, 'j F Y')}"
    else:
        titel = f"Vergaderingen {date_format(dag, 'j F Y')}"
    return render(
        request,
        "vergaderagenda/agenda.html",
        {
            "kruimelpad": [("Vergaderingen", reverse("vergaderagenda:kalender")), (titel, None)],
            "dag": dag,
            "titel": titel,
            "vergaderingen": vergaderingen,
            "vorige_datum": eerder[0] if eerder else None,
            "volgende_datum": later[0] if later else None,
        },
    )


def _ical_response(inhoud: bytes, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{bestandsnaam}"'
    return response


def _basis_url(request) -> str:
    return request.build_absolute_uri("/")


def ical_alle(request):
    return _ical_response(ical_feed(user=request.user, basis_url=_basis_url(request)), "vergaderingen.ics")


def ical_gremium(request, gremium: str):
    gevonden = gremium_op_slug(slug=gremium)
    if gevonden is None:
        raise Http404("Dit gremium bestaat niet.")
    inhoud = ical_feed(user=request.user, gremium=gevonden, basis_url=_basis_url(request))
    return _ical_response(inhoud, f"vergaderingen-{gevonden.slug}.ics")


def ical_vergadering(request, uuid):
    vergaderingen = ical_vergaderingen(user=request.user, vergadering_uuid=uuid)
    if not vergaderingen:
        raise Http404("Deze vergadering bestaat niet.")
    naam = f"{vergaderingen[0].titel} {date_format(vergaderingen[0].datum, 'j F Y')}"
    inhoud = vergaderingen_als_ical(vergaderingen, basis_url=_basis_url(request), naam=naam)
    return _ical_response(inhoud, f"vergadering-{uuid}.ics")
