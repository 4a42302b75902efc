"""Render a template to PDF (after Open Forms utils/pdf.py).

WeasyPrint is imported inside the function so that start-up stays fast, and the
caller passes an explicit base_url for static files (fonts, css). Only local files
(and data: URLs) may be fetched while rendering: a template can never make the
server reach out to the network.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

# PDF/A-2a: archival, tagged (structure tree, MarkInfo), Lang from <html lang>, fonts embedded.
PDF_A_2A = {"pdf_variant": "pdf/a-2a", "pdf_tags": True}


def render_pdf(template_name: str, context: dict, *, base_url: str | None = None, **write_options) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(template_name, context)
    base_url = base_url or str(settings.BASE_DIR / "static")
    if not base_url.endswith("/") and "://" not in base_url:
        base_url += "/"  # a folder: relative urls resolve inside it, not next to it
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(**write_options)


def opgeslagen_pdf(*, pad: str, maak) -> str:
    """The stored PDF at `pad` in the default storage, rendered with `maak()` and stored first when it is
    missing. The caller puts the record's version in `pad`, so a changed record gets a new file and an
    unchanged one is never rendered twice."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    if not default_storage.exists(pad):
        pad = default_storage.save(pad, ContentFile(maak()))
    return pad
