"""What goes into an ORI-A export: public meetings and, per meeting, what an anonymous visitor may see of it.

The same visibility as the open-data API (anonymous, `.openbaar()`), so concept, besloten and vertrouwelijke
records never reach an archive package made here; each meeting costs a fixed number of queries."""

import datetime

from django.db.models import Prefetch

from apps.besluiten.models import DictumPunt
from apps.besluiten.selectors import huidige_besluiten
from apps.memos.models import Memo, MemoBijlage
from apps.openori.selectors import ANONIEM
from apps.raadsvoorstellen.models import Raadsvoorstel, RaadsvoorstelBijlage
from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering


def _openbare_bijlagen(model):
    return model.objects.filter(vertrouwelijkheid="openbaar").exclude(bestand="").order_by("volgorde", "id")


def vergaderingen_in_periode(*, van: datetime.date | None = None, tot: datetime.date | None = None):
    """Public meetings from `van` up to and including `tot`, in date order (index verg_datum_idx)."""
    qs = Vergadering.objects.openbaar().select_related("gremium").order_by("datum", "aanvang", "id")
    if van:
        qs = qs.filter(datum__gte=van)
    if tot:
        qs = qs.filter(datum__lte=tot)
    return qs


def vergadering_op_uuid(uuid) -> Vergadering | None:
    return vergaderingen_in_periode().filter(uuid=uuid).first()


def vergadering_inhoud(vergadering: Vergadering) -> dict:
    """The public agenda items of a meeting with their public documents, and the current public besluiten."""
    voorstellen = Raadsvoorstel.objects.openbaar().select_related("zaak")
    voorstellen = voorstellen.prefetch_related(
        Prefetch("bijlagen", queryset=_openbare_bijlagen(RaadsvoorstelBijlage), to_attr="oria_bijlagen")
    )
    memos = Memo.objects.openbaar().prefetch_related(
        Prefetch("bijlagen", queryset=_openbare_bijlagen(MemoBijlage), to_attr="oria_bijlagen")
    )
    agendapunten = list(
        Agendapunt.objects.zichtbaar_voor(ANONIEM)
        .filter(vergadering=vergadering)
        .order_by("volgorde")
        .prefetch_related(
            Prefetch("raadsvoorstel", queryset=voorstellen, to_attr="oria_voorstel"),
            Prefetch("memos", queryset=memos.order_by("datum", "id"), to_attr="oria_memos"),
            Prefetch("bijlagen", queryset=_openbare_bijlagen(AgendapuntBijlage), to_attr="oria_bijlagen"),
        )
    )
    besluiten = list(
        huidige_besluiten(user=ANONIEM)
        .filter(vergadering=vergadering)
        .select_related("zaak", "raadsvoorstel")
        .prefetch_related(Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde"), to_attr="oria_dictum"))
        .order_by("id")
    )
    return {"agendapunten": agendapunten, "besluiten": besluiten, **besluitvorming(vergadering, agendapunten)}


def besluitvorming(vergadering: Vergadering, agendapunten: list) -> dict:
    """The public stemmingen of the meeting (on its public agenda items) with their results per fractie and votes
    per member, and the presence list (only when there is a public stemming or the meeting is public anyway)."""
    from apps.moties.models import Aanwezigheid, Stemming
    from apps.moties.selectors import uitslagen_van_qs

    punten = [p.pk for p in agendapunten]
    stemmingen = (
        Stemming.objects.openbaar()
        .geldend()
        .filter(vergadering=vergadering, agendapunt_id__in=punten)
        .select_related("agendapunt", "motie", "amendement", "raadsvoorstel")
        .order_by("volgorde", "id")
    )
    aanwezigheden = list(
        Aanwezigheid.objects.filter(vergadering=vergadering)
        .select_related("persoon", "fractie", "rol")
        .order_by("persoon__naam", "id")
    )
    return {"uitslagen": uitslagen_van_qs(stemmingen), "aanwezigheden": aanwezigheden}
