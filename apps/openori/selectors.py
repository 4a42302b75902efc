"""Every read of the open-data API (mini-ORI). Only public data, whoever asks.

The API must never vary by session, so every queryset here uses the anonymous view of visibility
(`.openbaar()` / `.zichtbaar_voor(AnonymousUser())`), also when the request comes from a logged-in user.
Each list is ordered by indexed columns; related records come with select_related/prefetch_related,
so a page costs the same number of queries whatever its size.
"""

import uuid as uuidlib

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q

from apps.besluiten.selectors import huidige_besluiten
from apps.memos.models import Memo, MemoBijlage
from apps.moties.models import Amendement, Indiener, Motie
from apps.raadsvoorstellen.models import Raadsvoorstel, RaadsvoorstelBijlage
from apps.registers import selectors as registers
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering

ANONIEM = AnonymousUser()


def geldige_uuid(waarde: str) -> uuidlib.UUID | None:
    try:
        return uuidlib.UUID(str(waarde))
    except (ValueError, TypeError, AttributeError):
        return None


# --- Vergaderingen and agendapunten ------------------------------------------


def _openbare_vergaderingen():
    return Vergadering.objects.openbaar()


def _openbare_agendapunten():
    return Agendapunt.objects.zichtbaar_voor(ANONIEM)


def vergaderingen_lijst(*, gewijzigd_sinds=None):
    """Public meetings, oldest first (index verg_datum_idx on datum, aanvang); with `gewijzigd_sinds` only
    those changed at or after that moment."""
    qs = _openbare_vergaderingen().select_related("gremium").order_by("datum", "aanvang", "id")
    if gewijzigd_sinds is not None:
        qs = qs.filter(updated_at__gte=gewijzigd_sinds)
    return qs


def vergadering_op_uuid(waarde: str) -> Vergadering | None:
    sleutel = geldige_uuid(waarde)
    if sleutel is None:
        return None
    return vergaderingen_lijst().filter(uuid=sleutel).first()


def agendapunten_lijst(*, gewijzigd_sinds=None):
    """Public agenda items of public meetings, per meeting in agenda order
    (the unique index on vergadering, volgorde). An item counts as changed when it or its meeting changed."""
    qs = _openbare_agendapunten().select_related("vergadering").order_by("vergadering_id", "volgorde")
    if gewijzigd_sinds is not None:
        qs = qs.filter(Q(updated_at__gte=gewijzigd_sinds) | Q(vergadering__updated_at__gte=gewijzigd_sinds))
    return qs


def agendapunt_op_uuid(waarde: str) -> Agendapunt | None:
    sleutel = geldige_uuid(waarde)
    if sleutel is None:
        return None
    return agendapunten_lijst().filter(uuid=sleutel).first()


# --- Informatieobjecten ------------------------------------------------------

BESLUIT = "raadsbesluit"
RAADSVOORSTEL = "raadsvoorstel"
MEMO = "memo"
BIJLAGE_RAADSVOORSTEL = "bijlage_raadsvoorstel"
BIJLAGE_MEMO = "bijlage_memo"
BIJLAGE_AGENDAPUNT = "bijlage_agendapunt"
MOTIE = "motie"
AMENDEMENT = "amendement"


def _agendapunten_prefetch(pad: str):
    return Prefetch(
        pad,
        queryset=_openbare_agendapunten().select_related("vergadering").order_by("vergadering__datum", "volgorde"),
        to_attr="api_agendapunten",
    )


def _besluiten():
    """The current public besluiten; a version a published rectificatie replaced stays out."""
    return (
        huidige_besluiten(user=ANONIEM)
        .select_related("zaak")
        .prefetch_related(
            Prefetch("vergadering", queryset=_openbare_vergaderingen(), to_attr="api_vergadering"),
            Prefetch(
                "agendapunt", queryset=_openbare_agendapunten().select_related("vergadering"), to_attr="api_agendapunt"
            ),
        )
    )


def _raadsvoorstellen():
    return (
        Raadsvoorstel.objects.openbaar()
        .select_related("zaak", "portefeuillehouder")
        .prefetch_related(_agendapunten_prefetch("agendapunten"))
    )


def _memos():
    return Memo.objects.openbaar().select_related("zaak").prefetch_related(_agendapunten_prefetch("agendapunten"))


def _openbare_bijlagen(model):
    """Openbare bijlagen of public records (BijlageQuerySet follows the record's rule) that have a file."""
    return model.objects.openbaar().exclude(bestand="")


def _bijlagen_raadsvoorstel():
    return _openbare_bijlagen(RaadsvoorstelBijlage).select_related("raadsvoorstel")


def _bijlagen_memo():
    return _openbare_bijlagen(MemoBijlage).select_related("memo")


def _bijlagen_agendapunt():
    return _openbare_bijlagen(AgendapuntBijlage).select_related("agendapunt", "agendapunt__vergadering")


