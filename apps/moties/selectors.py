"""Every read of moties, amendementen, stemmingen and besluitenlijsten a view needs.

Totals and the result per fractie are derived here from the Stem rows and the presence list, never stored
twice. Each function runs a fixed number of queries, whatever the number of rows; visibility comes from the
querysets (`zichtbaar_voor(user)`).
"""

import datetime
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from apps.core.models import Fractie, Persoon, Rol
from apps.core.query import zonder_lange_teksten
from apps.core.voorbereid import Voorbereid
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, Vergadering

from .models import Aanwezigheid, Amendement, Besluitenlijst, Indiener, Motie, Stem, Stemming

# --------------------------------------------------------------------------------------------------------
# Derived results
# --------------------------------------------------------------------------------------------------------


@dataclass
class FractieUitslag:
    fractie: Fractie | None
    voor: list = field(default_factory=list)
    tegen: list = field(default_factory=list)
    niet_deelgenomen: list = field(default_factory=list)
    afwezig: list = field(default_factory=list)

    @property
    def naam(self):
        return self.fractie.naam if self.fractie else "Zonder fractie"

    @property
    def aantal_voor(self):
        return len(self.voor)

    @property
    def aantal_tegen(self):
        return len(self.tegen)

    @property
    def resultaat(self) -> str:
        """voor, tegen or verdeeld (ORI FractieStemResultaat: aangenomen, verworpen, verdeeld); '' without votes."""
        if self.voor and self.tegen:
            return "verdeeld"
        if self.voor:
            return "voor"
        if self.tegen:
            return "tegen"
        return ""

    @property
    def resultaat_label(self):
        return {"voor": "voor", "tegen": "tegen", "verdeeld": "verdeeld"}.get(self.resultaat, "niet gestemd")

    @property
    def procent_voor(self):
        totaal = len(self.voor) + len(self.tegen)
        return round(100 * len(self.voor) / totaal) if totaal else 0

    @property
    def afwijkers(self):
        """Members who voted against the majority of their fractie."""
        if not (self.voor and self.tegen):
            return []
        return self.tegen if len(self.voor) >= len(self.tegen) else self.voor


@dataclass
class Uitslag:
    stemming: Stemming
    voor: int = 0
    tegen: int = 0
    niet_deelgenomen: int = 0
    aanwezig: int = 0
    afwezig: int = 0
    fracties: list = field(default_factory=list)
    stemmen: list = field(default_factory=list)

    @property
    def totaal(self):
        return self.voor + self.tegen

    @property
    def procent_voor(self):
        return round(100 * self.voor / self.totaal) if self.totaal else 0

    @property
    def is_hamerslag(self):
        return self.stemming.soort == Stemming.Soort.HAMERSLAG

    @property
    def samenvatting(self) -> str:
        s = self.stemming
        uitslag = s.get_uitslag_display() if s.uitslag else "nog niet vastgesteld"
        if self.is_hamerslag:
            return f"{uitslag} (hamerstuk, zonder stemming)"
        return f"{uitslag} met {self.voor} stemmen voor en {self.tegen} tegen"


def uitslag_van(stemming: Stemming, aanwezigheden: list[Aanwezigheid], stemmen: list[Stem] | None = None) -> Uitslag:
    """The totals and the result per fractie of one stemming, from its votes (`stemmen`, or the prefetched
    `stemming.stemmen`) and the presence list."""
    uitslag = Uitslag(stemming=stemming)
    per_fractie: dict = OrderedDict()

    def rij(fractie):
        sleutel = fractie.pk if fractie else None
        if sleutel not in per_fractie:
            per_fractie[sleutel] = FractieUitslag(fractie=fractie)
        return per_fractie[sleutel]

    for aanwezigheid in aanwezigheden:
        if aanwezigheid.aanwezig:
            uitslag.aanwezig += 1
        else:
            uitslag.afwezig += 1
            rij(aanwezigheid.fractie).afwezig.append(aanwezigheid.persoon)
    alle_stemmen = list(stemming.stemmen.all()) if stemmen is None else list(stemmen)
    stemmen = sorted(alle_stemmen, key=lambda s: ((s.fractie.naam if s.fractie else "~"), s.persoon.naam))
    for stem in stemmen:
        groep = rij(stem.fractie)
        if stem.keuze == Stem.Keuze.VOOR:
            uitslag.voor += 1
            groep.voor.append(stem.persoon)
        elif stem.keuze == Stem.Keuze.TEGEN:
            uitslag.tegen += 1
            groep.tegen.append(stem.persoon)
        else:
            uitslag.niet_deelgenomen += 1
            groep.niet_deelgenomen.append(stem.persoon)
    uitslag.stemmen = stemmen
    uitslag.fracties = sorted(per_fractie.values(), key=lambda f: (f.fractie is None, f.naam))
    return uitslag


