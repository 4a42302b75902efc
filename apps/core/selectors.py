"""Reads for the shared model."""

import datetime

from django.apps import apps

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
