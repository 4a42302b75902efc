"""Deliveries to Open Overheid: plan them from the open-data traces, send them, retry with backoff.

Publication never waits for or fails on a delivery: the traces are kept after the publishing transaction commits
(apps.openori.sporen), the deliveries are queued then, one short attempt follows straight away
(OPEN_OVERHEID_DIRECT_TIMEOUT), and the command `aanleveringen_verwerken` sends what is left and retries.

- new public record -> POST; changed -> PUT with X-Reason; no longer public (withdrawn, besloten, deleted) -> DELETE
  with X-Reason; a published rectificatie -> PUT of the original besluit's id with the new content and its reason.
- per record the deliveries go out in the order they were planned; a failing one holds back the later ones.
- 2xx delivered; 400 and 409 failed at once (the message is kept for the griffie); 401 once more with a fresh token,
  then retried later; network errors, 408, 429 and 5xx are retried after 1, 2, 4, ... times
  OPEN_OVERHEID_BACKOFF_SECONDEN, at most OPEN_OVERHEID_MAX_POGINGEN times.
"""

import datetime
import logging

import requests
from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from apps.besluiten.models import Besluit
from apps.openori.sporen import GEWIJZIGD, NIEUW, VERVANGEN, VERWIJDERD, Wijziging

from . import client
from .inhoud import inhoud
from .models import Aanlevering

logger = logging.getLogger(__name__)

REDEN_GEWIJZIGD = "Gewijzigd in het raadsportaal."
REDEN_INGETROKKEN = "Niet meer openbaar: ingetrokken, verwijderd, besloten of vertrouwelijk gemaakt."
MAX_WACHTTIJD = datetime.timedelta(hours=24)
NIET_GEAUTORISEERD = (
    "Niet geautoriseerd, ook niet met een nieuw token: controleer OPEN_OVERHEID_CLIENT_ID en "
    "OPEN_OVERHEID_CLIENT_SECRET."
)


def aanlevering_ingesteld() -> bool:
    return bool(settings.OPEN_OVERHEID_URL)


def _wortel(uuid) -> tuple[str, str]:
    """(uuid the delivery API knows, reason) for a besluit that is a rectificatie: the first version's uuid."""
    besluit = Besluit.objects.filter(uuid=uuid).select_related("vervangt").first()
    if besluit is None or besluit.vervangt_id is None:
        return str(uuid), ""
    reden = besluit.rectificatie_reden or "Rectificatie."
    while besluit.vervangt_id is not None:
        besluit = Besluit.objects.only("uuid", "vervangt_id").get(pk=besluit.vervangt_id)
    return str(besluit.uuid), f"Rectificatie: {reden}"


def aanleveringen_plannen(*, wijzigingen: list[Wijziging]) -> list[Aanlevering]:
    nieuw = []
    for w in wijzigingen:
        if w.gebeurtenis == VERVANGEN:
            continue  # the rectificatie's own "nieuw" brings the PUT of this id
        extern_id, reden, methode = str(w.uuid), "", "POST"
        if w.gebeurtenis == NIEUW and w.soort == "informatieobject":
            extern_id, reden = _wortel(w.uuid)
            methode = "PUT" if reden else "POST"
        elif w.gebeurtenis == GEWIJZIGD:
            methode, reden = "PUT", REDEN_GEWIJZIGD
        elif w.gebeurtenis == VERWIJDERD:
            methode, reden = "DELETE", REDEN_INGETROKKEN
        nieuw.append(Aanlevering(soort=w.soort, uuid=str(w.uuid), extern_id=extern_id, methode=methode, reden=reden))
    return Aanlevering.objects.bulk_create(nieuw)


def na_spoorwijziging(sender, changes, **kwargs):
    """Receiver of apps.openori.sporen.spoor_gewijzigd (after commit): queue, then one short attempt."""
    if not aanlevering_ingesteld():
        return
    try:
        geplande = aanleveringen_plannen(wijzigingen=changes)
        if settings.OPEN_OVERHEID_DIRECT and geplande:
            aanleveringen_verwerken(timeout=settings.OPEN_OVERHEID_DIRECT_TIMEOUT, ids=[a.pk for a in geplande if a.pk])
    except Exception:
        logger.exception("Aanleveren aan Open Overheid mislukt; aanleveringen_verwerken probeert het later opnieuw")


def _wachttijd(pogingen: int) -> datetime.timedelta:
    seconden = settings.OPEN_OVERHEID_BACKOFF_SECONDEN * 2 ** max(pogingen - 1, 0)
    return min(datetime.timedelta(seconds=seconden), MAX_WACHTTIJD)


def _afronden(a: Aanlevering, *, status: str, statuscode=None, melding: str = "", **velden) -> None:
    a.status, a.statuscode, a.melding = status, statuscode, melding[:2000]
    if status != Aanlevering.Status.WACHTEND:
        a.afgehandeld_op = timezone.now()
        a.volgende_poging = None
    for naam, waarde in velden.items():
        setattr(a, naam, waarde)
    a.save()