def _stemmen_prefetch():
    return Prefetch("stemmen", queryset=Stem.objects.select_related("persoon", "fractie").order_by("persoon__naam"))


#: What a stemming is shown with by default: its meeting and what was voted on (a sub-amendement is told by
#: amendement.hoofdamendement_id: no join for it).
STEMMING_SAMEN_MET = (
    "vergadering",
    "vergadering__gremium",
    "agendapunt",
    "raadsvoorstel__zaak",
    "motie",
    "amendement",
)


def _stemmingen_qs(user, samen_met: tuple[str, ...] = STEMMING_SAMEN_MET):
    """The current visible stemmingen, with the related rows `samen_met` joined. A page that knows the meeting and
    the voorstel already (the besluit page) joins fewer: PostgreSQL plans each joined table (issue 14: 3.7 ms of
    planning for all six against 2.0 ms for the amendement alone, on every besluit page)."""
    qs = Stemming.objects.zichtbaar_voor(user).geldend().select_related(*samen_met)
    # a stemming shows the title of what was voted on, never its text sections
    lang = [
        pad
        for pad in ("vergadering", "agendapunt", "raadsvoorstel", "motie", "amendement")
        if any(p == pad or p.startswith(f"{pad}__") for p in samen_met)
    ]
    return zonder_lange_teksten(qs, *lang)


def uitslagen_van_qs(qs) -> list[Uitslag]:
    """The results of the stemmingen of `qs` (ordered), in at most three queries whatever they hold: the
    stemmingen, then their votes and the presence lists of their meetings by the ids just read (none when there
    are no stemmingen). By ids, not by a subquery of `qs`: PostgreSQL turned that subquery into a hash semi join
    over every vote (200 ms at 400,000 votes) and planned the stemmingen's joins a second time."""
    stemmingen = list(qs)
    if not stemmingen:
        return []
    per_stemming: dict[int, list] = {}
    per_vergadering: dict[int, list] = {}
    for stem in (
        Stem.objects.filter(stemming_id__in=[s.pk for s in stemmingen])
        .select_related("persoon", "fractie")
        .order_by("persoon__naam")
    ):
        per_stemming.setdefault(stem.stemming_id, []).append(stem)
    for a in (
        Aanwezigheid.objects.filter(vergadering_id__in={s.vergadering_id for s in stemmingen})
        .select_related("persoon", "fractie")
        .order_by("persoon__naam")
    ):
        per_vergadering.setdefault(a.vergadering_id, []).append(a)
    return [uitslag_van(s, per_vergadering.get(s.vergadering_id, []), per_stemming.get(s.pk, [])) for s in stemmingen]


def _stemmingen_over_qs(user, stuk: str, met_amendementen: bool, samen_met: tuple[str, ...], **ids):
    qs = _stemmingen_qs(user, samen_met)
    if "vergadering" in ids:
        qs = qs.filter(vergadering_id=ids["vergadering"])
    if stuk == "raadsvoorstel":
        voorwaarde = Q(raadsvoorstel_id=ids["raadsvoorstel"])
        if met_amendementen:
            voorwaarde |= Q(amendement__raadsvoorstel_id=ids["raadsvoorstel"])
        qs = qs.filter(voorwaarde)
    else:
        qs = qs.filter(**{f"{stuk}_id": ids[stuk]})
    return qs.order_by("vergadering__datum", "volgorde", "-versie")


#: compiled once per role and shape (apps.core.voorbereid): 2 ms of Python on every besluit page
_stemmingen_over = Voorbereid(_stemmingen_over_qs)