def _ingediend(model):
    """Public moties / amendementen with their indieners and (public) agendapunt, linked like the spec's
    informatieobjecttype motie / amendement."""
    return (
        model.objects.openbaar()
        .select_related("vergadering")
        .prefetch_related(
            Prefetch("indieners", queryset=Indiener.objects.select_related("persoon", "fractie").order_by("volgorde")),
            Prefetch(
                "agendapunt", queryset=_openbare_agendapunten().select_related("vergadering"), to_attr="api_agendapunt"
            ),
        )
    )


# The griffie's registers, each read as an anonymous visitor.
TOEZEGGING = "toezegging"
MOTIEOPVOLGING = "motieopvolging"
INGEKOMEN_STUK = "ingekomen_stuk"
SCHRIFTELIJKE_VRAAG = "schriftelijke_vraag"
LANGETERMIJN = "langetermijn"


def _register(naam):
    def maak():
        basis, _filterset = registers.LIJSTEN[naam]
        return basis(user=ANONIEM)

    return maak


def _moties():
    return _ingediend(Motie)


def _amendementen():
    return _ingediend(Amendement)


# Per kind: the relation(s) whose change also changes the published record (a bijlage shows its parent).
OUDERS = {
    BESLUIT: (),
    RAADSVOORSTEL: (),
    MEMO: (),
    BIJLAGE_RAADSVOORSTEL: ("raadsvoorstel",),
    BIJLAGE_MEMO: ("memo",),
    BIJLAGE_AGENDAPUNT: ("agendapunt", "agendapunt__vergadering"),
    MOTIE: (),
    AMENDEMENT: (),
    TOEZEGGING: (),
    MOTIEOPVOLGING: ("motie",),
    INGEKOMEN_STUK: (),
    SCHRIFTELIJKE_VRAAG: (),
    LANGETERMIJN: (),
}


def _gewijzigd_sinds(soort: str, qs, moment):
    voorwaarde = Q(updated_at__gte=moment)
    for ouder in OUDERS[soort]:
        voorwaarde |= Q(**{f"{ouder}__updated_at__gte": moment})
    return qs.filter(voorwaarde)


# In this order the list shows them; within each kind by primary key (indexed), so new ones come last.
BRONNEN = [
    (BESLUIT, _besluiten),
    (RAADSVOORSTEL, _raadsvoorstellen),
    (MEMO, _memos),
    (BIJLAGE_RAADSVOORSTEL, _bijlagen_raadsvoorstel),
    (BIJLAGE_MEMO, _bijlagen_memo),
    (BIJLAGE_AGENDAPUNT, _bijlagen_agendapunt),
    (MOTIE, _moties),
    (AMENDEMENT, _amendementen),
    (TOEZEGGING, _register("toezeggingen")),
    (MOTIEOPVOLGING, _register("motiemonitor")),
    (INGEKOMEN_STUK, _register("ingekomen-stukken")),
    (SCHRIFTELIJKE_VRAAG, _register("schriftelijke-vragen")),
    (LANGETERMIJN, _register("lange-termijnagenda")),
]


class Informatieobjecten:
    """The public documents of every kind as one ordered sequence of (soort, record) that a Django
    Paginator can page through: one COUNT per kind, then only the slices a page needs."""

    ordered = True

    def __init__(self, *, gewijzigd_sinds=None, filter=None):
        """`filter(soort, qs)` may narrow a kind's queryset or return None to leave the kind out."""
        self._bronnen = []
        for soort, maak in BRONNEN:
            qs = maak().order_by("pk")
            if gewijzigd_sinds is not None:
                qs = _gewijzigd_sinds(soort, qs, gewijzigd_sinds)
            if filter is not None and (qs := filter(soort, qs)) is None:
                continue
            self._bronnen.append((soort, qs))
        self._aantallen = None

    def _tellen(self):
        if self._aantallen is None:
            self._aantallen = [qs.count() for _, qs in self._bronnen]
        return self._aantallen

    def count(self):
        return sum(self._tellen())

    def __len__(self):
        return self.count()

    def __getitem__(self, deel):
        if not isinstance(deel, slice) or deel.step not in (None, 1):
            raise TypeError("Informatieobjecten kan alleen in aaneengesloten stukken worden gelezen.")
        begin = max(deel.start or 0, 0)
        einde = self.count() if deel.stop is None else deel.stop
        resultaat: list = []
        offset = 0
        for (soort, qs), aantal in zip(self._bronnen, self._tellen(), strict=True):
            van, tot = max(begin - offset, 0), min(einde - offset, aantal)
            if van < tot:
                resultaat.extend((soort, record) for record in qs[van:tot])
            offset += aantal
            if offset >= einde:
                break
        return resultaat


def informatieobject_op_uuid(waarde: str) -> tuple[str, object] | None:
    sleutel = geldige_uuid(waarde)
    if sleutel is None:
        return None
    for soort, maak in BRONNEN:
        record = maak().filter(uuid=sleutel).first()
        if record is not None:
            return soort, record
    return None
