"""Every delivery to Open Overheid (the mini-ORI delivery API), as a queue and as the record the griffie sees."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Aanlevering(models.Model):
    class Soort(models.TextChoices):
        VERGADERING = "vergadering", _("vergadering")
        AGENDAPUNT = "agendapunt", _("agendapunt")
        INFORMATIEOBJECT = "informatieobject", _("informatieobject")

    class Methode(models.TextChoices):
        POST = "POST", _("nieuw (POST)")
        PUT = "PUT", _("wijziging (PUT)")
        DELETE = "DELETE", _("intrekking (DELETE)")

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("wachtend")
        AFGELEVERD = "afgeleverd", _("afgeleverd")
        MISLUKT = "mislukt", _("mislukt")
        VERVALLEN = "vervallen", _("vervallen")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    uuid = models.UUIDField(_("record"), help_text=_("Het record in het portaal waarvan de inhoud wordt aangeleverd."))
    extern_id = models.CharField(
        _("aangeleverd als"),
        max_length=100,
        help_text=_("De uuid waaronder het record is aangeleverd (bij een rectificatie die van de eerste versie)."),
    )
    ontvangen_id = models.CharField(_("id bij Open Overheid"), max_length=100, blank=True)
    methode = models.CharField(_("methode"), max_length=10, choices=Methode.choices)
    reden = models.CharField(_("reden (X-Reason)"), max_length=500, blank=True)
    titel = models.CharField(_("titel"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    statuscode = models.PositiveIntegerField(_("laatste HTTP-status"), null=True, blank=True)
    melding = models.TextField(_("laatste melding"), blank=True)
    pid = models.CharField(_("pid van Open Overheid"), max_length=500, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanlevering")
        verbose_name_plural = _("aanleveringen")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["status", "volgende_poging", "id"], name="aanl_wachtrij_idx"),
            models.Index(fields=["uuid", "id"], name="aanl_record_idx"),
            models.Index(fields=["extern_id", "methode", "status"], name="aanl_extern_idx"),
        ]

    def __str__(self):
        return f"{self.methode} {self.soort} {self.extern_id} ({self.status})"
