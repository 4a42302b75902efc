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

from django.core.paginator import Paginator
from django.db.models import CharField, Prefetch, Q, Value, prefetch_related_objects
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format

from apps.besluiten.models import Besluit
from apps.core.models import Onderwerp, Zaak
from apps.memos.models import Memo, MemoBehandeling
from apps.moties.models import Amendement, Motie
from apps.paginacache.fragmenten import per_generatie
from apps.raadsvoorstellen.models import Raadsvoorstel
from apps.registers.selectors import als_soort_en_id
from apps.registers.selectors import tijdlijn_delen as register_delen
from apps.registers.selectors import tijdlijn_stappen as register_stappen
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
    "toezegging": 3,
    "ingekomen_stuk": 0,
    "schriftelijke_vraag": 0,
    "antwoord": 1,
    "stand_van_zaken": 1,
    "langetermijn": 3,
}

#: How many memo's tied to an onderwerp but to no zaak the onderwerp timeline shows (the newest).
MAX_LOSSE_MEMOS = 25

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
    zaak_titels: dict = field(default_factory=dict)

    def zaak_titel(self, zaak) -> str:
        """The title this visitor sees: the griffie's own, or one from a record the visitor may see."""
        if zaak.titel_door_griffie:
            return zaak.titel
        return self.zaak_titels.get(zaak.pk) or f"Zaak {zaak.zaaknummer}"

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
    *, user, zaken: list[Zaak], onderwerp_ids: list[int], vandaag: datetime.date, toon_zaaknummer: bool
) -> Tijdlijn:
    # Each query reads only the columns its steps (and the zaak page's summary) show, and joins no zaak: the
    # zaaknummers are known (wide rows of long texts were most of the time of these small queries).
    zaaknummers = {z.pk: z.zaaknummer for z in zaken}
    zaak_ids = list(zaaknummers)
    stappen: list[TijdlijnStap] = []
    zichtbare_zaak_ids: set[int] = set()

    # Memo's of the zaken or with the onderwerpen, with their route.
    zichtbare_memos = Memo.objects.zichtbaar_voor(user).only("zaak_id", "datum", "soort", "betreft", "van", "aan")
    memo_qs = zichtbare_memos.filter(zaak_id__in=zaak_ids).order_by()
    if onderwerp_ids:
        # and the newest MAX_LOSSE_MEMOS memo's of the onderwerpen without a zaak, in one UNION query (an OR with
        # this subquery made PostgreSQL read every memo: 550 ms at 187,000)
        losse = (
            Memo.onderwerpen.through.objects.filter(onderwerp_id__in=onderwerp_ids, memo__zaak__isnull=True)
            .order_by("-memo__datum", "-memo_id")
            .values_list("memo_id", flat=True)
        )
        memo_qs = memo_qs.union(zichtbare_memos.filter(pk__in=losse[:MAX_LOSSE_MEMOS]).order_by())
    memos = list(memo_qs.order_by("-datum", "-id"))
    prefetch_related_objects(
        memos,
        Prefetch(
            "route",
            queryset=MemoBehandeling.objects.select_related("gremium")
            .filter(datum__isnull=False)
            .only("memo_id", "datum", "omschrijving", "gremium__naam")
            .order_by("volgorde"),
        ),
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
                zaaknummer=zaaknummers.get(memo.zaak_id, ""),
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
                    zaaknummer=zaaknummers.get(memo.zaak_id, ""),
                )
            )

    # The raadsvoorstellen: the college decision, and the raadsvergadering they are meant for.
    raadsvoorstellen = list(
        Raadsvoorstel.objects.zichtbaar_voor(user)
        .filter(zaak_id__in=zaak_ids)
        .select_related("portefeuillehouder")
        .only(
            "zaak_id",
            "titel",
            "status",
            "vertrouwelijkheid",
            "college_besluitdatum",
            "datum_raadsvergadering",
            "portefeuillehouder__naam",
        )
        .order_by("college_besluitdatum", "id")
    )
    for voorstel in raadsvoorstellen:
        zichtbare_zaak_ids.add(voorstel.zaak_id)
        zaaknummer = zaaknummers[voorstel.zaak_id]
        if voorstel.college_besluitdatum:
            stappen.append(
                TijdlijnStap(
                    datum=voorstel.college_besluitdatum,
                    soort="collegebesluit",
                    label="Collegebesluit",
                    titel=f"Het college legt het raadsvoorstel {zaaknummer} aan de raad voor",
                    omschrijving=voorstel.titel
                    + (
                        f" Portefeuillehouder: {voorstel.portefeuillehouder.naam}."
                        if voorstel.portefeuillehouder_id
                        else ""
                    ),
                    url=_url("portaal:zaak", zaaknummer=zaaknummer) if toon_zaaknummer else None,
                    gepland=voorstel.college_besluitdatum > vandaag,
                    zaaknummer=zaaknummer,
                )
            )

    # Each meeting where the zaak / onderwerp was on the agenda (directly, through the raadsvoorstel, through
    # a memo of the zaak, or by its onderwerp), with the items concerned.
    zaak_memo_ids = [m.pk for m in memos if m.zaak_id in zaak_ids]
    # The items reached through the zaken's raadsvoorstellen, a memo of the zaken or an onderwerp, as one list of
    # ids (one UNION query) used as literals: an OR over a join with the voorstellen table made PostgreSQL scan
    # both tables whole (90-130 ms at 100,000 besluiten), an OR with a subquery kept it from combining
    # the indexes and made it read all 228,000 agenda items (60 ms); with literals it ORs three indexes.
    via = [Agendapunt.objects.filter(raadsvoorstel__zaak_id__in=zaak_ids).order_by().values_list("id")]
    if zaak_memo_ids:
        via.append(Agendapunt.memos.through.objects.filter(memo_id__in=zaak_memo_ids).values_list("agendapunt_id"))
    if onderwerp_ids:
        via.append(
            Agendapunt.onderwerpen.through.objects.filter(
                onderwerp_id__in=onderwerp_ids, agendapunt__zaak__isnull=True, agendapunt__raadsvoorstel__isnull=True
            ).values_list("agendapunt_id")
        )
    gekoppeld = via[0].union(*via[1:]) if len(via) > 1 else via[0]
    punt_filter = Q(zaak_id__in=zaak_ids) | Q(pk__in=[rij[0] for rij in gekoppeld])
    # Sorted here, not in SQL: with ORDER BY on the meeting's date PostgreSQL walked every meeting in date order
    # and tested its items (60 ms at 100,000 besluiten); without it, it ORs the three indexes (a few ms).
    punten = sorted(
        Agendapunt.objects.zichtbaar_voor(user)
        .filter(punt_filter)
        .select_related("vergadering__gremium")
        .only(
            "uuid",
            "zaak_id",
            "volgorde",
            "volgnummer",
            "titel",
            "behandeling",
            "vergadering__datum",
            "vergadering__aanvang",
            "vergadering__soort",
            "vergadering__titel",
            "vergadering__status",
            "vergadering__gremium__naam",
        )
        .order_by(),
        key=lambda p: (
            p.vergadering.datum,
            p.vergadering.aanvang is not None,  # NULLS LAST, as PostgreSQL's ascending order
            p.vergadering.aanvang or datetime.time.min,
            p.vergadering_id,
            p.volgorde,
        ),
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
        .select_related("vergadering")
        .only(
            "zaak_id",
            "versie",
            "vervangt_id",
            "status",
            "uitkomst",
            "titel",
            "vastgesteld_op",
            "gepubliceerd_op",
            "rectificatie_reden",
            "vergadering__datum",
        )
        .order_by("zaak_id", "versie", "id")
    )
    besloten_zaken = set()
    for besluit in besluiten:
        zichtbare_zaak_ids.add(besluit.zaak_id)
        zaaknummer = zaaknummers[besluit.zaak_id]
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

    # Amendementen on the zaken's voorstellen and moties on them, submitted at their agenda items or handled there,
    # and the griffie's register items of the zaken or onderwerpen: first their ids, one UNION query without
    # visibility (a part per filter: an OR over the join to the voorstel made PostgreSQL read every motie, 35 ms at
    # 100,000 besluiten), then per kind that has any, its visible rows by id with only the columns a step shows.
    punt_ids = [p.pk for p in punten]
    delen = [
        als_soort_en_id(Amendement.objects.filter(raadsvoorstel__zaak_id__in=zaak_ids), "amendement"),
        als_soort_en_id(Motie.objects.filter(raadsvoorstel__zaak_id__in=zaak_ids), "motie"),
    ]
    if punt_ids:
        delen += [
            als_soort_en_id(Amendement.objects.filter(agendapunt_id__in=punt_ids), "amendement"),
            als_soort_en_id(
                Motie.objects.filter(Q(agendapunt_id__in=punt_ids) | Q(afgehandeld_bij_id__in=punt_ids)), "motie"
            ),
        ]
    delen += register_delen(zaak_ids=zaak_ids, onderwerp_ids=onderwerp_ids)
    ids: dict[str, list[int]] = {}
    for soort, pk in delen[0].union(*delen[1:]):
        ids.setdefault(soort, []).append(pk)
    # The visible amendementen and moties among them in one query (their columns are the same).
    stukken = [
        model.objects.zichtbaar_voor(user)
        .filter(pk__in=ids[soort])
        .annotate(tijdlijn_soort=Value(soort, output_field=CharField()))
        .values_list("tijdlijn_soort", "nummer", "titel", "status", "ingediend_op", "volgnummer")
        .order_by()
        for model, soort in ((Amendement, "amendement"), (Motie, "motie"))
        if ids.get(soort)
    ]
    statussen = dict(Motie._meta.get_field("status").flatchoices)
    rijen = stukken[0].union(*stukken[1:]) if stukken else []
    # amendementen before moties, each by date of submission and number (as before, for steps on the same day)
    for soort, nummer, titel, status, ingediend_op, _volgnummer in sorted(
        rijen, key=lambda r: (r[0] != "amendement", r[4], r[5])
    ):
        model = Amendement if soort == "amendement" else Motie
        stappen.append(
            TijdlijnStap(
                datum=ingediend_op,
                soort=soort,
                label=f"{model._meta.verbose_name.capitalize()} {statussen.get(status, status)}",
                titel=f"{nummer}: {titel}",
                url=_url(f"moties:{soort}", nummer=nummer),
                gepland=ingediend_op > vandaag,
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
                    titel=f"Besluitvorming over raadsvoorstel {zaaknummers[voorstel.zaak_id]}",
                    omschrijving=f"De raad beslist naar verwachting op {date_format(datum, 'j F Y')}.",
                    gepland=True,
                    zaaknummer=zaaknummers[voorstel.zaak_id],
                )
            )

    # The griffie's registers: toezeggingen, ingekomen stukken, schriftelijke vragen, the motiemonitor's
    # stand van zaken and (planned) the lange termijnagenda.
    for stap in register_stappen(user=user, ids=ids, vandaag=vandaag, zaaknummers=zaaknummers):
        if stap.zaak_id in zaak_ids:
            zichtbare_zaak_ids.add(stap.zaak_id)
        stappen.append(
            TijdlijnStap(
                datum=stap.datum,
                soort=stap.soort,
                label=stap.label,
                titel=stap.titel,
                omschrijving=stap.omschrijving,
                url=stap.url,
                gepland=stap.gepland,
                zaaknummer=stap.zaaknummer,
            )
        )
    stappen.sort(key=lambda s: s.sorteersleutel)
    gebeurd = [s for s in stappen if not s.gepland and not s.geannuleerd]
    if gebeurd:
        gebeurd[-1].huidig = True
    if not toon_zaaknummer:
        for stap in stappen:
            stap.zaaknummer = ""
    # A zaak's title from what this visitor may see (never from a vertrouwelijk record that opened the zaak):
    # its besluit, else its raadsvoorstel, else its first memo, else its first agenda item.
    zaak_titels: dict[int, str] = {}
    bronnen = (
        [(b.zaak_id, b.titel) for b in reversed(besluiten)],
        [(v.zaak_id, v.titel) for v in raadsvoorstellen],
        [(m.zaak_id, m.betreft) for m in sorted(memos, key=lambda m: (m.datum, m.pk)) if m.zaak_id],
        [(p.zaak_id, p.titel) for p in punten if p.zaak_id in zaak_ids],
    )
    for bron in bronnen:
        for zaak_id, titel in bron:
            if titel:
                zaak_titels.setdefault(zaak_id, titel)
    return Tijdlijn(
        stappen=stappen,
        raadsvoorstellen=raadsvoorstellen,
        besluiten=besluiten,
        zichtbare_zaak_ids=zichtbare_zaak_ids,
        zaak_titels=zaak_titels,
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
        user=user, zaken=[zaak], onderwerp_ids=[], vandaag=vandaag or timezone.localdate(), toon_zaaknummer=False
    )
    if zaak.pk not in tijdlijn.zichtbare_zaak_ids:
        # Only agenda items by onderwerp or nothing at all: the zaak itself is not public (yet).
        return None
    huidige = tijdlijn.huidige_besluiten
    return {
        "zaak": zaak,
        "zaak_titel": tijdlijn.zaak_titel(zaak),
        "tijdlijn": tijdlijn,
        "stappen": tijdlijn.stappen,
        "raadsvoorstel": tijdlijn.raadsvoorstellen[0] if tijdlijn.raadsvoorstellen else None,
        "besluit": huidige[0] if huidige else None,
    }


