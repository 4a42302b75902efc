"""Every read of the registers a view needs. Each runs a fixed number of queries, whatever the number of rows."""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, F, Prefetch, Value

from apps.moties.models import Indiener, Motie
from apps.vergaderagenda.models import Agendapunt

from .filters import (
    IngekomenStukFilter,
    LangetermijnFilter,
    MotieopvolgingFilter,
    SchriftelijkeVraagFilter,
    ToezeggingFilter,
)
from .models import (
    IngekomenStuk,
    IngekomenStukBijlage,
    LangetermijnItem,
    Motieopvolging,
    SchriftelijkeVraag,
    StandVanZaken,
    Toezegging,
)
from .services import CORRECTIE
from .termijnen import vandaag, week_einde

ANONIEM = AnonymousUser()
FEED_AANTAL = 50


# --- Querysets with what a row shows -------------------------------------------------------------


def toezeggingen(*, user):
    return (
        Toezegging.objects.zichtbaar_voor(user)
        .select_related("persoon", "vergadering", "agendapunt", "afgedaan_met", "afgedaan_in", "zaak")
        .order_by("-jaar", "-volgnummer")
    )


def motieopvolgingen(*, user):
    return (
        Motieopvolging.objects.zichtbaar_voor(user)
        .select_related("motie", "portefeuillehouder", "afgedaan_met", "afgedaan_in")
        .prefetch_related(Prefetch("standen", queryset=StandVanZaken.objects.order_by("datum", "id")))
        .order_by("-motie__jaar", "-motie__volgnummer")
    )


def ingekomen_stukken(*, user):
    return (
        IngekomenStuk.objects.zichtbaar_voor(user)
        .select_related("voorgestelde_commissie", "vastgestelde_commissie", "lijst__vergadering", "zaak")
        .order_by("-ontvangen_op", "-volgnummer")
    )


def schriftelijke_vragen(*, user):
    return (
        SchriftelijkeVraag.objects.zichtbaar_voor(user)
        .select_related("vraagsteller", "fractie", "antwoord", "zaak")
        .order_by("-gesteld_op", "-volgnummer")
    )


def langetermijnitems(*, user):
    return (
        LangetermijnItem.objects.zichtbaar_voor(user)
        .select_related("portefeuillehouder", "verwachte_vergadering", "zaak")
        .order_by("jaar", "kwartaal", "titel", "id")
    )


LIJSTEN = {
    "toezeggingen": (toezeggingen, ToezeggingFilter),
    "motiemonitor": (motieopvolgingen, MotieopvolgingFilter),
    "ingekomen-stukken": (ingekomen_stukken, IngekomenStukFilter),
    "schriftelijke-vragen": (schriftelijke_vragen, SchriftelijkeVraagFilter),
    "lange-termijnagenda": (langetermijnitems, LangetermijnFilter),
}


def register_filteren(*, register: str, user, params):
    """The list of a register with the visitor's filters (from the URL) applied: `.qs`, `.form`."""
    basis, filterset = LIJSTEN[register]
    return filterset(params or None, queryset=basis(user=user))


def voor_feed(*, register: str):
    """The newest public items of a register (the feed never depends on a session)."""
    basis, _filterset = LIJSTEN[register]
    qs = basis(user=ANONIEM)
    if register == "motiemonitor":
        return list(qs.order_by("-updated_at", "-id")[:FEED_AANTAL])
    return list(qs.order_by("-gepubliceerd_op", "-id")[:FEED_AANTAL])


# --- One item ------------------------------------------------------------------------------------


def _geldig_nummer(nummer: str) -> bool:
    return bool(nummer) and len(nummer) <= 30 and nummer.isascii()


def toezegging_op_nummer(*, user, nummer: str) -> Toezegging | None:
    if not _geldig_nummer(nummer):
        return None
    return toezeggingen(user=user).prefetch_related("onderwerpen").filter(nummer=nummer).first()


def ingekomen_stuk_op_nummer(*, user, nummer: str) -> IngekomenStuk | None:
    if not _geldig_nummer(nummer):
        return None
    from apps.core.permissions import mag_besloten_zien

    bijlagen = IngekomenStukBijlage.objects.order_by("volgorde")
    if not mag_besloten_zien(user):
        bijlagen = bijlagen.filter(vertrouwelijkheid="openbaar")
    return (
        ingekomen_stukken(user=user)
        .prefetch_related("onderwerpen", Prefetch("bijlagen", queryset=bijlagen, to_attr="zichtbare_bijlagen"))
        .filter(nummer=nummer)
        .first()
    )


