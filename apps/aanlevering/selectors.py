from django.db.models import Count

from .models import Aanlevering


def aanleveringen_lijst(*, status: str | None = None):
    qs = Aanlevering.objects.order_by("-id")  # primary key
    if status in Aanlevering.Status.values:
        qs = qs.filter(status=status)
    return qs


def aantallen_per_status() -> dict:
    rijen = Aanlevering.objects.values("status").annotate(n=Count("id")).order_by()
    aantallen = {status: 0 for status in Aanlevering.Status.values}
    aantallen.update({r["status"]: r["n"] for r in rijen})
    return aantallen
