"""Every read of besluiten a view needs."""

from django.db.models import Prefetch

from .models import Besluit, DictumPunt


def laatste_besluiten(*, user, aantal: int = 5):
    return list(
        Besluit.objects.zichtbaar_voor(user)
        .filter(status="gepubliceerd", vervangen_door__isnull=True)
        .select_related("zaak", "vergadering")
        .prefetch_related(Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde")))
        .order_by("-gepubliceerd_op", "-id")[:aantal]
    )


def besluiten_lijst(*, user):
    return (
        Besluit.objects.zichtbaar_voor(user)
        .filter(status="gepubliceerd", vervangen_door__isnull=True)
        .select_related("zaak", "vergadering")
        .order_by("-gepubliceerd_op", "-id")
    )