def schriftelijke_vraag_op_nummer(*, user, nummer: str) -> SchriftelijkeVraag | None:
    if not _geldig_nummer(nummer):
        return None
    return schriftelijke_vragen(user=user).prefetch_related("onderwerpen").filter(nummer=nummer).first()


def langetermijn_op_uuid(*, user, uuid) -> LangetermijnItem | None:
    return langetermijnitems(user=user).prefetch_related("onderwerpen").filter(uuid=uuid).first()


def motie_met_opvolging(*, user, nummer: str) -> Motie | None:
    """An aangenomen motie this user may see, with its follow-up (or None) and the stand van zaken."""
    if not _geldig_nummer(nummer):
        return None
    return (
        Motie.objects.zichtbaar_voor(user)
        .filter(nummer=nummer, status="aangenomen")
        .select_related(
            "vergadering", "opvolging__portefeuillehouder", "opvolging__afgedaan_met", "opvolging__afgedaan_in"
        )
        .prefetch_related(
            Prefetch("indieners", queryset=Indiener.objects.select_related("persoon", "fractie")),
        )
        .first()
    )


def standen_van(opvolging) -> list:
    if opvolging is None:
        return []
    return list(opvolging.standen.select_related("document").order_by("datum", "id"))


def motie_stand(*, motie) -> dict:
    """For the small include on a motie page (templates/registers/_motie_stand.html): the follow-up and its
    latest stand van zaken. Two queries at most; the caller shows it only to whoever may see the motie."""
    opvolging = Motieopvolging.objects.filter(motie=motie).select_related("afgedaan_met").first()
    laatste = opvolging.standen.order_by("-datum", "-id").first() if opvolging else None
    return {"motie": motie, "opvolging": opvolging, "laatste_stand": laatste}


def correcties(item) -> list:
    """The corrections of a published item, oldest first: when, and why (the history's reason)."""
    return [
        {"datum": r.history_date, "reden": r.history_change_reason.removeprefix(CORRECTIE)}
        for r in item.history.filter(history_change_reason__startswith=CORRECTIE).order_by("history_date")
    ]


def lis_van(*, user, uuid) -> tuple[Agendapunt | None, list]:
    """The agenda item 'Lijst ingekomen stukken' of a meeting with the stukken on it."""
    punt = Agendapunt.objects.zichtbaar_voor(user).select_related("vergadering__gremium").filter(uuid=uuid).first()
    if punt is None:
        return None, []
    return punt, list(ingekomen_stukken(user=user).filter(lijst=punt).order_by("volgnummer"))


def lis_agendapunten() -> list:
    """Agenda items that hold a list of ingekomen stukken (for the sitemap and the griffie)."""
    return list(
        Agendapunt.objects.filter(ingekomen_stukken__isnull=False).distinct().select_related("vergadering")[:500]
    )


# --- What the griffie must watch -----------------------------------------------------------------


@dataclass
class Overzicht:
    op: datetime.date
    tot: datetime.date
    toezeggingen_overschreden: list
    toezeggingen_deze_week: list
    vragen_overschreden: list
    vragen_deze_week: list
    moties_overschreden: list
    moties_deze_week: list

    @property
    def leeg(self) -> bool:
        return not any(
            [
                self.toezeggingen_overschreden,
                self.toezeggingen_deze_week,
                self.vragen_overschreden,
                self.vragen_deze_week,
                self.moties_overschreden,
                self.moties_deze_week,
            ]
        )


def griffie_overzicht(*, op: datetime.date | None = None, limiet: int = 200) -> Overzicht:
    """Overdue items and what falls due this week (until Sunday), for the griffie's page and the daily digest."""
    op = op or vandaag()
    tot = week_einde(op)
    t = Toezegging.objects.select_related("persoon").order_by("uiterste_datum", "id")
    v = SchriftelijkeVraag.objects.select_related("vraagsteller", "fractie").order_by("uiterste_datum", "id")
    m = Motieopvolging.objects.select_related("motie").order_by("uiterste_datum", "id")
    return Overzicht(
        op=op,
        tot=tot,
        toezeggingen_overschreden=list(t.overschreden(op)[:limiet]),
        toezeggingen_deze_week=list(t.verloopt_tussen(op, tot)[:limiet]),
        vragen_overschreden=list(v.overschreden(op)[:limiet]),
        vragen_deze_week=list(v.verloopt_tussen(op, tot)[:limiet]),
        moties_overschreden=list(m.overschreden(op)[:limiet]),
        moties_deze_week=list(m.verloopt_tussen(op, tot)[:limiet]),
    )