#: An onderwerp can hold thousands of zaken (2,000 at 100,000 besluiten: a 13 MB page, 9 s); its page shows the
#: timeline of this many zaken at a time, the newest first, with page links to the older ones.
ZAKEN_PER_PAGINA = 10


def onderwerp_tijdlijn(*, user, slug: str, vandaag: datetime.date | None = None, pagina=None) -> dict | None:
    """The onderwerp with the timeline of one page of its zaken (and sub-onderwerpen' zaken), newest first, plus
    on the first page the memo's and agenda items tied to the onderwerp without a zaak; None when it does not
    exist. A zaak's own steps (also those tied to the onderwerp) show on the page of that zaak."""
    alle = per_generatie("portaal:onderwerpen", lambda: list(Onderwerp.objects.order_by("naam")))
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

    zaken_qs = Zaak.objects.filter(
        pk__in=Zaak.onderwerpen.through.objects.filter(onderwerp_id__in=ids).values("zaak_id")
    ).order_by("-id")  # newest first (numbers are handed out in order; -zaaknummer made it sort 100,000 zaken)
    pagina = Paginator(zaken_qs, ZAKEN_PER_PAGINA).get_page(pagina)
    zaken = list(pagina.object_list)
    tijdlijn = _stappen(
        user=user,
        zaken=zaken,
        # memo's and agenda items tied to the onderwerp but to no zaak: on the first page
        onderwerp_ids=ids if pagina.number == 1 else [],
        vandaag=vandaag or timezone.localdate(),
        toon_zaaknummer=True,
    )
    return {
        "onderwerp": onderwerp,
        "hoofdonderwerp": per_id.get(onderwerp.parent_id),
        "subonderwerpen": kinderen.get(onderwerp.pk, []),
        "zaken": [(z, tijdlijn.zaak_titel(z)) for z in zaken if z.pk in tijdlijn.zichtbare_zaak_ids],
        "tijdlijn": tijdlijn,
        "stappen": tijdlijn.stappen,
        "page_obj": pagina,
    }