def stemmingen_over(
    *,
    user,
    raadsvoorstel=None,
    motie=None,
    amendement=None,
    met_amendementen=False,
    vergadering=None,
    samen_met: tuple[str, ...] = STEMMING_SAMEN_MET,
) -> list[Uitslag]:
    """The current visible stemmingen on one stuk (a voorstel `met_amendementen`: also those on its
    amendementen), oldest meeting first, in the order voted, with their results. Three queries. `samen_met`:
    the related rows the caller shows (the rest stays unread: reading one would cost a query per stemming).
    The stuk and the meeting: instances or ids."""
    if raadsvoorstel is not None:
        stuk, waarde = "raadsvoorstel", raadsvoorstel
    elif motie is not None:
        stuk, waarde = "motie", motie
    else:
        stuk, waarde = "amendement", amendement
    ids = {stuk: getattr(waarde, "pk", waarde)}
    if vergadering is not None:
        ids["vergadering"] = getattr(vergadering, "pk", vergadering)
    qs = _stemmingen_over(user, stuk, bool(met_amendementen and stuk == "raadsvoorstel"), tuple(samen_met), **ids)
    return uitslagen_van_qs(qs)


# --------------------------------------------------------------------------------------------------------
# Motie and amendement pages
# --------------------------------------------------------------------------------------------------------


def _indieners():
    return Prefetch(
        "indieners", queryset=Indiener.objects.select_related("persoon", "fractie").order_by("volgorde", "id")
    )


def motie_op_nummer(*, user, nummer: str) -> Motie | None:
    if not nummer or len(nummer) > 30:
        return None
    return (
        Motie.objects.zichtbaar_voor(user)
        .filter(nummer=nummer)
        .select_related(
            "vergadering", "vergadering__gremium", "agendapunt", "raadsvoorstel__zaak", "afgehandeld_bij__vergadering"
        )
        .prefetch_related(_indieners())
        .first()
    )


def amendement_op_nummer(*, user, nummer: str) -> Amendement | None:
    if not nummer or len(nummer) > 30:
        return None
    return (
        Amendement.objects.zichtbaar_voor(user)
        .filter(nummer=nummer)
        .select_related("vergadering", "vergadering__gremium", "agendapunt", "raadsvoorstel__zaak", "hoofdamendement")
        .prefetch_related(
            _indieners(),
            Prefetch("beslispunten", queryset=Beslispunt.objects.order_by("volgorde")),
            Prefetch("subamendementen", queryset=Amendement.objects.zichtbaar_voor(user).order_by("volgnummer")),
        )
        .first()
    )


def voorstel_zichtbaar(*, user, raadsvoorstel_id) -> bool:
    return bool(raadsvoorstel_id) and Raadsvoorstel.objects.zichtbaar_voor(user).filter(pk=raadsvoorstel_id).exists()


def moties_lijst(*, user, jaar: int | None = None):
    qs = (
        Motie.objects.zichtbaar_voor(user)
        .select_related("vergadering", "vergadering__gremium")
        .prefetch_related(_indieners())
        .order_by("-ingediend_op", "-volgnummer")
    )
    if jaar:
        qs = qs.filter(jaar=jaar)
    return qs


def amendementen_lijst(*, user, jaar: int | None = None):
    qs = (
        Amendement.objects.zichtbaar_voor(user)
        .select_related("vergadering", "raadsvoorstel__zaak")
        .prefetch_related(_indieners())
        .order_by("-ingediend_op", "-volgnummer")
    )
    if jaar:
        qs = qs.filter(jaar=jaar)
    return qs


# --------------------------------------------------------------------------------------------------------
# Besluitenlijst of a meeting, and the agenda page's moties and amendementen
# --------------------------------------------------------------------------------------------------------


@dataclass
class BesluitenlijstPunt:
    agendapunt: Agendapunt | None
    uitslagen: list = field(default_factory=list)
    niet_gestemd: list = field(default_factory=list)  # moties/amendementen ingetrokken or aangehouden


def vergadering_op_datum(*, user, datum: datetime.date, gremium_slug: str) -> Vergadering | None:
    return (
        Vergadering.objects.zichtbaar_voor(user)
        .filter(datum=datum, gremium__slug=gremium_slug)
        .exclude(status="geannuleerd")
        .select_related("gremium")
        .order_by("aanvang", "id")
        .first()
    )


