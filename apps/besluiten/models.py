from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.fouten import VastgelegdFout
from apps.core.models import Persoon, PubliekRecord, VersionedModel, Vertrouwelijkheid, Zaak

from .query import DICTUM_MELDING, EENMALIG, GEPUBLICEERD_MELDING, BesluitQuerySet, DictumQuerySet, leeg


def raadsbesluit_pad(instance, filename):
    return f"raadsbesluiten/{instance.zaak.zaaknummer}-v{instance.versie}-{instance.uuid.hex[:8]}.pdf"


class Besluit(PubliekRecord, VersionedModel):
    """A decision of the council. Once published it never changes; a rectificatie supersedes it."""

    class Uitkomst(models.TextChoices):
        AANGENOMEN = "aangenomen", _("aangenomen")
        GEAMENDEERD_AANGENOMEN = "geamendeerd_aangenomen", _("geamendeerd aangenomen")
        VERWORPEN = "verworpen", _("verworpen")
        AANGEHOUDEN = "aangehouden", _("aangehouden")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    class Stemming(models.TextChoices):
        UNANIEM = "unaniem", _("unaniem (zonder stemming)")
        STEMMEN = "stemmen", _("met stemming (voor/tegen)")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        VASTGESTELD = "vastgesteld", _("vastgesteld")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")

    zaak = models.ForeignKey(Zaak, on_delete=models.PROTECT, related_name="besluiten", verbose_name=_("zaak"))
    raadsvoorstel = models.ForeignKey(
        "raadsvoorstellen.Raadsvoorstel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("raadsvoorstel"),
    )
    vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("vergadering"),
    )
    agendapunt = models.ForeignKey(
        "vergaderagenda.Agendapunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten",
        verbose_name=_("agendapunt"),
    )
    titel = models.CharField(_("titel"), max_length=500)
    uitkomst = models.CharField(_("uitkomst"), max_length=30, choices=Uitkomst.choices, blank=True)
    stemming = models.CharField(_("stemming"), max_length=20, choices=Stemming.choices, default=Stemming.UNANIEM)
    stemmen_voor = models.PositiveIntegerField(_("stemmen voor"), null=True, blank=True)
    stemmen_tegen = models.PositiveIntegerField(_("stemmen tegen"), null=True, blank=True)
    griffier = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten_griffier",
        verbose_name=_("griffier"),
    )
    voorzitter = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="besluiten_voorzitter",
        verbose_name=_("voorzitter"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    versie = models.PositiveIntegerField(_("versie"), default=1)
    vervangt = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervangen_door",
        verbose_name=_("rectificatie van"),
    )
    rectificatie_reden = models.TextField(_("reden van rectificatie"), blank=True)
    pdf = models.FileField(_("PDF raadsbesluit"), upload_to=raadsbesluit_pad, max_length=300, blank=True)
    pdf_sha256 = models.CharField(
        _("SHA-256 van de PDF"),
        max_length=64,
        blank=True,
        default="",
        db_default="",  # rows written by COPY (the scale generator) or raw SQL too
        editable=False,
        help_text=_("Vastgelegd bij publicatie."),
    )
    publicatie_gegevens = models.JSONField(
        _("gegevens bij publicatie"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Alles wat het raadsbesluit vermeldt, vastgelegd op het moment van publiceren."),
    )

    VASTGELEGD_LIDWOORD = "dit"

    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        verbose_name=_("oude versie van besluit"),
        verbose_name_plural=_("oude versies van besluiten"),
    )
    objects = BesluitQuerySet.as_manager()

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["-gepubliceerd_op", "-id"]
        indexes = [
            models.Index(fields=["status", "vertrouwelijkheid", "-gepubliceerd_op"], name="besluit_publiek_idx"),
            models.Index(fields=["uitkomst"], name="besluit_uitkomst_idx"),
            models.Index(fields=["vergadering"], name="besluit_vergadering_idx"),
            # The list's order (-gepubliceerd_op, -id), for the public and for raadsleden, and per uitkomst:
            # keyset pages read 25 index entries at any page number (apps/core/paginering.py).
            models.Index(
                fields=["-gepubliceerd_op", "-id"],
                condition=Q(status="gepubliceerd", vertrouwelijkheid="openbaar"),
                name="besluit_lijst_publiek_idx",
            ),
            models.Index(
                fields=["-gepubliceerd_op", "-id"], condition=Q(status="gepubliceerd"), name="besluit_lijst_idx"
            ),
            models.Index(
                fields=["uitkomst", "vertrouwelijkheid", "-gepubliceerd_op", "-id"],
                condition=Q(status="gepubliceerd"),
                name="besluit_lijst_uitkomst_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["zaak", "versie"], name="besluit_zaak_versie_uniek"),
            models.CheckConstraint(
                condition=Q(status="concept") | ~Q(uitkomst=""),
                name="besluit_uitkomst_bij_vaststellen",
                violation_error_message=_("Een vastgesteld besluit heeft een uitkomst."),
            ),
            models.CheckConstraint(
                condition=~Q(status="gepubliceerd") | Q(gepubliceerd_op__isnull=False),
                name="besluit_publicatiedatum",
                violation_error_message=_("Een gepubliceerd besluit heeft een publicatiedatum."),
            ),
        ]

    def __str__(self):
        return f"{self.zaak.zaaknummer} — {self.titel}" if self.zaak_id else self.titel

    @property
    def is_gepubliceerd(self):
        return self.status == self.Status.GEPUBLICEERD

    def save(self, *args, **kwargs):
        """Refuse every change of a published besluit, except setting a missing PDF, checksum or snapshot once."""
        opgeslagen = self._opgeslagen()
        if opgeslagen is not None:
            for veld in self._meta.concrete_fields:
                if veld.name == "updated_at":
                    continue
                oud, nieuw = opgeslagen[veld.attname], veld.get_prep_value(getattr(self, veld.attname))
                if veld.name == "pdf":
                    nieuw = self.pdf.name or ""
                if oud == nieuw or (veld.name in EENMALIG and leeg(oud)):
                    continue
                raise VastgelegdFout(GEPUBLICEERD_MELDING, veld=veld.name)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_vastgelegd():
            raise VastgelegdFout(GEPUBLICEERD_MELDING)
        return super().delete(*args, **kwargs)

    def is_vastgelegd(self) -> bool:
        """Stored as published: nothing of it may change any more (see BesluitQuerySet for the queryset side)."""
        if self.pk is None or self._state.adding:
            return False
        return type(self)._base_manager.filter(pk=self.pk, status=self.Status.GEPUBLICEERD).exists()

    def _opgeslagen(self) -> dict | None:
        if self.pk is None or self._state.adding:
            return None
        return type(self)._base_manager.filter(pk=self.pk, status=self.Status.GEPUBLICEERD).values().first()


class DictumPunt(models.Model):
    """One operative line of the decision ("b e s l u i t: ..."), in order."""

    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="dictum", verbose_name=_("besluit"))
    volgorde = models.PositiveIntegerField(_("volgorde"))
    tekst = models.TextField(_("tekst"))

    objects = DictumQuerySet.as_manager()

    class Meta:
        verbose_name = _("dictumpunt")
        verbose_name_plural = _("dictum")
        ordering = ["volgorde"]
        constraints = [models.UniqueConstraint(fields=["besluit", "volgorde"], name="dictum_volgorde_uniek")]

    def __str__(self):
        return self.tekst[:80]

    def save(self, *args, **kwargs):
        if self._besluit_vergrendeld(nieuw=self._state.adding):
            raise VastgelegdFout(DICTUM_MELDING)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._besluit_vergrendeld(nieuw=False):
            raise VastgelegdFout(DICTUM_MELDING)
        return super().delete(*args, **kwargs)

    def _besluit_vergrendeld(self, *, nieuw: bool) -> bool:
        """Published: an existing line never changes; a new one only while the besluit has no PDF yet (import)."""
        rij = Besluit._base_manager.filter(pk=self.besluit_id).values("status", "pdf").first()
        if rij is None or rij["status"] != Besluit.Status.GEPUBLICEERD:
            return False
        return not nieuw or rij["pdf"] != ""
