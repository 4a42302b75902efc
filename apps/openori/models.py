"""What the open-data outputs have made public: one trace (Spoor) per record that was ever public.

The trace outlives the record's public life: when a record becomes hidden, is withdrawn or deleted, or is replaced
by a rectificatie, its trace becomes a tombstone (verborgen_op, and the successor's uuid when there is one). The
API answers a tombstone's uuid with 410 and a pointer to the successor and lists tombstones for harvesters; the
delivery to Open Overheid reads the same changes (new, changed, gone).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Spoor(models.Model):
    class Soort(models.TextChoices):
        VERGADERING = "vergadering", _("vergadering")
        AGENDAPUNT = "agendapunt", _("agendapunt")
        INFORMATIEOBJECT = "informatieobject", _("informatieobject")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    uuid = models.UUIDField(_("UUID"), unique=True)
    openbaar_sinds = models.DateTimeField(_("openbaar sinds"))
    gewijzigd_op = models.DateTimeField(_("laatst gewijzigd"))
    verborgen_op = models.DateTimeField(_("niet meer openbaar sinds"), null=True, blank=True)
    opvolger = models.UUIDField(_("vervangen door"), null=True, blank=True)

    class Meta:
        verbose_name = _("openbaarheidsspoor")
        verbose_name_plural = _("openbaarheidssporen")
        indexes = [models.Index(fields=["verborgen_op", "id"], name="spoor_verborgen_idx")]

    def __str__(self):
        return f"{self.soort} {self.uuid}"