def besluitenlijst_gegevens(*, user, vergadering: Vergadering) -> dict:
    """Every visible outcome of a meeting in order: hamerstukken, then per agenda item its amendementen, the
    voorstel and its moties in the order voted, then moties vreemd aan de orde van de dag. Five queries."""
    resultaten = uitslagen_van_qs(_stemmingen_qs(user).filter(vergadering=vergadering).order_by("volgorde", "-versie"))
    stemmingen = [u.stemming for u in resultaten]
    gestemd_motie = {s.motie_id for s in stemmingen if s.motie_id}
    gestemd_amend = {s.amendement_id for s in stemmingen if s.amendement_id}
    overig = [
        m
        for m in Motie.objects.zichtbaar_voor(user)
        .filter(vergadering=vergadering, status__in=["ingetrokken", "aangehouden"])
        .select_related("agendapunt")
        .order_by("volgnummer")
        if m.pk not in gestemd_motie
    ] + [
        a
        for a in Amendement.objects.zichtbaar_voor(user)
        .filter(vergadering=vergadering, status__in=["ingetrokken", "aangehouden"])
        .select_related("agendapunt")
        .order_by("volgnummer")
        if a.pk not in gestemd_amend
    ]
    hamerstukken: list = []
    per_punt: OrderedDict[int, BesluitenlijstPunt] = OrderedDict()
    vreemd = BesluitenlijstPunt(agendapunt=None)
    for uitslag in resultaten:
        s = uitslag.stemming
        if s.soort == Stemming.Soort.HAMERSLAG and s.raadsvoorstel_id:
            hamerstukken.append(uitslag)
        elif s.agendapunt_id is None or (s.motie is not None and s.motie.motietype == Motie.Motietype.VREEMD):
            vreemd.uitslagen.append(uitslag)
        else:
            per_punt.setdefault(s.agendapunt_id, BesluitenlijstPunt(agendapunt=s.agendapunt)).uitslagen.append(uitslag)
    for stuk in overig:
        if stuk.agendapunt_id and stuk.agendapunt_id in per_punt:
            per_punt[stuk.agendapunt_id].niet_gestemd.append(stuk)
        else:
            vreemd.niet_gestemd.append(stuk)
    # Every punt in per_punt has its agendapunt (the others went to `vreemd`).
    punten = sorted(
        per_punt.values(), key=lambda p: (p.agendapunt.volgorde, p.agendapunt.pk) if p.agendapunt else (0, 0)
    )
    lijst = Besluitenlijst.objects.zichtbaar_voor(user).filter(vergadering=vergadering).order_by("-versie").first()
    return {
        "vergadering": vergadering,
        "hamerstukken": hamerstukken,
        "punten": punten,
        "vreemd": vreemd if (vreemd.uitslagen or vreemd.niet_gestemd) else None,
        "aantal": len(resultaten),
        "besluitenlijst": lijst,
    }


def stukken_per_agendapunt(*, user, agendapunt_ids) -> dict[int, list]:
    """For the agenda page: per agenda item its visible moties and amendementen, each with `.uitslag` (the
    current visible stemming's result, or None). Four queries, whatever the number of items."""
    agendapunt_ids = list(agendapunt_ids)
    if not agendapunt_ids:
        return {}
    moties = list(
        Motie.objects.zichtbaar_voor(user)
        .filter(agendapunt_id__in=agendapunt_ids)
        .prefetch_related(_indieners())
        .order_by("volgnummer")
    )
    amendementen = list(
        Amendement.objects.zichtbaar_voor(user).filter(agendapunt_id__in=agendapunt_ids).order_by("volgnummer")
    )
    stemmingen = list(
        Stemming.objects.zichtbaar_voor(user)
        .geldend()
        .filter(Q(motie__in=[m.pk for m in moties]) | Q(amendement__in=[a.pk for a in amendementen]))
        .only("id", "motie_id", "amendement_id", "uitslag", "soort", "status", "versie")
        .order_by("versie")
    )
    per_stuk = {("m", s.motie_id) if s.motie_id else ("a", s.amendement_id): s for s in stemmingen}
    per_punt: dict[int, list] = {}
    for stuk in amendementen + moties:
        stuk.stemming = per_stuk.get(("m" if isinstance(stuk, Motie) else "a", stuk.pk))
        per_punt.setdefault(stuk.agendapunt_id, []).append(stuk)
    return per_punt


