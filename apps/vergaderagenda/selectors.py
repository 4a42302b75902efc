"""Every read of meetings and agenda items a view needs."""

import datetime

from django.utils import timezone

from .models import Vergadering


def komende_vergaderingen(*, user, vanaf: datetime.date | None = None, aantal: int = 5):
    vanaf = vanaf or timezone.localdate()
    return list(
        Vergadering.objects.zichtbaar_voor(user)
        .filter(datum__gte=vanaf)
        .exclude(status="geannuleerd")
        .select_related("gremium")
        .order_by("datum", "aanvang", "id")[:aantal]
    )


def vergaderingen_lijst(*, user):
    return Vergadering.objects.zichtbaar_voor(user).select_related("gremium").order_by("-datum", "aanvang", "id")
