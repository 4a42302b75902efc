"""Every read of meetings and agenda items a view needs.

Visibility comes from the querysets (`.zichtbaar_voor(user)`); every function here applies it, also to the
related records it prefetches (agenda items, memo's, bijlagen, besluiten), so a hidden record never reaches a
template, a feed or a count. Each function runs a fixed number of queries, whatever the number of rows.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, Max, Min, OuterRef, Prefetch, Q, Value
from django.utils import timezone

from apps.core.models import Gremium, Onderwerp
from apps.core.selectors import zichtbare_bijlagen_per_ouder
from apps.memos.models import Memo, MemoBijlage
from apps.raadsvoorstellen.models import Raadsvoorstel, RaadsvoorstelBijlage

from .filters import VergaderingFilter
from .models import Agendapunt, AgendapuntBijlage, Vergadering

#: The text sections of a raadsvoorstel: never read where only its title is shown.
VOORSTEL_TEKSTEN = (
    "voorstel",
    "aanleiding",
    "doel_effect",
    "toelichting",
    "argumenten",
    "tegenargumenten",
    "risicos",
    "plan_van_aanpak",
    "communicatie",
    "financiele_consequenties",
)

#: How many upcoming meetings the calendar list shows before pointing to the month view.
AANTAL_KOMEND = 25


def komende_vergaderingen(*, user, vanaf: datetime.date | None = None, aantal: int = 5):
    vanaf = vanaf or timezone.localdate()
    return list(
        Vergadering.objects.zichtbaar_voor(user)
        .filter(datum__gte=vanaf)
        .exclude(status="geannuleerd")
        .select_related("gremium")
        .order_by("datum", "aanvang", "id")[:aantal]
    )


def recente_vergaderingen(*, user, tot: datetime.date | None = None, aantal: int = 5):
    """The most recent meetings before a date (default today) that this user may see, newest first."""
    tot = tot or timezone.localdate()
    return list(
        Vergadering.objects.zichtbaar_voor(user)
        .filter(datum__lt=tot)
        .exclude(status="geannuleerd")
        .select_related("gremium")
        .order_by("-datum", "-aanvang", "-id")[:aantal]
    )


def vergaderingen_lijst(*, user):
    return Vergadering.objects.zichtbaar_voor(user).select_related("gremium").order_by("-datum", "aanvang", "id")


# --------------------------------------------------------------------------------------------------------------
# The calendar: filters, month grid, list (upcoming first, past by year)
# --------------------------------------------------------------------------------------------------------------


def vergaderingen_filter(*, user, filters=None) -> VergaderingFilter:
    """The calendar's FilterSet over the meetings `user` may see; invalid values are ignored and reported."""
    zichtbaar = Vergadering.objects.zichtbaar_voor(user)
    return VergaderingFilter(
        filters if filters else None,
        queryset=zichtbaar.select_related("gremium"),
        gremia=Gremium.objects.filter(pk__in=zichtbaar.values("gremium_id")).order_by("naam"),
    )


@dataclass
class KalenderDag:
    datum: datetime.date
    in_maand: bool
    vandaag: bool
    vergaderingen: list = field(default_factory=list)


def kalender_maand(*, vergaderingen, jaar: int, maand: int, vandaag: datetime.date | None = None):
    """The month as weeks (monday first) of KalenderDag, each with the meetings of that day. One query."""
    vandaag = vandaag or timezone.localdate()
    weken = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(jaar, maand)
    per_dag: dict[datetime.date, list] = {}
    for vergadering in vergaderingen.filter(datum__gte=weken[0][0], datum__lte=weken[-1][-1]).order_by(
        "datum", "aanvang", "id"
    ):
        per_dag.setdefault(vergadering.datum, []).append(vergadering)
    return [
        [
            KalenderDag(datum=d, in_maand=d.month == maand, vandaag=d == vandaag, vergaderingen=per_dag.get(d, []))
            for d in week
        ]
        for week in weken
    ]


