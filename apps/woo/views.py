"""The DiWoo sitemaps of the Woo-index (standaarden.overheid.nl/diwoo/metadata): robots.txt names the sitemap
index sitemapindex-diwoo-infocat008.xml (category 2c, vergaderstukken decentrale overheden), which lists sitemaps of
at most 50,000 entries. Each entry's <loc> is the file itself (the PDF, or the bijlage as uploaded), with lastmod
and the DiWoo metadata block: publisher (TOOI), title, category c_db4862c3, document type, dates, format.
"""

import datetime

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_page

from apps.core.gemeente import huidige_gemeente
from apps.openori.serializers import WOO_VERGADERSTUKKEN_DECENTRALE_OVERHEDEN, persistente_url

from . import selectors

TOOI_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
# TOOI kern thesaurus, soort handeling "ontvangst": the moment the stuk went to the council.
HANDELING_ONTVANGST = "c_dfcee535"
BESTANDSTYPEN = {  # EU file-type authority (the DiWoo format resource)
    "application/pdf": "PDF",
    "application/vnd.oasis.opendocument.text": "ODT",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/msword": "DOC",
    "application/vnd.oasis.opendocument.spreadsheet": "ODS",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
    "application/vnd.ms-excel": "XLS",
    "application/vnd.oasis.opendocument.presentation": "ODP",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
    "text/plain": "TXT",
    "text/csv": "CSV",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
}
DOCUMENTSOORTEN = {
    "raadsbesluit": "raadsbesluit",
    "raadsvoorstel": "raadsvoorstel",
    "bijlage": "bijlage",
    "memo": "memo",
    "raadsinformatiebrief": "raadsinformatiebrief",
    "beantwoording_vragen": "beantwoording van vragen",
    "procesvoorstel": "procesvoorstel",
}
XML = "application/xml; charset=utf-8"


def _infocat_of_404(infocat: str):
    if infocat not in selectors.INFOCAT.values():
        raise Http404("Deze informatiecategorie publiceert dit portaal niet.")


@cache_page(600)
def sitemapindex(request, infocat):
    _infocat_of_404(infocat)
    sitemaps = [
        persistente_url(reverse("woo:sitemap", kwargs={"infocat": infocat, "nummer": n}))
        for n in range(1, selectors.aantal_sitemaps() + 1)
    ]
    return render(request, "woo/sitemapindex.xml", {"sitemaps": sitemaps, "nu": timezone.now()}, content_type=XML)


def _document(obj: dict) -> dict:
    formaat = obj.get("formaat", "")
    bestandstype = BESTANDSTYPEN.get(formaat, "")
    return {
        **obj,
        "lastmod": datetime.datetime.fromisoformat(obj["gewijzigd_op"]),
        "bestandstype": bestandstype,
        "documentsoort": DOCUMENTSOORTEN.get(obj.get("informatieobjecttype", ""), "vergaderstuk"),
        "creatiedatum": (obj.get("creatiedatum") or obj["datumingediend"])[:10],
    }


@cache_page(600)
def sitemap(request, infocat, nummer):
    _infocat_of_404(infocat)
    documenten = selectors.sitemap_documenten(nummer)
    if documenten is None:
        raise Http404("Deze sitemap bestaat niet.")
    context = {
        "documenten": [_document(obj) for obj in documenten],
        "gemeente": huidige_gemeente(),
        "categorie": TOOI_KERN + WOO_VERGADERSTUKKEN_DECENTRALE_OVERHEDEN,
        "handeling": TOOI_KERN + HANDELING_ONTVANGST,
    }
    return render(request, "woo/sitemap.xml", context, content_type=XML)
