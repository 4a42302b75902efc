from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import BijlageBase, Persoon, PubliekRecord, VersionedModel, Vertrouwelijkheid, Zaak
from apps.core.vastlegging import VastgelegdModel

from .query import RaadsvoorstelQuerySet


class Raadsvoorstel(VastgelegdModel, PubliekRecord, VersionedModel):
    """A proposal of the college to the council (seed 001). What a published besluit rests on is locked."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        AANGEBODEN = "aangeboden", _("aangeboden")
        GEAGENDEERD = "geagendeerd", _("geagendeerd")
        BESLOTEN = "besloten", _("besloten")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    zaak = models.OneToOneField(Zaak, on_delete=models.PROTECT, related_name="raadsvoorstel", verbose_name=_("zaak"))
    titel = models.CharField(_("onderwerp"), max_length=500)
    college_besluitdatum = models.DateField(
        _("datum collegebesluit"), null=True, blank=True, help_text=_("De datum waarop het college het voorstel deed.")
    )
    datum_raadsvergadering = models.DateField(
        _("datum raadsvergadering"),
        null=True,
        blank=True,
        help_text=_("De vergadering waarvoor het voorstel bedoeld is."),
    )
    portefeuillehouder = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="raadsvoorstellen_portefeuille",
        verbose_name=_("portefeuillehouder"),
    )
    voorstel = models.TextField(_("voorstel"), blank=True)
    aanleiding = models.TextField(_("aanleiding"), blank=True)
    doel_effect = models.TextField(_("doel / effect"), blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    argumenten = models.TextField(_("argumenten"), blank=True)
    tegenargumenten = models.TextField(_("tegenargumenten / alternatieve scenario's"), blank=True)
    risicos = models.TextField(_("risico's"), blank=True)
    plan_van_aanpak = models.TextField(_("plan van aanpak / tijdsplanning"), blank=True)
    communicatie = models.TextField(_("communicatie"), blank=True)
    financiele_consequenties = models.TextField(_("financiële consequenties"), blank=True)
    directeur_secretaris = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="raadsvoorstellen_secretaris",
        verbose_name=_("directeur-secretaris"),
    )
    burgemeester = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="raadsvoorstellen_burgemeester",
        verbose_name=_("burgemeester"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )

    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        verbose_name=_("oude versie van raadsvoorstel"),
        verbose_name_plural=_("oude versies van raadsvoorstellen"),
    )
    objects = RaadsvoorstelQuerySet.as_manager()

    VASTGELEGD_LIDWOORD = "dit"
    VASTGELEGDE_VELDEN = (
        "zaak",
        "titel",
        "college_besluitdatum",
        "datum_raadsvergadering",
        "portefeuillehouder",
        "status",
        "vertrouwelijkheid",
        "voorstel",
        "aanleiding",
        "doel_effect",
        "toelichting",
        "argumenten",
        "tegenargumenten",
        "risicos",
        "plan_van_aanpak",
        "communicatie",
        "financiele_consequenties",
        "directeur_secretaris",
        "burgemeester",
    )

    SECTIES = [
        "voorstel",
        "aanleiding",
        "doel_effect",
        "toelichting",
        "argumenten",
        "tegenargumenten",
        "risicos",
        "plan_van_aanpak",
        "communicatie",
        "financiele_consequenties",
    ]

    class Meta:
        verbose_name = _("raadsvoorstel")
        verbose_name_plural = _("raadsvoorstellen")
        ordering = ["-datum_raadsvergadering", "-id"]
        indexes = [
            models.Index(fields=["status", "vertrouwelijkheid"], name="rv_status_vertr_idx"),
            models.Index(fields=["-datum_raadsvergadering"], name="rv_datum_raad_idx"),
            models.Index(fields=["college_besluitdatum"], name="rv_datum_college_idx"),
        ]

    def __str__(self):
        return f"{self.zaak.zaaknummer} — {self.titel}" if self.zaak_id else self.titel

    def secties(self):
        """(label, text) of every filled section, in the document's order."""
        return [(self._meta.get_field(n).verbose_name, getattr(self, n)) for n in self.SECTIES if getattr(self, n)]


class Beslispunt(models.Model):
    """One point of the ontwerpbesluit, in order."""

    raadsvoorstel = models.ForeignKey(
        Raadsvoorstel, on_delete=models.CASCADE, related_name="beslispunten", verbose_name=_("raadsvoorstel")
    )
    volgorde = models.PositiveIntegerField(_("volgorde"))
    tekst = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("beslispunt")
        verbose_name_plural = _("beslispunten")
        ordering = ["volgorde"]
        constraints = [models.UniqueConstraint(fields=["raadsvoorstel", "volgorde"], name="beslispunt_volgorde_uniek")]

    def __str__(self):
        return self.tekst[:80]


class RaadsvoorstelBijlage(BijlageBase):
    ouder_veld = "raadsvoorstel"

    raadsvoorstel = models.ForeignKey(
        Raadsvoorstel, on_delete=models.CASCADE, related_name="bijlagen", verbose_name=_("raadsvoorstel")
    )

    class Meta(BijlageBase.Meta):
        verbose_name = _("bijlage bij raadsvoorstel")
        verbose_name_plural = _("bijlagen bij raadsvoorstellen")
        constraints = [models.UniqueConstraint(fields=["raadsvoorstel", "volgorde"], name="rv_bijlage_volgorde_uniek")]
