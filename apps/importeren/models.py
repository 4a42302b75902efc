"""Bringing history in: import runs, what each input became, and where every imported record came from.

- ImportRun: one run (who, when, which source, the counts).
- Herkomst: the current state of one source record (source system + source id), with its content hash,
  original URL and the portal record it became. It is what makes a run idempotent and what the coverage
  report counts.
- ImportItem: what one run did with one input (a file or an NDJSON line), with the reason; the kept
  original file, its checksum, the extracted text and the imported fields for the review form.
- WachtendRecord: the raw Motion and Vote records, kept so a motion whose meeting is not in the portal yet
  is mapped by a later run, and so standalone votes find their motion.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.models import TimestampedModel


class Bron(models.TextChoices):
    DOCUMENTEN = "documenten", _("documenten (PDF, DOCX, ODT, tekst)")
    OPENBESLUITVORMING = "openbesluitvorming", _("OpenBesluitvorming-export")


class Soort(models.TextChoices):
    """The kind of source record; the coverage report counts per kind."""

    RAADSVOORSTEL = "raadsvoorstel", _("raadsvoorstel")
    RAADSBESLUIT = "raadsbesluit", _("raadsbesluit")
    MEMO = "memo", _("memo / raadsinformatiebrief")
    AGENDA = "agenda", _("agenda")
    BESLUITENLIJST = "besluitenlijst", _("besluitenlijst")
    VERGADERING = "vergadering", _("vergadering")
    AGENDAPUNT = "agendapunt", _("agendapunt")
    DOCUMENT = "document", _("document")
    PERSOON = "persoon", _("persoon")
    FRACTIE = "fractie", _("fractie")
    GREMIUM = "gremium", _("gremium")
    MOTIE = "motie", _("motie / amendement")
    STEMMING = "stemming", _("stemming")
    ONBEKEND = "onbekend", _("onbekend document")


class ImportRun(TimestampedModel):
    class Status(models.TextChoices):
        BEZIG = "bezig", _("bezig")
        VOLTOOID = "voltooid", _("voltooid")
        MISLUKT = "mislukt", _("mislukt (niets opgeslagen)")

    bron = models.CharField(_("soort bron"), max_length=30, choices=Bron.choices)
    bronnaam = models.CharField(_("bron"), max_length=500, help_text=_("Bestand, map of zip die is ingelezen."))
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gestart door"),
    )
    via = models.CharField(_("via"), max_length=30, default="pagina", help_text=_("pagina of commando"))
    gestart_op = models.DateTimeField(_("gestart op"), auto_now_add=True)
    beeindigd_op = models.DateTimeField(_("beëindigd op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.BEZIG)
    aangemaakt = models.PositiveIntegerField(_("aangemaakt"), default=0)
    bijgewerkt = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    overgeslagen = models.PositiveIntegerField(_("overgeslagen"), default=0)
    mislukt = models.PositiveIntegerField(_("mislukt"), default=0)
    verwijderd = models.PositiveIntegerField(_("verwijderd"), default=0)
    conflicten = models.PositiveIntegerField(_("conflicten"), default=0)
    melding = models.TextField(_("melding"), blank=True)

    class Meta:
        verbose_name = _("importrun")
        verbose_name_plural = _("importruns")
        ordering = ["-gestart_op", "-id"]
        indexes = [models.Index(fields=["-gestart_op"], name="importrun_gestart_idx")]

    def __str__(self):
        return f"{self.get_bron_display()}: {self.bronnaam} ({self.gestart_op:%d-%m-%Y %H:%M})"


class Herkomst(TimestampedModel):
    """One source record and what it is in the portal now (provenance)."""

    class Status(models.TextChoices):
        IN_PORTAAL = "in_portaal", _("in het portaal")
        ONTBREEKT = "ontbreekt", _("ontbreekt")
        WACHT = "wacht", _("wacht op vergadering of motie")
        VERWIJDERD = "verwijderd", _("verwijderd bij de bron")
        CONFLICT = "conflict", _("conflict met gepubliceerd besluit")

    bron_systeem = models.CharField(
        _("bronsysteem"), max_length=100, help_text=_("Bijv. 'documenten' of 'openbesluitvorming:soest'.")
    )
    bron_id = models.CharField(_("bron-id"), max_length=300, help_text=_("entity_id of de checksum van het bestand."))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    content_hash = models.CharField(_("inhoudshash"), max_length=100)
    original_url = models.URLField(_("oorspronkelijke URL"), max_length=1000, blank=True)
    titel = models.CharField(_("titel"), max_length=500, blank=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ONTBREEKT)
    reden = models.TextField(_("reden"), blank=True)
    vertrouwelijk = models.BooleanField(_("vertrouwelijk bij de bron"), default=False)
    record_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("soort record")
    )
    record_id = models.PositiveBigIntegerField(_("record-id"), null=True, blank=True)
    record = GenericForeignKey("record_type", "record_id")

    class Meta:
        verbose_name = _("herkomst")
        verbose_name_plural = _("herkomsten")
        ordering = ["bron_systeem", "bron_id"]
        constraints = [
            models.UniqueConstraint(fields=["bron_systeem", "bron_id"], name="herkomst_bron_uniek"),
        ]
        indexes = [
            models.Index(fields=["jaar", "soort", "status"], name="herkomst_dekking_idx"),
            models.Index(fields=["record_type", "record_id"], name="herkomst_record_idx"),
            models.Index(fields=["status"], name="herkomst_status_idx"),
        ]

    def __str__(self):
        return f"{self.bron_systeem} {self.bron_id}"


def bron_pad(instance, filename):
    import uuid

    return f"importeren/{uuid.uuid4().hex}.bin"


class ImportItem(TimestampedModel):
    """What one run did with one input (a file, or one NDJSON line)."""

    class Status(models.TextChoices):
        AANGEMAAKT = "aangemaakt", _("aangemaakt")
        BIJGEWERKT = "bijgewerkt", _("bijgewerkt")
        OVERGESLAGEN = "overgeslagen", _("overgeslagen (ongewijzigd)")
        MISLUKT = "mislukt", _("mislukt")
        VERWIJDERD = "verwijderd", _("verwijderd (tombstone)")
        CONFLICT = "conflict", _("conflict")
        WACHT = "wacht", _("wacht op vergadering of motie")

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="items", verbose_name=_("importrun"))
    herkomst = models.ForeignKey(
        Herkomst, on_delete=models.SET_NULL, null=True, blank=True, related_name="items", verbose_name=_("herkomst")
    )
    volgnummer = models.PositiveIntegerField(_("volgnummer"), default=0, help_text=_("Regel of bestand in de run."))
    naam = models.CharField(_("bestand of regel"), max_length=500)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.ONBEKEND)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    reden = models.TextField(_("reden"), blank=True)
    bestand = models.FileField(_("oorspronkelijk bestand"), upload_to=bron_pad, max_length=300, blank=True)
    mimetype = models.CharField(_("bestandstype"), max_length=120, blank=True)
    checksum = models.CharField(_("SHA-256"), max_length=64, blank=True)
    brontekst = models.TextField(_("brontekst"), blank=True)
    velden = models.JSONField(_("geïmporteerde velden"), default=dict, blank=True)
    record_versie = models.PositiveIntegerField(
        _("versie van het record na import"), null=True, blank=True, help_text=_("Hoger in het record = beoordeeld.")
    )

    class Meta:
        verbose_name = _("importitem")
        verbose_name_plural = _("importitems")
        ordering = ["run", "volgnummer", "id"]
        indexes = [
            models.Index(fields=["run", "status"], name="importitem_run_status_idx"),
            models.Index(fields=["status", "-created_at"], name="importitem_status_idx"),
        ]

    def __str__(self):
        return f"{self.naam}: {self.get_status_display()}"


class WachtendRecord(TimestampedModel):
    """A raw Motion or Vote record; `verwerkt` once it is mapped into a Motie."""

    bron_systeem = models.CharField(_("bronsysteem"), max_length=100)
    bron_id = models.CharField(_("bron-id"), max_length=300)
    entity_type = models.CharField(_("soort"), max_length=30)
    content_hash = models.CharField(_("inhoudshash"), max_length=100)
    payload = models.JSONField(_("ruwe gegevens"), default=dict)
    verwerkt = models.BooleanField(_("verwerkt"), default=False)
    run = models.ForeignKey(
        ImportRun, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("laatste run")
    )

    class Meta:
        verbose_name = _("wachtend record")
        verbose_name_plural = _("wachtende records")
        ordering = ["bron_systeem", "bron_id"]
        constraints = [models.UniqueConstraint(fields=["bron_systeem", "bron_id"], name="wachtend_bron_uniek")]
        indexes = [models.Index(fields=["entity_type", "verwerkt"], name="wachtend_soort_idx")]

    def __str__(self):
        return f"{self.entity_type} {self.bron_id}"
