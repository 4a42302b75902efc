"""The besluitvormingsproces of a zaak or an onderwerp as a timeline: every dated step, in order.

Steps: memo's (and the dated stops of a memo's route through bodies), the college decision on the raadsvoorstel,
each meeting where the zaak or onderwerp was on the agenda (with its soort and the items), the besluit of the
raad and its publication (and any rectificatie), and the raadsvergadering a proposal is planned for.

Visibility applies to every step: each source is read through its own `.zichtbaar_voor(user)`. A step in the
future, or in a meeting that has not been held yet (status concept or gepubliceerd), is "gepland".
A fixed number of queries, whatever the number of steps.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.besluiten.models import Besluit
from apps.core.models import Onderwerp, Zaak
from apps.memos.models import Memo, MemoBehandeling
from apps.moties.models import Amendement, Motie
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, Vergadering

# Order of steps on the same date.
_VOLGORDE = {
    "memo": 0,
    "behandeling": 1,
    "collegebesluit": 2,
    "vergadering": 3,
    "raadsvergadering": 3,
    "amendement": 3.5,
    "motie": 3.6,
    "besluit": 4,
    "publicatie": 5,
}

_NIET_GEHOUDEN = {Vergadering.Status.CONCEPT, Vergadering.Status.GEPUBLICEERD}


@dataclass
class TijdlijnStap:
    datum: datetime.date
    soort: str
    label: str
    titel: str
    omschrijving: str = ""
    url: str | None = None
    gepland: bool = False
    geannuleerd: bool = False
    huidig: bool = False
    zaaknummer: str = ""
    agendapunten: list = field(default_factory=list)

    @property
    def sorteersleutel(self):
        return (self.datum, _VOLGORDE.get(self.soort, 9), self.titel)


@dataclass
class Tijdlijn:
    stappen: list[TijdlijnStap]
    raadsvoorstellen: list
    besluiten: list
    zichtbare_zaak_ids: set

    @property
    def huidige_besluiten(self):
        """Per zaak the highest visible version of its besluit."""
        per_zaak = {}
        for besluit in self.besluiten:
            per_zaak[besluit.zaak_id] = besluit
        return list(per_zaak.values())


def _url(naam: str, **kwargs) -> str | None:
    """reverse(), or None while the page does not exist (e.g. besluiten:detail before it is built)."""
    try:
        return reverse(naam, kwargs=kwargs)
    except NoReverseMatch:
        return None


def _agenda_url(datum: datetime.date) -> str:
    return reverse("vergaderagenda:agenda", kwargs={"datum": datum.isoformat()})


def _stappen(
    *, user, zaak_ids: list[int], onderwerp_ids: list[int], vandaag: datetime.date, toon_zaaknummer: bool
) -> Tijdlijn:
    stappen: list[TijdlijnStap] = []
    zichtbare_zaak_ids: set[int] = set()

    # Memo's of the zaken or with the onderwerpen, with their route.
    memo_filter = Q(zaak_id__in=zaak_ids)
    if onderwerp_ids:
        memo_filter |= Q(
            pk__in=Memo.onderwerpen.through.objects.filter(onderwerp_id__in=onderwerp_ids).values("memo_id")
        )
    memos = list(
        Memo.objects.zichtbaar_voor(user)
        .filter(memo_filter)
        .select_related("zaak")
        .prefetch_related(
            Prefetch(
                "route",
                queryset=MemoBehandeling.objects.select_related("gremium")
                .filter(datum__isnull=False)
                .order_by("volgorde"),
            )
        )
    )
    for memo in memos:
        if memo.zaak_id:
            zichtbare_zaak_ids.add(memo.zaak_id)
        stappen.append(
            TijdlijnStap(
                datum=memo.datum,
                soort="memo",
                label=memo.get_soort_display().capitalize(),
                titel=memo.betreft,
                omschrijving=f"Van {memo.van} aan {memo.aan}.",
                gepland=memo.datum > vandaag,
                zaaknummer=memo.zaak.zaaknummer if memo.zaak_id else "",
            )
        )
        for stop in memo.route.all():
            stappen.append(
                TijdlijnStap(
                    datum=stop.datum,
                    soort="behandeling",
                    label="Behandeling",
                    titel=stop.gremium.naam,
                    omschrijving=" ".join(filter(None, [stop.omschrijving, f"Bespreking van ‘{memo.betreft}’."])),
                    gepland=stop.datum > vandaag,
                    zaaknummer=memo.zaak.zaaknummer if memo.zaak_id else "",
                )
            )

    # The raadsvoorstellen: the college decision, and the raadsvergadering they are meant for.
    raadsvoorstellen = list(
        Raadsvoorstel.objects.zichtbaar_voor(user)
        .filter(zaak_id__in=zaak_ids)
        .select_related("zaak", "portefeuillehouder")
        .order_by("college_besluitdatum", "id")
    )
    for voorstel in raadsvoorstellen:
        zichtbare_zaak_ids.add(voorstel.zaak_id)
        if voorstel.college_besluitdatum:
            stappen.append(
                TijdlijnStap(
                    datum=voorstel.college_besluitdatum,
                    soort="collegebesluit",
                    label="Collegebesluit",
                    titel=f"Het college legt het raadsvoorstel {voorstel.zaak.zaaknummer} aan de raad voor",
                    omschrijving=voorstel.titel
                    + (
                        f" Portefeuillehouder: {voorstel.portefeuillehouder.naam}."
                        if voorstel.portefeuillehouder_id
                        else ""
                    ),
                    url=_url("portaal:zaak", zaaknummer=voorstel.zaak.zaaknummer) if toon_zaaknummer else None,
                    gepland=voorstel.college_besluitdatum > vandaag,
                    zaaknummer=voorstel.zaak.zaaknummer,
                )
            )

    # Each meeting where the zaak / onderwerp was on the agenda (directly, through the raadsvoorstel, through
    # a memo of the zaak, or by its onderwerp), with the items concerned.
    zaak_memo_ids = [m.pk for m in memos if m.zaak_id in zaak_ids]
    # The voorstel ids as literals (one small indexed query): an OR over a join with the voorstellen table
    # made PostgreSQL scan both tables whole (issue 7: 90-130 ms at 100,000 besluiten, now a few ms).
    voorstel_ids = list(Raadsvoorstel.objects.filter(zaak_id__in=zaak_ids).values_list("pk", flat=True))
    punt_filter = Q(zaak_id__in=zaak_ids) | Q(raadsvoorstel_id__in=voorstel_ids)
    if zaak_memo_ids:
        punt_filter |= Q(
            pk__in=Agendapunt.memos.through.objects.filter(memo_id__in=zaak_memo_ids).values("agendapunt_id")
        )
    if onderwerp_ids:
        punt_filter |= Q(
            pk__in=Agendapunt.onderwerpen.through.objects.filter(onderwerp_id__in=onderwerp_ids).values("agendapunt_id")
        )
    punten = list(
        Agendapunt.objects.zichtbaar_voor(user)
        .filter(punt_filter)
        .select_related("vergadering__gremium")
        .order_by("vergadering__datum", "vergadering__aanvang", "vergadering_id", "volgorde")
    )
    per_vergadering: dict[int, list] = {}
    for punt in punten:
        per_vergadering.setdefault(punt.vergadering_id, []).append(punt)
        if punt.zaak_id in zaak_ids:
            zichtbare_zaak_ids.add(punt.zaak_id)
    for vergadering_punten in per_vergadering.values():
        vergadering = vergadering_punten[0].vergadering
        geannuleerd = vergadering.status == Vergadering.Status.GEANNULEERD
        stappen.append(
            TijdlijnStap(
                datum=vergadering.datum,
                soort="vergadering",
                label=vergadering.get_soort_display().capitalize(),
                titel=vergadering.titel,
                omschrijving=vergadering.gremium.naam
                + (f", {vergadering.aanvang:%H.%M} uur" if vergadering.aanvang else ""),
                url=_agenda_url(vergadering.datum),
                geannuleerd=geannuleerd,
                gepland=not geannuleerd and (vergadering.datum > vandaag or vergadering.status in _NIET_GEHOUDEN),
                agendapunten=vergadering_punten,
            )
        )

    # The besluit of the raad and its publication (and each rectificatie).
    besluiten = list(
        Besluit.objects.zichtbaar_voor(user)
        .filter(zaak_id__in=zaak_ids)
        .select_related("zaak", "vergadering")
        .order_by("zaak_id", "versie", "id")
    )
    besloten_zaken = set()
    for besluit in besluiten:
        zichtbare_zaak_ids.add(besluit.zaak_id)
        zaaknummer = besluit.zaak.zaaknummer
        besluit_url = _url("besluiten:detail", zaaknummer=zaaknummer) if besluit.is_gepubliceerd else None
        if besluit.zaak_id not in besloten_zaken:
            besloten_zaken.add(besluit.zaak_id)
            if besluit.vergadering_id:
                datum = besluit.vergadering.datum
            elif besluit.vastgesteld_op:
                datum = timezone.localdate(besluit.vastgesteld_op)
            else:
                datum = None
            if datum is not None:
                uitkomst = besluit.get_uitkomst_display()
                stappen.append(
                    TijdlijnStap(
                        datum=datum,
                        soort="besluit",
                        label="Besluit van de raad"
                        if besluit.status != Besluit.Status.CONCEPT
                        else "Besluit (concept)",
                        titel=f"{uitkomst.capitalize()}: {besluit.titel}" if uitkomst else besluit.titel,
                        url=besluit_url,
                        zaaknummer=zaaknummer,
                        gepland=besluit.status == Besluit.Status.CONCEPT or datum > vandaag,
                    )
                )
        if besluit.gepubliceerd_op:
            rectificatie = besluit.vervangt_id is not None or besluit.versie > 1
            stappen.append(
                TijdlijnStap(
                    datum=timezone.localdate(besluit.gepubliceerd_op),
                    soort="publicatie",
                    label="Rectificatie gepubliceerd" if rectificatie else "Besluit gepubliceerd",
                    titel=f"Raadsbesluit {zaaknummer}" + (f" (versie {besluit.versie})" if rectificatie else ""),
                    omschrijving=besluit.rectificatie_reden if rectificatie else "",
                    url=besluit_url,
                    zaaknummer=zaaknummer,
                    gepland=timezone.localdate(besluit.gepubliceerd_op) > vandaag,
                )
            )

    # Amendementen on the zaken's voorstellen and moties on them or submitted at their agenda items (issue 13),
    # each with its status (the result of the vote). One query each.
    punt_ids = [p.pk for p in punten]
    stuk_filter = Q(raadsvoorstel_id__in=voorstel_ids) | Q(agendapunt_id__in=punt_ids)
    for model, soort, url_naam, filter_ in (
        (Amendement, "amendement", "moties:amendement", stuk_filter),
        (Motie, "motie", "moties:motie", stuk_filter | Q(afgehandeld_bij_id__in=punt_ids)),
    ):
        for stuk in model.objects.zichtbaar_voor(user).filter(filter_).order_by("ingediend_op", "volgnummer"):
            stappen.append(
                TijdlijnStap(
                    datum=stuk.ingediend_op,
                    soort=soort,
                    label=f"{model._meta.verbose_name.capitalize()} {stuk.get_status_display()}",
                    titel=f"{stuk.nummer}: {stuk.titel}",
                    url=_url(url_naam, nummer=stuk.nummer),
                    gepland=stuk.ingediend_op > vandaag,
                )
            )

    # A raadsvergadering a proposal is planned for, when it is not on the timeline yet.
    vergaderdata = {s.datum for s in stappen if s.soort == "vergadering"}
    for voorstel in raadsvoorstellen:
        datum = voorstel.datum_raadsvergadering
        if (
            datum
            and datum >= vandaag
            and voorstel.zaak_id not in besloten_zaken
            and datum not in vergaderdata
            and voorstel.status != Raadsvoorstel.Status.INGETROKKEN
        ):
            stappen.append(
                TijdlijnStap(
                    datum=datum,
                    soort="raadsvergadering",
                    label="Raadsvergadering",
                    titel=f"Besluitvorming over raadsvoorstel {voorstel.zaak.zaaknummer}",
                    omschrijving=f"De raad beslist naar verwachting op {date_format(datum, 'j F Y')}.",
                    gepland=True,
                    zaaknummer=voorstel.zaak.zaaknummer,
                )
            )

    stappen.sort(key=lambda s: s.sorteersleutel)
    gebeurd = [s for s in stappen if not s.gepland and not s.geannuleerd]
    if gebeurd:
        gebeurd[-1].huidig = True
    if not toon_zaaknummer:
        for stap in stappen:
            stap.zaaknummer = ""
    return Tijdlijn(
        stappen=stappen, raadsvoorstellen=raadsvoorstellen, besluiten=besluiten, zichtbare_zaak_ids=zichtbare_zaak_ids
    )


def zaak_tijdlijn(*, user, zaaknummer: str, vandaag: datetime.date | None = None) -> dict | None:
    """The zaak with its timeline, or None when it does not exist or `user` may see nothing of it."""
    zaak = (
        Zaak.objects.filter(zaaknummer=zaaknummer)
        .prefetch_related(
            Prefetch("onderwerpen", queryset=Onderwerp.objects.order_by("naam"), to_attr="onderwerpen_lijst")
        )
        .first()
    )
    if zaak is None:
        return None
    tijdlijn = _stappen(
        user=user, zaak_ids=[zaak.pk], onderwerp_ids=[], vandaag=vandaag or timezone.localdate(), toon_zaaknummer=False
    )
    if zaak.pk not in tijdlijn.zichtbare_zaak_ids:
        # Only agenda items by onderwerp or nothing at all: the zaak itself is not public (yet).
        return None
    huidige = tijdlijn.huidige_besluiten
    return {
        "zaak": zaak,
        "tijdlijn": tijdlijn,
        "stappen": tijdlijn.stappen,
        "raadsvoorstel": tijdlijn.raadsvoorstellen[0] if tijdlijn.raadsvoorstellen else None,
        "besluit": huidige[0] if huidige else None,
    }


def onderwerp_tijdlijn(*, user, slug: str, vandaag: datetime.date | None = None) -> dict | None:
    """The onderwerp with the timeline of all its zaken and sub-onderwerpen, or None when it does not exist."""
    alle = list(Onderwerp.objects.order_by("naam"))
    onderwerp = next((o for o in alle if o.slug == slug), None)
    if onderwerp is None:
        return None
    kinderen: dict[int | None, list] = {}
    for o in alle:
        kinderen.setdefault(o.parent_id, []).append(o)
    ids, te_doen = [], [onderwerp]
    while te_doen:
        huidig = te_doen.pop()
        if huidig.pk in ids:  # a loop in the data must not hang the page
            continue
        ids.append(huidig.pk)
        te_doen.extend(kinderen.get(huidig.pk, []))
    per_id = {o.pk: o for o in alle}

    zaken = list(
        Zaak.objects.filter(
            pk__in=Zaak.onderwerpen.through.objects.filter(onderwerp_id__in=ids).values("zaak_id")
        ).order_by("-zaaknummer")
    )
    tijdlijn = _stappen(
        user=user,
        zaak_ids=[z.pk for z in zaken],
        onderwerp_ids=ids,
        vandaag=vandaag or timezone.localdate(),
        toon_zaaknummer=True,
    )
    return {
        "onderwerp": onderwerp,
        "hoofdonderwerp": per_id.get(onderwerp.parent_id),
        "subonderwerpen": kinderen.get(onderwerp.pk, []),
        "zaken": [z for z in zaken if z.pk in tijdlijn.zichtbare_zaak_ids],
        "tijdlijn": tijdlijn,
        "stappen": tijdlijn.stappen,
    }