def besluitenlijst_van(*, user, vergadering: Vergadering, versie: int | None = None) -> Besluitenlijst | None:
    qs = Besluitenlijst.objects.zichtbaar_voor(user).filter(vergadering=vergadering)
    if versie is not None:
        qs = qs.filter(versie=versie)
    return qs.select_related("vergadering", "vergadering__gremium").order_by("-versie").first()


# --------------------------------------------------------------------------------------------------------
# Person and fractie pages
# --------------------------------------------------------------------------------------------------------

STEMMEN_LIMIET = 200


def persoon_op_slug(*, slug: str) -> Persoon | None:
    if not slug:
        return None
    return Persoon.objects.filter(slug=slug).first()


def persoon_gegevens(*, user, persoon: Persoon) -> dict:
    """Roles and fractie over time, moties and amendementen (co-)submitted, votes cast. Six queries."""
    rollen = list(persoon.rollen.select_related("gremium", "fractie").order_by("-begindatum", "soort"))
    indieningen = list(
        Indiener.objects.filter(persoon=persoon)
        .filter(
            Q(motie__in=Motie.objects.zichtbaar_voor(user)) | Q(amendement__in=Amendement.objects.zichtbaar_voor(user))
        )
        .select_related("motie", "amendement", "fractie")
        .order_by("-id")
    )
    stemmen = list(
        Stem.objects.filter(persoon=persoon, stemming__in=Stemming.objects.zichtbaar_voor(user).geldend())
        .select_related(
            "fractie",
            "stemming",
            "stemming__vergadering",
            "stemming__raadsvoorstel__zaak",
            "stemming__motie",
            "stemming__amendement",
        )
        .order_by("-stemming__vergadering__datum", "-stemming__volgorde")[:STEMMEN_LIMIET]
    )
    return {
        "persoon": persoon,
        "rollen": rollen,
        "moties": [i for i in indieningen if i.motie_id],
        "amendementen": [i for i in indieningen if i.amendement_id],
        "stemmen": stemmen,
        "stemmen_limiet": STEMMEN_LIMIET,
    }


def fractie_op_slug(*, slug: str) -> Fractie | None:
    if not slug:
        return None
    return Fractie.objects.filter(slug=slug).select_related("opvolger", "gremium").first()


def fracties_lijst():
    return list(Fractie.objects.select_related("opvolger").order_by("einddatum", "naam"))


def fractie_gegevens(*, user, fractie: Fractie) -> dict:
    """Members over time, moties submitted, and the fractie's voting record (per stemming: voor, tegen,
    verdeeld). Six queries."""
    leden = list(
        Rol.objects.filter(fractie=fractie)
        .select_related("persoon", "gremium")
        .order_by("-begindatum", "persoon__naam")
    )
    voorgangers = list(fractie.voorgangers.order_by("naam"))
    moties = list(
        Motie.objects.zichtbaar_voor(user)
        .filter(indieners__fractie=fractie)
        .distinct()
        .select_related("vergadering")
        .order_by("-ingediend_op", "-volgnummer")[:STEMMEN_LIMIET]
    )
    stemmen = list(
        Stem.objects.filter(fractie=fractie, stemming__in=Stemming.objects.zichtbaar_voor(user).geldend())
        .select_related(
            "persoon",
            "stemming",
            "stemming__vergadering",
            "stemming__raadsvoorstel__zaak",
            "stemming__motie",
            "stemming__amendement",
        )
        .order_by("-stemming__vergadering__datum", "-stemming__volgorde", "persoon__naam")[: STEMMEN_LIMIET * 10]
    )
    per_stemming: dict = OrderedDict()
    for stem in stemmen:
        regel = per_stemming.setdefault(stem.stemming_id, FractieUitslag(fractie=fractie))
        regel.stemming = stem.stemming
        {"voor": regel.voor, "tegen": regel.tegen}.get(stem.keuze, regel.niet_deelgenomen).append(stem.persoon)
    return {
        "fractie": fractie,
        "leden": leden,
        "voorgangers": voorgangers,
        "moties": moties,
        "stemgedrag": list(per_stemming.values())[:STEMMEN_LIMIET],
    }