# --- Timelines (read by apps.portaal.tijdlijn) -----------------------------------------------------


@dataclass
class RegisterStap:
    datum: datetime.date
    soort: str
    label: str
    titel: str
    omschrijving: str
    url: str
    gepland: bool
    zaaknummer: str
    zaak_id: int | None = None


#: The register kinds a timeline shows, in the order their steps are added.
TIJDLIJN_SOORTEN = ("toezegging", "ingekomen_stuk", "schriftelijke_vraag", "stand_van_zaken", "langetermijn")


def als_soort_en_id(qs, soort: str, veld: str = "id"):
    """`qs` as rows (soort, id): one part of a UNION of the ids of several kinds of record."""
    return (
        qs.order_by()
        .annotate(tijdlijn_soort=Value(soort, output_field=CharField()), tijdlijn_id=F(veld))
        .values_list("tijdlijn_soort", "tijdlijn_id")
    )


def tijdlijn_delen(*, zaak_ids, onderwerp_ids) -> list:
    """The register items of these zaken or onderwerpen as parts of one UNION of (soort, id), without visibility
    (tijdlijn_stappen applies it when it reads the items by id). A part per filter, never an OR: an OR of the zaak
    with a subquery on the onderwerpen made PostgreSQL read a whole register (35 ms for the lange termijnagenda
    at 100,000 besluiten), the motiemonitor's visibility subquery all moties; each part is an index scan."""
    delen = []
    for soort, model in (
        ("toezegging", Toezegging),
        ("ingekomen_stuk", IngekomenStuk),
        ("schriftelijke_vraag", SchriftelijkeVraag),
        ("langetermijn", LangetermijnItem),
    ):
        if zaak_ids:
            delen.append(als_soort_en_id(model.objects.filter(zaak_id__in=zaak_ids), soort))
        if onderwerp_ids:
            through = model.onderwerpen.through.objects.filter(onderwerp_id__in=onderwerp_ids)
            delen.append(als_soort_en_id(through, soort, f"{model._meta.model_name}_id"))
    if zaak_ids:
        standen = StandVanZaken.objects.filter(opvolging__motie__raadsvoorstel__zaak_id__in=zaak_ids)
        delen.append(als_soort_en_id(standen, "stand_van_zaken"))
    return delen