def _opnieuw_of_mislukt(a: Aanlevering, *, statuscode=None, melding: str) -> None:
    if a.pogingen >= settings.OPEN_OVERHEID_MAX_POGINGEN:
        _afronden(
            a,
            status=Aanlevering.Status.MISLUKT,
            statuscode=statuscode,
            melding=f"{melding} (opgegeven na {a.pogingen} pogingen)",
        )
    else:
        volgende = timezone.now() + _wachttijd(a.pogingen)
        _afronden(
            a, status=Aanlevering.Status.WACHTEND, statuscode=statuscode, melding=melding, volgende_poging=volgende
        )


def _detail(body) -> str:
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("titel") or "")[:1000]
    return ""


def _eerdere_post(a: Aanlevering) -> Aanlevering | None:
    return (
        Aanlevering.objects.filter(extern_id=a.extern_id, methode="POST", status=Aanlevering.Status.AFGELEVERD)
        .order_by("-id")
        .first()
    )


def aanlevering_versturen(*, aanlevering: Aanlevering, timeout: float) -> Aanlevering:
    a = aanlevering
    extern_id, pid = a.extern_id, ""
    if a.methode != "POST" and (post := _eerdere_post(a)) is not None:
        extern_id, pid = post.ontvangen_id or a.extern_id, post.pid
    body = None
    if a.methode != "DELETE":
        body = inhoud(soort=a.soort, uuid=a.uuid, methode=a.methode, pid=pid)
        if body is None:
            _afronden(a, status=Aanlevering.Status.VERVALLEN, melding="Niet meer openbaar; de intrekking volgt.")
            return a
        a.titel = str(body.get("titel") or body.get("naam") or body.get("agendapuntnaam") or "")[:500]
    try:
        antwoord = client.versturen(
            methode=a.methode, soort=a.soort, extern_id=extern_id, reden=a.reden, inhoud=body, timeout=timeout
        )
    except client.TokenFout as exc:
        _opnieuw_of_mislukt(a, melding=str(exc))
        return a
    except requests.RequestException as exc:
        _opnieuw_of_mislukt(a, melding=f"Open Overheid niet bereikbaar ({exc.__class__.__name__}).")
        return a
    code, detail = antwoord.status, _detail(antwoord.body)
    if 200 <= code < 300:
        melding, velden = "Afgeleverd.", {}
        if a.methode == "POST" and isinstance(antwoord.body, dict):
            velden["ontvangen_id"] = str(antwoord.body.get("id") or "")[:100]
            velden["pid"] = str(antwoord.body.get("pid") or "")[:500]
        _afronden(a, status=Aanlevering.Status.AFGELEVERD, statuscode=code, melding=melding, **velden)
    elif code == 404 and a.methode == "DELETE":
        _afronden(
            a, status=Aanlevering.Status.AFGELEVERD, statuscode=code, melding="Was bij Open Overheid al verwijderd."
        )
    elif code in (400, 404, 409) or (400 <= code < 500 and code not in (401, 408, 429)):
        uitleg = {409: "Open Overheid weigert deze wijziging (velden die niet mogen worden aangepast)"}.get(
            code, "Open Overheid weigert deze aanlevering"
        )
        _afronden(a, status=Aanlevering.Status.MISLUKT, statuscode=code, melding=f"{uitleg}: {detail}".rstrip(": "))
    elif code == 401:
        _opnieuw_of_mislukt(a, statuscode=code, melding=NIET_GEAUTORISEERD)
    else:
        _opnieuw_of_mislukt(
            a, statuscode=code, melding=f"Tijdelijke fout bij Open Overheid (HTTP {code}). {detail}".strip()
        )
    return a


def aanleveringen_verwerken(*, timeout: float | None = None, ids=None, limiet: int | None = None) -> dict:
    """Send every delivery that is due, oldest first, one record at a time in order. Returns counts per status."""
    timeout = timeout or settings.OPEN_OVERHEID_TIMEOUT
    nu = timezone.now()
    qs = Aanlevering.objects.filter(status=Aanlevering.Status.WACHTEND).filter(
        Q(volgende_poging__isnull=True) | Q(volgende_poging__lte=nu)
    )
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    tellers = {s: 0 for s in Aanlevering.Status.values}
    opgehouden = set()
    for a in qs.order_by("id")[:limiet]:
        if a.uuid in opgehouden or a.extern_id in opgehouden:
            continue
        eerder = Aanlevering.objects.filter(status=Aanlevering.Status.WACHTEND, id__lt=a.pk)
        if eerder.filter(Q(uuid=a.uuid) | Q(extern_id=a.extern_id)).exists():
            opgehouden |= {a.uuid, a.extern_id}
            continue
        # Claim it: a second worker that read the same row gets 0 here and skips it.
        with transaction.atomic():
            if not Aanlevering.objects.filter(pk=a.pk, pogingen=a.pogingen, status=a.status).update(
                pogingen=F("pogingen") + 1
            ):
                continue
        a.pogingen += 1
        aanlevering_versturen(aanlevering=a, timeout=timeout)
        tellers[a.status] += 1
        if a.status == Aanlevering.Status.WACHTEND:
            opgehouden |= {a.uuid, a.extern_id}
    return tellers


def aanlevering_opnieuw(*, aanlevering: Aanlevering) -> Aanlevering:
    """The griffie asks for another try of a failed delivery."""
    Aanlevering.objects.filter(pk=aanlevering.pk).update(
        status=Aanlevering.Status.WACHTEND, pogingen=0, volgende_poging=None, afgehandeld_op=None
    )
    aanlevering.refresh_from_db()
    return aanlevering
