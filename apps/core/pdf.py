"""Render a template to PDF (after Open Forms utils/pdf.py).

WeasyPrint is imported inside the function so that start-up stays fast, and the
caller passes an explicit base_url for static files (fonts, css).
"""

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict, *, base_url: str | None = None, **write_options) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 - deliberately lazy

    html = render_to_string(template_name, context)
    base_url = base_url or str(settings.BASE_DIR / "static")
    return HTML(string=html, base_url=base_url).write_pdf(**write_options)