def kalender_lijst(*, vergaderingen, jaar: int | None = None, vandaag: datetime.date | None = None) -> dict:
    """Upcoming meetings first (the next AANTAL_KOMEND), then the past ones of one year.

    `jaar` picks the year of past meetings; without it (or for a year without meetings) the most recent year
    with past meetings is shown. Three queries.
    """
    vandaag = vandaag or timezone.localdate()
    komend = list(vergaderingen.filter(datum__gte=vandaag).order_by("datum", "aanvang", "id")[: AANTAL_KOMEND + 1])
    eerder_qs = vergaderingen.filter(datum__lt=vandaag)
    jaren = [d.year for d in eerder_qs.dates("datum", "year", order="DESC")]
    if jaar not in jaren:
        jaar = jaren[0] if jaren else None
    # lazy: the calendar keeps this list rendered (a fragment per cache version), so it is read only to render it
    eerder = eerder_qs.filter(datum__year=jaar).order_by("-datum", "aanvang", "id") if jaar else []
    return {
        "komend": komend[:AANTAL_KOMEND],
        "meer_komend": len(komend) > AANTAL_KOMEND,
        "jaren": jaren,
        "jaar": jaar,
        "eerder": eerder,
    }


# --------------------------------------------------------------------------------------------------------------
# The agenda of one date
# --------------------------------------------------------------------------------------------------------------


def _besluit_model():
    """The besluit model, through the relation the besluiten app declared on Agendapunt.

    besluiten depends on vergaderagenda, not the other way round; reading the reverse relation keeps this app
    free of an import from besluiten while still applying that model's own visibility rules.
    """
    return Agendapunt._meta.get_field("besluiten").related_model


def _ingediend_model(naam: str):
    """Motie or Amendement, through the relation the moties app declared on Agendapunt (moties depends on
    vergaderagenda, not the other way round); their own visibility rule applies."""
    return Agendapunt._meta.get_field(naam).related_model


def agenda_op_datum(*, user, datum: datetime.date) -> list[Vergadering]:
    """Every meeting on `datum` that `user` may see, with its visible agenda items and their documents.

    Each agenda item carries: `raadsvoorstel` (None when hidden), `zichtbare_memos`, `zichtbare_bijlagen`,
    `onderwerpen_lijst`, `besluit` (the current visible besluit taken on the item, or None) and
    `zichtbare_stukken`: its visible amendementen and moties (their status is the result of the vote).
    """
    besluit_model = _besluit_model()
    motie_model, amendement_model = _ingediend_model("moties"), _ingediend_model("amendementen")
    agendapunten = (
        Agendapunt.objects.zichtbaar_voor(user)
        # The voorstel comes in the items' own query; whether this user may see it is asked of the voorstellen'
        # own visibility rule (an EXISTS), and a hidden one is dropped below. One query fewer than a prefetch.
        .select_related("zaak", "raadsvoorstel", "raadsvoorstel__zaak")
        # the agenda shows a voorstel's number and title only: not its ten text sections (issue 14: building
        # those model instances was most of the page's time at 100,000 besluiten)
        .defer(*(f"raadsvoorstel__{veld}" for veld in VOORSTEL_TEKSTEN))
        .annotate(
            voorstel_zichtbaar=Exists(
                Raadsvoorstel.objects.zichtbaar_voor(user).filter(pk=OuterRef("raadsvoorstel_id"))
            )
        )
        .prefetch_related(
            Prefetch(
                "memos",
                # select_related("zaak"): the agenda links each memo to its zaak (without it: one query per memo).
                queryset=Memo.objects.zichtbaar_voor(user)
                .select_related("zaak")
                .defer("tekst")
                .order_by("datum", "id"),
                to_attr="zichtbare_memos",
            ),
            # the bijlagen of the items, their voorstellen and memo's: one query below, not one per kind
            Prefetch(
                "onderwerpen",
                queryset=Onderwerp.objects.only("id", "naam", "slug").order_by("naam"),
                to_attr="onderwerpen_lijst",
            ),
            Prefetch(
                "besluiten",
                queryset=besluit_model.objects.zichtbaar_voor(user)
                .select_related("zaak")
                .only("id", "agendapunt_id", "zaak__zaaknummer", "titel", "uitkomst", "status", "versie")
                .order_by("versie", "id"),
                to_attr="zichtbare_besluiten",
            ),
        )
        .order_by("volgorde", "id")
    )
    vergaderingen = list(
        Vergadering.objects.zichtbaar_voor(user)
        .filter(datum=datum)
        .select_related("gremium")
        .prefetch_related(Prefetch("agendapunten", queryset=agendapunten, to_attr="zichtbare_agendapunten"))
        .order_by("aanvang", "id")
    )
    punten = [p for v in vergaderingen for p in v.zichtbare_agendapunten]
    stukken = _stukken_per_agendapunt(
        user=user, agendapunt_ids=[p.pk for p in punten], modellen=(amendement_model, motie_model)
    )
    for punt in punten:
        if not punt.voorstel_zichtbaar:
            punt.raadsvoorstel = None
    memos = [m for p in punten for m in p.zichtbare_memos]  # a memo on two items is two instances
    bijlagen = zichtbare_bijlagen_per_ouder(
        user=user,
        ouders={
            AgendapuntBijlage: [p.pk for p in punten],
            RaadsvoorstelBijlage: list({p.raadsvoorstel_id for p in punten if p.raadsvoorstel is not None}),
            MemoBijlage: list({m.pk for m in memos}),
        },
    )
    for memo in memos:
        memo.zichtbare_bijlagen = bijlagen.get((MemoBijlage, memo.pk), [])
    for punt in punten:
        punt.zichtbare_bijlagen = bijlagen.get((AgendapuntBijlage, punt.pk), [])
        if punt.raadsvoorstel is not None:
            punt.raadsvoorstel.zichtbare_bijlagen = bijlagen.get((RaadsvoorstelBijlage, punt.raadsvoorstel_id), [])
        # The current besluit: the highest visible version (a rectificatie supersedes the earlier one).
        punt.besluit = punt.zichtbare_besluiten[-1] if punt.zichtbare_besluiten else None
        punt.zichtbare_stukken = stukken.get(punt.pk, [])
    return vergaderingen


