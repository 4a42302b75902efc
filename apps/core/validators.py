import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def valideer_zaaknummer(value):
    """Check a zaaknummer against the municipality's configured pattern (ZAAKNUMMER_PATROON)."""
    if not isinstance(value, str) or not re.fullmatch(settings.ZAAKNUMMER_PATROON, value.strip()):
        raise ValidationError(
            _("'%(value)s' is geen geldig zaaknummer. Een zaaknummer ziet eruit als %(voorbeeld)s."),
            code="ongeldig_zaaknummer",
            params={"value": str(value)[:40], "voorbeeld": settings.ZAAKNUMMER_VOORBEELD},
        )
