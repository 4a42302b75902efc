"""How a memo becomes a search document (registered in MemosConfig.ready())."""

from urllib.parse import urlencode

from django.urls import reverse


def memo_document(memo):
    if memo.status != "definitief":
        zichtbaarheid = "griffie"
    else:
        zichtbaarheid = "publiek" if memo.vertrouwelijkheid == "openbaar" else "raadslid"
    zaaknummer = memo.zaak.zaaknummer if memo.zaak_id else ""
    # A memo has no page of its own: the zaak's timeline, else the first subject's, else a search for the subject.
    onderwerpen = list(memo.onderwerpen.all())
    if zaaknummer:
        url = reverse("portaal:zaak", kwargs={"zaaknummer": zaaknummer})
    elif onderwerpen:
        url = reverse("portaal:onderwerp", kwargs={"slug": onderwerpen[0].slug})
    else:
        url = f"{reverse('portaal:zoeken')}?{urlencode({'q': memo.betreft[:100]})}"
    kop = [f"{memo.get_soort_display()}", f"Van: {memo.van}", f"Aan: {memo.aan}"]
    if memo.kenmerk:
        kop.append(f"Kenmerk: {memo.kenmerk}")
    return {
        "titel": memo.betreft,
        "tekst": "\n".join([*kop, "", memo.tekst]),
        "url": url,
        "datum": memo.datum,
        "zaaknummer": zaaknummer,
        "zichtbaarheid": zichtbaarheid,
    }


def memos_voor_index():
    from .models import Memo

    return Memo.objects.select_related("zaak").prefetch_related("onderwerpen").order_by("pk")