def tijdlijn_stappen(
    *, user, ids: dict[str, list[int]], vandaag: datetime.date, zaaknummers: dict[int, str]
) -> list[RegisterStap]:
    """The register items with these ids (per soort, from a UNION of tijdlijn_delen) that `user` may see, as
    timeline steps: a query per soort that has ids, with only the columns a step shows. `zaaknummers`: those of
    the timeline's zaken (a stand van zaken is always of one of them)."""
    from django.urls import reverse

    stappen = []
    if ids.get("toezegging"):
        toezeggingen_ = (
            Toezegging.objects.zichtbaar_voor(user)
            .filter(pk__in=ids["toezegging"])
            .select_related("persoon", "vergadering", "zaak")
            .only(
                "nummer", "tekst", "status", "uiterste_datum", "persoon__naam", "vergadering__datum", "zaak__zaaknummer"
            )
            .order_by("-jaar", "-volgnummer")
        )
        for t in toezeggingen_:
            stappen.append(
                RegisterStap(
                    datum=t.vergadering.datum,
                    soort="toezegging",
                    label="Toezegging",
                    titel=f"{t.persoon.naam} zegt toe: {t.titel}",
                    omschrijving=f"Status: {t.toestand_label}."
                    + (f" Uiterste datum {t.uiterste_datum:%d-%m-%Y}." if t.uiterste_datum else ""),
                    url=reverse("registers:toezegging", kwargs={"nummer": t.nummer}),
                    gepland=False,
                    zaaknummer=t.zaak.zaaknummer if t.zaak_id else "",
                    zaak_id=t.zaak_id,
                )
            )
    if ids.get("ingekomen_stuk"):
        stukken = (
            IngekomenStuk.objects.zichtbaar_voor(user)
            .filter(pk__in=ids["ingekomen_stuk"])
            .select_related("voorgestelde_commissie", "zaak")
            .only(
                "nummer",
                "ontvangen_op",
                "onderwerp",
                "afzender",
                "afzender_is_privepersoon",
                "voorgestelde_afhandeling",
                "voorgestelde_commissie__naam",
                "zaak__zaaknummer",
            )
            .order_by("-ontvangen_op", "-volgnummer")
        )
        for s in stukken:
            stappen.append(
                RegisterStap(
                    datum=s.ontvangen_op,
                    soort="ingekomen_stuk",
                    label="Ingekomen stuk",
                    titel=s.onderwerp,
                    omschrijving=f"Van {s.afzender_publiek}. Voorstel: {s.voorstel_tekst}.",
                    url=reverse("registers:ingekomen-stuk", kwargs={"nummer": s.nummer}),
                    gepland=False,
                    zaaknummer=s.zaak.zaaknummer if s.zaak_id else "",
                    zaak_id=s.zaak_id,
                )
            )
    if ids.get("schriftelijke_vraag"):
        vragen = (
            SchriftelijkeVraag.objects.zichtbaar_voor(user)
            .filter(pk__in=ids["schriftelijke_vraag"])
            .select_related("vraagsteller", "fractie", "zaak")
            .only(
                "nummer",
                "onderwerp",
                "gesteld_op",
                "beantwoord_op",
                "status",
                "uiterste_datum",
                "uitstelbericht_op",
                "vraagsteller__naam",
                "fractie__naam",
                "zaak__zaaknummer",
            )
            .order_by("-gesteld_op", "-volgnummer")
        )
        for v in vragen:
            url = reverse("registers:schriftelijke-vraag", kwargs={"nummer": v.nummer})
            zaaknummer = v.zaak.zaaknummer if v.zaak_id else ""
            stappen.append(
                RegisterStap(
                    v.gesteld_op,
                    "schriftelijke_vraag",
                    "Schriftelijke vragen",
                    v.onderwerp,
                    f"Gesteld door {v.vraagsteller_tekst}.",
                    url,
                    False,
                    zaaknummer,
                    v.zaak_id,
                )
            )
            if v.beantwoord_op:
                stappen.append(
                    RegisterStap(
                        v.beantwoord_op,
                        "antwoord",
                        "Antwoord op schriftelijke vragen",
                        v.onderwerp,
                        v.toestand_label.capitalize() + ".",
                        url,
                        False,
                        zaaknummer,
                        v.zaak_id,
                    )
                )
    if ids.get("stand_van_zaken"):
        # The motiemonitor's stand van zaken of a motie on the zaken's voorstellen, when its follow-up is visible.
        standen = (
            StandVanZaken.objects.filter(
                pk__in=ids["stand_van_zaken"], opvolging__in=Motieopvolging.objects.zichtbaar_voor(user).values("pk")
            )
            .order_by("datum", "id")
            .values_list(
                "datum",
                "tekst",
                "opvolging__motie__nummer",
                "opvolging__motie__titel",
                "opvolging__motie__raadsvoorstel__zaak_id",
            )
        )
        for datum, tekst, nummer, titel, zaak_id in standen:
            stappen.append(
                RegisterStap(
                    datum,
                    "stand_van_zaken",
                    "Motiemonitor: stand van zaken",
                    f"Motie {nummer}: {titel}",
                    tekst,
                    reverse("registers:motie", kwargs={"nummer": nummer}),
                    False,
                    zaaknummers.get(zaak_id, ""),
                    zaak_id,
                )
            )
    if ids.get("langetermijn"):
        items = (
            LangetermijnItem.objects.zichtbaar_voor(user)
            .filter(pk__in=ids["langetermijn"])
            .exclude(status__in=("behandeld", "vervallen"))
            .select_related("portefeuillehouder", "verwachte_vergadering", "zaak")
            .only(
                "uuid",
                "titel",
                "jaar",
                "kwartaal",
                "status",
                "portefeuillehouder__naam",
                "verwachte_vergadering__datum",
                "zaak__zaaknummer",
            )
            .order_by("jaar", "kwartaal", "titel", "id")
        )
        for i in items:
            datum = i.verwachte_datum
            stappen.append(
                RegisterStap(
                    datum=datum,
                    soort="langetermijn",
                    label="Lange termijnagenda",
                    titel=f"Gepland voor {i.periode}: {i.titel}",
                    omschrijving=f"Status: {i.get_status_display()}."
                    + (f" Portefeuillehouder: {i.portefeuillehouder.naam}." if i.portefeuillehouder_id else ""),
                    url=reverse("registers:langetermijn-item", kwargs={"uuid": i.uuid}),
                    gepland=datum >= vandaag,
                    zaaknummer=i.zaak.zaaknummer if i.zaak_id else "",
                    zaak_id=i.zaak_id,
                )
            )
    return stappen