# --------------------------------------------------------------------------------------------------------
# For besluiten: the stemming behind a besluit and the amended dictum
# --------------------------------------------------------------------------------------------------------


def voorstel_stemming(*, raadsvoorstel_id, vergadering_id) -> Stemming | None:
    """The current published stemming on a voorstel in a meeting (None when there is none)."""
    if not raadsvoorstel_id or not vergadering_id:
        return None
    return (
        Stemming.objects.gepubliceerd()
        .geldend()
        .filter(raadsvoorstel_id=raadsvoorstel_id, vergadering_id=vergadering_id)
        .prefetch_related(_stemmen_prefetch())
        .order_by("-versie")
        .first()
    )


def aangenomen_amendementen(*, raadsvoorstel_id, vergadering_id=None) -> list[Amendement]:
    """Adopted main amendementen on a voorstel, in the order voted, each with `.effectieve_tekst`: its own new
    text, or that of an adopted sub-amendement on it."""
    qs = Amendement.objects.filter(raadsvoorstel_id=raadsvoorstel_id, status="aangenomen")
    if vergadering_id:
        qs = qs.filter(vergadering_id=vergadering_id)
    alle = list(qs.prefetch_related(Prefetch("beslispunten", queryset=Beslispunt.objects.order_by("volgorde"))))
    subs = {a.hoofdamendement_id: a for a in alle if a.hoofdamendement_id}
    hoofd = sorted((a for a in alle if not a.hoofdamendement_id), key=lambda a: (a.ingediend_op, a.volgnummer))
    for a in hoofd:
        a.effectieve_tekst = subs[a.pk].nieuwe_tekst if a.pk in subs else a.nieuwe_tekst
    return hoofd


def geamendeerd_dictum(*, beslispunten: list[str], punt_ids: list[int], amendementen: list[Amendement]) -> list[str]:
    """The ontwerpbesluit with the adopted amendementen applied: the first point an amendement changes is
    replaced by its new lines, the other points it names are dropped; without points its lines are added."""
    regels: list[tuple[int | None, list[str]]] = [
        (pid, [tekst]) for pid, tekst in zip(punt_ids, beslispunten, strict=True)
    ]
    for amendement in amendementen:
        nieuw = [r.strip() for r in amendement.effectieve_tekst.splitlines() if r.strip()]
        gewijzigd = [p.pk for p in amendement.beslispunten.all()]
        if not gewijzigd:
            regels.append((None, nieuw))
            continue
        eerste = True
        for index, (pid, _teksten) in enumerate(regels):
            if pid in gewijzigd:
                regels[index] = (pid, nieuw if eerste else [])
                eerste = False
    return [t for _, teksten in regels for t in teksten]


# --------------------------------------------------------------------------------------------------------
# For the griffie pages
# --------------------------------------------------------------------------------------------------------


def griffie_vergadering(uuid) -> Vergadering | None:
    return Vergadering.objects.filter(uuid=uuid).select_related("gremium").first()


def griffie_motie(uuid) -> Motie | None:
    return Motie.objects.filter(uuid=uuid).select_related("vergadering__gremium").prefetch_related(_indieners()).first()


def griffie_amendement(uuid) -> Amendement | None:
    return (
        Amendement.objects.filter(uuid=uuid)
        .select_related("vergadering__gremium", "raadsvoorstel__zaak")
        .prefetch_related(_indieners(), "beslispunten")
        .first()
    )


def griffie_stemming(uuid) -> Stemming | None:
    return (
        Stemming.objects.filter(uuid=uuid)
        .select_related("vergadering__gremium", "raadsvoorstel__zaak", "motie", "amendement", "vervangen_door")
        .prefetch_related(_stemmen_prefetch())
        .first()
    )


def aanwezigen(vergadering) -> list[Aanwezigheid]:
    """The present members, grouped per fractie (fractie name, then person name)."""
    return list(
        Aanwezigheid.objects.filter(vergadering=vergadering, aanwezig=True)
        .select_related("persoon", "fractie")
        .order_by("fractie__naam", "persoon__naam")
    )


