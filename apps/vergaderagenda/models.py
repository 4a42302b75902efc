from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import BijlageBase, Gremium, Onderwerp, PubliekRecord, VersionedModel, Zaak
from apps.core.vastlegging import VastgelegdModel

from .query import AgendapuntQuerySet, VergaderingQuerySet


class Vergadering(VastgelegdModel, PubliekRecord, VersionedModel):
    # What a published raadsbesluit states about the meeting ("besloten in de openbare raadsvergadering van ...").
    VASTGELEGDE_VELDEN = ("datum", "soort", "openbaar", "gremium")

    class Soort(models.TextChoices):
        RAADSVERGADERING = "raadsvergadering", _("raadsvergadering")
        INFORMATIEAVOND = "informatieavond", _("informatieavond")
        UITWISSELING = "uitwisseling", _("uitwisseling")
        BEELDVORMENDE_SESSIE = "beeldvormende_sessie", _("beeldvormende sessie")
        COMMISSIE = "commissie", _("commissievergadering")
        THEMABIJEENKOMST = "themabijeenkomst", _("themabijeenkomst")
        OVERLEG = "overleg", _("overleg")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")
        GEHOUDEN = "gehouden", _("gehouden")
        GEANNULEERD = "geannuleerd", _("geannuleerd")

    gremium = models.ForeignKey(
        Gremium, on_delete=models.PROTECT, related_name="vergaderingen", verbose_name=_("gremium")
    )
    soort = models.CharField(_("soort"), max_length=30, choices=Soort.choices, default=Soort.RAADSVERGADERING)
    titel = models.CharField(_("titel"), max_length=300)
    datum = models.DateField(_("datum"))
    aanvang = models.TimeField(_("aanvang"), null=True, blank=True)
    einde = models.TimeField(_("einde"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=300, blank=True)
    openbaar = models.BooleanField(_("openbaar"), default=True, help_text=_("Uit = besloten vergadering."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    toelichting = models.TextField(_("toelichting"), blank=True)

    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        verbose_name=_("oude versie van vergadering"),
        verbose_name_plural=_("oude versies van vergaderingen"),
    )
    objects = VergaderingQuerySet.as_manager()

    class Meta:
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        ordering = ["datum", "aanvang", "id"]
        indexes = [
            models.Index(fields=["datum", "aanvang"], name="verg_datum_idx"),
            models.Index(fields=["gremium", "datum"], name="verg_gremium_datum_idx"),
            models.Index(fields=["soort", "datum"], name="verg_soort_datum_idx"),
            models.Index(fields=["status", "openbaar", "datum"], name="verg_zichtbaar_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(aanvang__isnull=True) | Q(einde__gt=F("aanvang")),
                name="vergadering_einde_na_aanvang",
                violation_error_message=_("Het einde van de vergadering moet na de aanvang liggen."),
            )
        ]

    def __str__(self):
        return f"{self.titel} ({self.datum:%d-%m-%Y})"


class Agendapunt(VastgelegdModel, PubliekRecord, VersionedModel):
    # The agenda item a published besluit was taken on keeps its place, number and records.
    VASTGELEGD_LIDWOORD = "dit"
    VASTGELEGDE_VELDEN = ("vergadering", "volgorde", "volgnummer", "zaak", "raadsvoorstel")

    class Behandeling(models.TextChoices):
        HAMERSTUK = "hamerstuk", _("hamerstuk")
        BESPREEKSTUK = "bespreekstuk", _("bespreekstuk")
        INFORMATIEF = "informatief", _("informatief")

    vergadering = models.ForeignKey(
        Vergadering, on_delete=models.CASCADE, related_name="agendapunten", verbose_name=_("vergadering")
    )
    volgorde = models.PositiveIntegerField(_("volgorde"))
    volgnummer = models.CharField(
        _("agendapuntnummer"),
        max_length=20,
        blank=True,
        help_text=_("Bijvoorbeeld 2a. Leeg laten: het nummer is de plaats op de agenda en schuift mee."),
    )
    volgnummer_automatisch = models.BooleanField(
        _("nummer volgt de volgorde"),
        default=True,
        db_default=True,  # rows written by COPY (the scale generator) or raw SQL too
        help_text=_("Aan: het nummer is de plaats op de agenda en schuift mee. Uit: de griffie typte het nummer."),
    )
    titel = models.CharField(_("titel"), max_length=500)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    aanvang = models.TimeField(_("aanvang"), null=True, blank=True)
    einde = models.TimeField(_("einde"), null=True, blank=True)
    behandeling = models.CharField(
        _("behandeling"), max_length=20, choices=Behandeling.choices, default=Behandeling.BESPREEKSTUK
    )
    besloten = models.BooleanField(_("besloten"), default=False)
    zaak = models.ForeignKey(
        Zaak, on_delete=models.SET_NULL, null=True, blank=True, related_name="agendapunten", verbose_name=_("zaak")
    )
    raadsvoorstel = models.ForeignKey(
        "raadsvoorstellen.Raadsvoorstel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("raadsvoorstel"),
    )
    memos = models.ManyToManyField("memos.Memo", blank=True, related_name="agendapunten", verbose_name=_("memo's"))
    onderwerpen = models.ManyToManyField(
        Onderwerp, blank=True, related_name="agendapunten", verbose_name=_("onderwerpen")
    )

    history = HistoricalRecords(
        excluded_fields=["updated_at"],
        m2m_fields=[memos],
        verbose_name=_("oude versie van agendapunt"),
        verbose_name_plural=_("oude versies van agendapunten"),
    )
    objects = AgendapuntQuerySet.as_manager()

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["vergadering", "volgorde"]
        indexes = [models.Index(fields=["zaak"], name="ap_zaak_idx")]
        constraints = [
            models.UniqueConstraint(fields=["vergadering", "volgorde"], name="agendapunt_volgorde_uniek"),
            models.CheckConstraint(
                condition=Q(einde__isnull=True) | Q(aanvang__isnull=True) | Q(einde__gt=F("aanvang")),
                name="agendapunt_einde_na_aanvang",
                violation_error_message=_("Het einde van het agendapunt moet na de aanvang liggen."),
            ),
        ]

    def __str__(self):
        return f"{self.volgnummer} {self.titel}".strip()


class AgendapuntBijlage(BijlageBase):
    ouder_veld = "agendapunt"

    agendapunt = models.ForeignKey(
        Agendapunt, on_delete=models.CASCADE, related_name="bijlagen", verbose_name=_("agendapunt")
    )

    class Meta(BijlageBase.Meta):
        verbose_name = _("bijlage bij agendapunt")
        verbose_name_plural = _("bijlagen bij agendapunten")
        constraints = [models.UniqueConstraint(fields=["agendapunt", "volgorde"], name="ap_bijlage_volgorde_uniek")]
