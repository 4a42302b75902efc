"""How a memo becomes a search document (registered in MemosConfig.ready())."""

from urllib.parse import urlencode

from django.urls import reverse

from apps.core.search import eerste_url


def memo_document(memo):
    if memo.status != "definitief":
        zichtbaarheid = "griffie"
    else:
        zichtbaarheid = "publiek" if memo.vertrouwelijkheid == "openbaar" else "raadslid"
    zaaknummer = memo.zaak.zaaknummer if memo.zaak_id else ""
    kandidaten = [("memos:detail", {"uuid": memo.uuid})]
    if zaaknummer:
        kandidaten.append(("portaal:zaak", {"zaaknummer": zaaknummer}))
    onderwerpen = list(memo.onderwerpen.all())
    if onderwerpen:
        kandidaten.append(("portaal:onderwerp", {"slug": onderwerpen[0].slug}))
    kop = [f"{memo.get_soort_display()}", f"Van: {memo.van}", f"Aan: {memo.aan}"]
    if memo.kenmerk:
        kop.append(f"Kenmerk: {memo.kenmerk}")
    return {
        "titel": memo.betreft,
        "tekst": "\n".join([*kop, "", memo.tekst]),
        "url": eerste_url(kandidaten, f"{reverse('portaal:zoeken')}?{urlencode({'q': memo.betreft[:100]})}"),
        "datum": memo.datum,
        "zaaknummer": zaaknummer,
        "zichtbaarheid": zichtbaarheid,
    }


def memos_voor_index():
    from .models import Memo

    return Memo.objects.select_related("zaak").prefetch_related("onderwerpen").order_by("pk")