def stukken_voor_stemming(vergadering) -> list[tuple[str, tuple[str, Amendement | Raadsvoorstel | Motie]]]:
    """What can be voted on in a meeting: its amendementen, the voorstellen on its agenda and its moties, in
    that order (amendementen before the voorstel they change, moties after). Keys "soort:id"."""
    amendementen = (
        Amendement.objects.filter(vergadering=vergadering)
        .exclude(status__in=["concept", "ingetrokken", "aangehouden"])
        .order_by("hoofdamendement_id", "volgnummer")
    )
    voorstellen = Raadsvoorstel.objects.filter(agendapunten__vergadering=vergadering).distinct().select_related("zaak")
    moties = (
        Motie.objects.filter(vergadering=vergadering)
        .exclude(status__in=["concept", "ingetrokken", "aangehouden"])
        .order_by("volgnummer")
    )
    stukken: list[tuple[str, tuple[str, Amendement | Raadsvoorstel | Motie]]] = [
        (
            f"amendement:{a.pk}",
            (f"{'Sub-amendement' if a.hoofdamendement_id else 'Amendement'} {a.nummer}: {a.titel}", a),
        )
        for a in sorted(amendementen, key=lambda a: (a.hoofdamendement_id is None, a.volgnummer))
    ]
    stukken += [(f"raadsvoorstel:{v.pk}", (f"Raadsvoorstel {v.zaak.zaaknummer}: {v.titel}", v)) for v in voorstellen]
    stukken += [(f"motie:{m.pk}", (f"Motie {m.nummer}: {m.titel}", m)) for m in moties]
    return stukken


def griffie_besluitvorming(vergadering) -> dict:
    """The griffie's overview of a meeting's decision-making. Six queries."""
    aanwezigheden = list(
        Aanwezigheid.objects.filter(vergadering=vergadering)
        .select_related("persoon", "fractie")
        .order_by("persoon__naam")
    )
    moties = list(
        Motie.objects.filter(vergadering=vergadering)
        .select_related("agendapunt")
        .prefetch_related(_indieners())
        .order_by("volgnummer")
    )
    amendementen = list(
        Amendement.objects.filter(vergadering=vergadering)
        .select_related("agendapunt", "raadsvoorstel__zaak", "hoofdamendement")
        .prefetch_related(_indieners())
        .order_by("volgnummer")
    )
    stemmingen = list(
        Stemming.objects.filter(vergadering=vergadering)
        .select_related("raadsvoorstel__zaak", "motie", "amendement", "vervangen_door")
        .prefetch_related(_stemmen_prefetch())
        .order_by("volgorde", "versie")
    )
    resultaten = [uitslag_van(s, aanwezigheden) for s in stemmingen]
    lijsten = list(Besluitenlijst.objects.filter(vergadering=vergadering).order_by("-versie"))
    return {
        "vergadering": vergadering,
        "aanwezigheden": aanwezigheden,
        "aantal_aanwezig": sum(1 for a in aanwezigheden if a.aanwezig),
        "moties": moties,
        "amendementen": amendementen,
        "uitslagen": resultaten,
        "besluitenlijsten": lijsten,
        "concept_stemmingen": any(s.status == "concept" for s in stemmingen),
    }


def stukken_voor_feed(*, aantal: int = 50) -> list:
    """The newest public moties and amendementen together, newest first. Four queries."""
    moties = list(Motie.objects.openbaar().prefetch_related(_indieners()).order_by("-created_at", "-id")[:aantal])
    amendementen = list(
        Amendement.objects.openbaar().prefetch_related(_indieners()).order_by("-created_at", "-id")[:aantal]
    )
    return sorted(moties + amendementen, key=lambda s: s.created_at, reverse=True)[:aantal]


# What other apps add to a motie's page, without moties depending on them (the motiemonitor of the registers
# app, for one): (template, function(motie) -> context) pairs, registered in their AppConfig.ready().
MOTIE_AANVULLINGEN: list[tuple[str, Callable]] = []


def registreer_motie_aanvulling(sjabloon: str, gegevens: Callable) -> None:
    MOTIE_AANVULLINGEN.append((sjabloon, gegevens))


def motie_aanvullingen(*, motie) -> list[tuple[str, dict]]:
    """The registered additions for a motie the visitor may see (each runs a fixed number of queries)."""
    return [(sjabloon, gegevens(motie)) for sjabloon, gegevens in MOTIE_AANVULLINGEN]
