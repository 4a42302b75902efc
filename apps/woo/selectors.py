"""What the Woo-index harvests: every public, published informatieobject of the open-data API, as one document per
file, in the API's stable order. The same selectors as mini-ORI (anonymous visibility), so concept, besloten and
vertrouwelijke records never appear, and a record that becomes hidden is gone at the next generation."""

import math

from django.conf import settings

from apps.openori.selectors import Informatieobjecten
from apps.openori.serializers import WOO_VERGADERSTUKKEN_DECENTRALE_OVERHEDEN, InformatieObjectSerializer

# The Woo information categories in the order of Woo art. 3.3 (the Woo-index numbers its sitemap indexes by it):
# 8 = 2c "vergaderstukken decentrale overheden".
INFOCAT = {WOO_VERGADERSTUKKEN_DECENTRALE_OVERHEDEN: "008"}


def per_sitemap() -> int:
    return max(1, min(settings.DIWOO_SITEMAP_MAX, 50_000))  # the sitemap protocol's limit


def aantal_sitemaps() -> int:
    return max(1, math.ceil(Informatieobjecten().count() / per_sitemap()))


def sitemap_documenten(nummer: int) -> list[dict] | None:
    """The documents of sitemap `nummer` (from 1) in the shape of the API's informatieobject (absolute urls from
    PORTAAL_BASIS_URL); None when there is no such sitemap."""
    if nummer < 1 or nummer > aantal_sitemaps():
        return None
    grootte = per_sitemap()
    paren = Informatieobjecten()[(nummer - 1) * grootte : nummer * grootte]
    documenten = InformatieObjectSerializer(paren, many=True, context={}).data
    return [d for d in documenten if d.get("bestandslink")]  # the Woo-index harvests files only