def _stukken_per_agendapunt(*, user, agendapunt_ids, modellen) -> dict[int, list[dict]]:
    """The visible amendementen and moties of the agenda items, in one query (a UNION): per item a list of
    {soort, nummer, titel, status, status_label, soort_label}, amendementen first. Their status is the result."""
    if not agendapunt_ids:
        return {}
    amendement_model, motie_model = modellen
    velden = ("soort", "agendapunt_id", "volgnummer", "nummer", "titel", "status", "extra", "sub")
    amendementen = (
        amendement_model.objects.zichtbaar_voor(user)
        .filter(agendapunt_id__in=agendapunt_ids)
        .annotate(
            soort=Value("amendement"),
            extra=Value(""),
            sub=ExpressionWrapper(Q(hoofdamendement__isnull=False), output_field=BooleanField()),
        )
        .order_by()
        .values_list(*velden)
    )
    moties = (
        motie_model.objects.zichtbaar_voor(user)
        .filter(agendapunt_id__in=agendapunt_ids)
        .annotate(soort=Value("motie"), extra=F("motietype"), sub=Value(False))
        .order_by()
        .values_list(*velden)
    )
    statussen = dict(motie_model._meta.get_field("status").choices)
    motietypes = dict(motie_model._meta.get_field("motietype").choices)
    per_punt: dict[int, list[dict]] = {}
    for soort, punt_id, _volgnummer, nummer, titel, status, extra, sub in sorted(
        amendementen.union(moties, all=True), key=lambda r: (r[0] != "amendement", r[2])
    ):
        label = ("Sub-amendement" if sub else "Amendement") if soort == "amendement" else str(motietypes.get(extra))
        per_punt.setdefault(punt_id, []).append(
            {
                "soort": soort,
                "nummer": nummer,
                "titel": titel,
                "status": status,
                "status_label": statussen.get(status, status),
                "soort_label": label[:1].upper() + label[1:],
            }
        )
    return per_punt


def naburige_vergaderdata(*, user, datum: datetime.date, aantal: int = 1):
    """The `aantal` nearest dates before and after `datum` with a meeting `user` may see. Two queries.

    Returns (eerder, later): `eerder` nearest first, `later` nearest first.
    """
    zichtbaar = Vergadering.objects.zichtbaar_voor(user)
    if aantal == 1:
        # One query instead of two: keeps the agenda page within ten queries.
        rand = zichtbaar.aggregate(
            eerder=Max("datum", filter=Q(datum__lt=datum)), later=Min("datum", filter=Q(datum__gt=datum))
        )
        return [d for d in [rand["eerder"]] if d], [d for d in [rand["later"]] if d]
    eerder = list(
        zichtbaar.filter(datum__lt=datum).order_by("-datum").values_list("datum", flat=True).distinct()[:aantal]
    )
    later = list(
        zichtbaar.filter(datum__gt=datum).order_by("datum").values_list("datum", flat=True).distinct()[:aantal]
    )
    return eerder, later


