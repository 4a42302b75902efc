from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import BijlageBase, Gremium, Onderwerp, PubliekRecord, VersionedModel, Vertrouwelijkheid, Zaak

from .query import MemoQuerySet


class Memo(PubliekRecord, VersionedModel):
    """Information from the college (or another body) to the council: memo, raadsinformatiebrief, ..."""

    class Soort(models.TextChoices):
        MEMO = "memo", _("memo")
        RAADSINFORMATIEBRIEF = "raadsinformatiebrief", _("raadsinformatiebrief")
        BEANTWOORDING_VRAGEN = "beantwoording_vragen", _("beantwoording vragen")
        PROCESVOORSTEL = "procesvoorstel", _("procesvoorstel")
        OVERIG = "overig", _("overig")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        DEFINITIEF = "definitief", _("definitief")

    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices, default=Soort.MEMO)
    aan = models.CharField(_("aan"), max_length=300)
    cc = models.CharField(_("cc"), max_length=300, blank=True)
    van = models.CharField(_("van"), max_length=300)
    datum = models.DateField(_("datum"))
    betreft = models.CharField(_("betreft"), max_length=500)
    kenmerk = models.CharField(_("kenmerk"), max_length=100, blank=True)
    tekst = models.TextField(_("tekst"), blank=True)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.PROTECT, null=True, blank=True, related_name="memos", verbose_name=_("zaak")
    )
    onderwerpen = models.ManyToManyField(Onderwerp, blank=True, related_name="memos", verbose_name=_("onderwerpen"))
    # The meeting whose questions this memo answers (seed 004). A string reference: the
    # agenda app links memo's to agenda items, the memo names the meeting that asked.
    beantwoordt_vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="beantwoordende_memos",
        verbose_name=_("beantwoordt vragen uit vergadering"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    versie = models.CharField(_("versie"), max_length=50, blank=True)
    opgesteld_door = models.CharField(_("opgesteld door"), max_length=200, blank=True)
    in_opdracht_van = models.CharField(_("in opdracht van"), max_length=200, blank=True)
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )

    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        verbose_name=_("oude versie van memo"),
        verbose_name_plural=_("oude versies van memo's"),
    )
    objects = MemoQuerySet.as_manager()

    class Meta:
        verbose_name = _("memo")
        verbose_name_plural = _("memo's")
        ordering = ["-datum", "-id"]
        indexes = [
            models.Index(fields=["-datum"], name="memo_datum_idx"),
            models.Index(fields=["status", "vertrouwelijkheid"], name="memo_status_vertr_idx"),
            models.Index(fields=["kenmerk"], name="memo_kenmerk_idx"),
            models.Index(fields=["soort"], name="memo_soort_idx"),
        ]

    def __str__(self):
        return f"{self.get_soort_display().capitalize()} {self.datum:%d-%m-%Y}: {self.betreft}"


class MemoBehandeling(models.Model):
    """One stop on the memo's route through bodies ("Te bespreken in", seed 002)."""

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="route", verbose_name=_("memo"))
    volgorde = models.PositiveIntegerField(_("volgorde"))
    gremium = models.ForeignKey(
        Gremium, on_delete=models.PROTECT, related_name="memo_behandelingen", verbose_name=_("gremium")
    )
    datum = models.DateField(_("datum"), null=True, blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("behandeling van memo")
        verbose_name_plural = _("route van memo's")
        ordering = ["volgorde"]
        constraints = [models.UniqueConstraint(fields=["memo", "volgorde"], name="memo_route_volgorde_uniek")]

    def __str__(self):
        return f"{self.gremium} {self.datum or ''}".strip()


class MemoBijlage(BijlageBase):
    ouder_veld = "memo"

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="bijlagen", verbose_name=_("memo"))

    class Meta(BijlageBase.Meta):
        verbose_name = _("bijlage bij memo")
        verbose_name_plural = _("bijlagen bij memo's")
        constraints = [models.UniqueConstraint(fields=["memo", "volgorde"], name="memo_bijlage_volgorde_uniek")]
