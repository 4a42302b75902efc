from django.db import models
from django.utils.translation import gettext_lazy as _


class CacheGeneratie(models.Model):
    """One row: the generation of the anonymous page cache. Every change to the portal's data raises it,
    so every page cached before the change is skipped (see apps/paginacache/middleware.py)."""

    nummer = models.PositiveBigIntegerField(_("generatie"), default=0)

    class Meta:
        verbose_name = _("generatie van de paginacache")
        verbose_name_plural = _("generaties van de paginacache")
        # The table kept its name when the model moved here from the portaal app.
        db_table = "portaal_cachegeneratie"

    def __str__(self):
        return str(self.nummer)