# --------------------------------------------------------------------------------------------------------------
# iCal
# --------------------------------------------------------------------------------------------------------------

#: The general feed holds the upcoming meetings and those of the last twelve months.
ICAL_TERUG = datetime.timedelta(days=365)
#: ... and lists the agenda items in the description of the upcoming meetings and of those of the last month.
#: Older meetings link to their agenda page (items, documents, besluiten) instead: a calendar is for planning,
#: and a feed that polling calendar apps can fetch quickly stays small (a large city's year is ~1 MB with every
#: agenda written out, ~0.3 MB without the old ones). The feed of one meeting always lists them.
ICAL_AGENDA_TERUG = datetime.timedelta(days=31)


def ical_vergaderingen(*, user, gremium=None, vergadering_uuid=None, vandaag: datetime.date | None = None):
    """Meetings for an iCal feed, each with `ical_agenda_tonen`: whether the feed lists its agenda, and
    `ical_agendapunten`: its visible agenda items as (volgnummer, titel, aanvang, einde) tuples, in order, when the
    feed lists them or the meeting has no end time (the items give it); else an empty list. Two queries, whatever
    the number of meetings.

    Without `vergadering_uuid`: the upcoming meetings and those of the last twelve months, of one `gremium`
    when given; the items are listed for meetings of the last ICAL_AGENDA_TERUG and later. With it: that one
    meeting (an empty list when `user` may not see it), its items listed.
    """
    qs = Vergadering.objects.zichtbaar_voor(user)
    agenda_vanaf = None
    if vergadering_uuid is not None:
        qs = qs.filter(uuid=vergadering_uuid)
    else:
        vandaag = vandaag or timezone.localdate()
        agenda_vanaf = vandaag - ICAL_AGENDA_TERUG
        qs = qs.filter(datum__gte=vandaag - ICAL_TERUG)
        if gremium is not None:
            qs = qs.filter(gremium=gremium)
    vergaderingen = list(
        qs.select_related("gremium")
        .only(
            "uuid",
            "titel",
            "datum",
            "aanvang",
            "einde",
            "locatie",
            "openbaar",
            "status",
            "soort",
            "version",
            "updated_at",
            "gremium__naam",
        )
        .order_by("datum", "aanvang", "id")
    )
    for vergadering in vergaderingen:
        vergadering.ical_agenda_tonen = agenda_vanaf is None or vergadering.datum >= agenda_vanaf
    # The items of the meetings whose agenda the feed lists, and of those without an end time of their own (their
    # items give it); an older meeting with one needs none of them (issue 14: at 100,000 besluiten the year's
    # 16,000 items were read and converted for the 1,300 the feed shows).
    nodig = [v.pk for v in vergaderingen if v.ical_agenda_tonen or v.einde is None]
    per_vergadering: dict[int, list] = {}
    if nodig:
        rijen = (
            Agendapunt.objects.zichtbaar_voor(user)
            .filter(vergadering_id__in=nodig)
            .order_by("vergadering_id", "volgorde", "id")
            .values_list("vergadering_id", "volgnummer", "titel", "aanvang", "einde")
        )
        for vergadering_id, *punt in rijen:
            per_vergadering.setdefault(vergadering_id, []).append(tuple(punt))
    for vergadering in vergaderingen:
        vergadering.ical_agendapunten = per_vergadering.get(vergadering.pk, [])
    return vergaderingen


def gremium_op_slug(*, slug: str) -> Gremium | None:
    return Gremium.objects.filter(slug=slug).first()


def vergaderde_gremia(*, user) -> list[Gremium]:
    """The gremia that have a meeting `user` may see, for the "abonneren" links. One query."""
    return list(
        Gremium.objects.filter(pk__in=Vergadering.objects.zichtbaar_voor(user).values("gremium_id")).order_by("naam")
    )
