"""Reads for the shared model."""

import datetime

from django.apps import apps
from django.db.models import CharField, Value

from .models import BijlageBase, Onderwerp, Persoon, Rol


def ambtsdrager(*, soort: str, op: datetime.date | None = None) -> Persoon | None:
    """The person holding an office (griffier, burgemeester, ...) on a date (default today)."""
    op = op or datetime.date.today()
    rol = Rol.objects.op_datum(op).filter(soort=soort).select_related("persoon").order_by("-begindatum").first()
    return rol.persoon if rol else None


def onderwerpen_lijst():
    return Onderwerp.objects.order_by("naam")


def onderwerpen_boom() -> list[tuple[Onderwerp, list[Onderwerp]]]:
    """Main subjects with their sub-subjects, alphabetically; one query."""
    alle = list(Onderwerp.objects.order_by("naam"))
    kinderen: dict[int, list[Onderwerp]] = {}
    for onderwerp in alle:
        if onderwerp.parent_id:
            kinderen.setdefault(onderwerp.parent_id, []).append(onderwerp)
    bekend = {o.pk for o in alle}
    return [(o, kinderen.get(o.pk, [])) for o in alle if not o.parent_id or o.parent_id not in bekend]


def bijlage_modellen() -> list[type[BijlageBase]]:
    """Every concrete bijlage model of the installed apps (core names none of them)."""
    return [m for m in apps.get_models() if issubclass(m, BijlageBase)]


def bijlage_vinden(*, uuid, user=None) -> BijlageBase | None:
    """The bijlage with this uuid, with its record; with `user`, only when that user may see it."""
    for model in bijlage_modellen():
        bijlagen = model.objects.select_related(model.ouder_veld)
        if user is not None:
            bijlagen = bijlagen.zichtbaar_voor(user)
        bijlage = bijlagen.filter(uuid=uuid).first()
        if bijlage is not None:
            return bijlage
    return None


#: The columns of a bijlage that a list of documents shows (templates/includes/bijlage_regel.html: title, download
#: link, type, size, confidentiality) and its order.
_BIJLAGE_KOLOMMEN = ("id", "uuid", "titel", "volgorde", "bestand", "mimetype", "grootte", "vertrouwelijkheid")


def zichtbare_bijlagen_per_ouder(
    *, user, ouders: dict[type[BijlageBase], list[int]]
) -> dict[tuple[type[BijlageBase], int], list[BijlageBase]]:
    """The bijlagen `user` may see of records of several kinds, in one query (a UNION), each in its order.

    `ouders` maps a bijlage model to the ids of its records (e.g. {MemoBijlage: memo_ids}); the answer maps
    (model, record id) to that record's bijlagen, as instances with the listed columns only. A page that shows the
    documents of agenda items, their voorstellen and memo's reads them with one query instead of one per kind
    (issue 14: each prefetch's query was built and compiled on every request).
    """
    delen = [
        model.objects.zichtbaar_voor(user)
        .filter(**{f"{model.ouder_veld}_id__in": ids})
        .annotate(bijlage_soort=Value(model._meta.label_lower, output_field=CharField()))
        .order_by()
        .values_list("bijlage_soort", f"{model.ouder_veld}_id", *_BIJLAGE_KOLOMMEN)
        for model, ids in ouders.items()
        if ids
    ]
    if not delen:
        return {}
    modellen = {model._meta.label_lower: model for model in ouders}
    per_ouder: dict[tuple[type[BijlageBase], int], list[BijlageBase]] = {}
    rijen = delen[0].union(*delen[1:], all=True) if len(delen) > 1 else delen[0]
    for soort, ouder_id, *waarden in rijen:
        model = modellen[soort]
        rij = dict(zip(_BIJLAGE_KOLOMMEN, waarden, strict=True), **{f"{model.ouder_veld}_id": ouder_id})
        # from_db takes the values in the order of the model's fields; the others stay deferred
        namen = [f.attname for f in model._meta.concrete_fields if f.attname in rij]
        bijlage = model.from_db(rijen.db, namen, [rij[naam] for naam in namen])
        per_ouder.setdefault((model, ouder_id), []).append(bijlage)
    for bijlagen in per_ouder.values():
        bijlagen.sort(key=lambda b: (b.volgorde, b.pk))
    return per_ouder
