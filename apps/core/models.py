"""The shared part of the decision model: bodies, persons, subjects and zaken.

core depends on no other app of the portal. Domain nouns are Dutch, plumbing English.
"""

import uuid
from typing import ClassVar

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .query import BijlageQuerySet, OnderwerpQuerySet, RolQuerySet, ZaakQuerySet
from .validators import valideer_zaaknummer
from .vastlegging import VastgelegdModel
from .weergave import keuze_weergave


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    _get_FIELD_display = keuze_weergave  # get_<veld>_display() without rebuilding the choices per call

    class Meta:
        abstract = True


class PubliekRecord(TimestampedModel):
    """A record that the open-data API (mini-ORI) identifies by a stable UUID."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        abstract = True


class VersionedModel(models.Model):
    """Optimistic locking: forms carry `version`; a save with a stale one is refused."""

    version = models.PositiveIntegerField(_("versie (technisch)"), default=1, editable=False)

    class Meta:
        abstract = True


class Vertrouwelijkheid(models.TextChoices):
    OPENBAAR = "openbaar", _("openbaar")
    VERTROUWELIJK = "vertrouwelijk", _("vertrouwelijk")


class Gremium(PubliekRecord):
    """A body that meets: gemeenteraad, college, a commissie, or a body of another organisation."""

    class Soort(models.TextChoices):
        GEMEENTERAAD = "gemeenteraad", _("gemeenteraad")
        COLLEGE = "college", _("college van B&W")
        COMMISSIE = "commissie", _("commissie")
        PRESIDIUM = "presidium", _("presidium / agendacommissie")
        EXTERN = "extern", _("orgaan van een andere organisatie")

    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.GEMEENTERAAD)
    organisatie = models.CharField(
        _("organisatie"), max_length=200, blank=True, help_text=_("Leeg voor de eigen gemeente.")
    )

    class Meta:
        verbose_name = _("gremium")
        verbose_name_plural = _("gremia")
        ordering = ["naam"]

    def __str__(self):
        return f"{self.naam} ({self.organisatie})" if self.organisatie else self.naam


class Persoon(PubliekRecord):
    naam = models.CharField(_("naam"), max_length=200, help_text=_("Zoals ondertekend, bijv. 'P.J. Kiel'."))
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        blank=True,
        db_default="",  # bulk loads (COPY) that leave the column out get an empty slug, not NULL
        help_text=_("Het adres van de openbare persoonspagina (/personen/<slug>/). Leeg: geen pagina."),
    )

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["naam"]
        indexes = [models.Index(fields=["naam"], name="persoon_naam_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["slug"],
                condition=~Q(slug=""),
                name="persoon_slug_uniek",
                violation_error_message=_("Er is al een persoon met dit adres (slug)."),
            )
        ]

    def __str__(self):
        return self.naam


class Fractie(PubliekRecord):
    """A group of council members of one party or list, over a period (ORI Fractie).

    When a fractie splits or renames, the old one ends (einddatum) and points to its `opvolger`.
    """

    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    gremium = models.ForeignKey(
        Gremium,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="fracties",
        verbose_name=_("gremium"),
        help_text=_("De raad waarin de fractie zit."),
    )
    begindatum = models.DateField(_("begindatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    opvolger = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="voorgangers",
        verbose_name=_("opgevolgd door"),
        help_text=_("Bij een splitsing of naamswijziging: de fractie die deze opvolgt."),
    )

    class Meta:
        verbose_name = _("fractie")
        verbose_name_plural = _("fracties")
        ordering = ["naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(begindatum__isnull=True) | Q(einddatum__gte=F("begindatum")),
                name="fractie_einde_na_begin",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            ),
            models.CheckConstraint(
                condition=Q(opvolger__isnull=True) | ~Q(opvolger=F("id")),
                name="fractie_niet_eigen_opvolger",
                violation_error_message=_("Een fractie kan niet haar eigen opvolger zijn."),
            ),
        ]

    def __str__(self):
        return self.naam

    @property
    def korte_naam(self):
        return self.afkorting or self.naam


class Rol(TimestampedModel):
    """A role of a person over a period: wethouder with portefeuille, griffier, raadslid of a fractie, ...

    This is also the membership over time (ORI FractieLidmaatschap, ORI-A rolnaam): a raadslid, commissielid
    or burgerlid role in a gremium with its `fractie` and dates; `fractievoorzitter` marks the chair of the
    fractie in that period.
    """

    class Soort(models.TextChoices):
        BURGEMEESTER = "burgemeester", _("burgemeester")
        WETHOUDER = "wethouder", _("wethouder")
        GRIFFIER = "griffier", _("griffier")
        DIRECTEUR_SECRETARIS = "directeur_secretaris", _("directeur-secretaris")
        RAADSLID = "raadslid", _("raadslid")
        COMMISSIELID = "commissielid", _("commissielid")
        BURGERLID = "burgerlid", _("burgerlid")
        VOORZITTER = "voorzitter", _("voorzitter")
        AMBTENAAR = "ambtenaar", _("ambtenaar")
        OVERIG = "overig", _("overig")

    persoon = models.ForeignKey(Persoon, on_delete=models.CASCADE, related_name="rollen", verbose_name=_("persoon"))
    soort = models.CharField(_("rol"), max_length=30, choices=Soort.choices)
    gremium = models.ForeignKey(
        Gremium, on_delete=models.PROTECT, null=True, blank=True, related_name="rollen", verbose_name=_("gremium")
    )
    portefeuille = models.CharField(_("portefeuille"), max_length=300, blank=True)
    fractie = models.ForeignKey(
        Fractie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lidmaatschappen",
        verbose_name=_("fractie"),
    )
    fractievoorzitter = models.BooleanField(_("fractievoorzitter"), default=False, db_default=False)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    objects = RolQuerySet.as_manager()

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        ordering = ["soort", "-begindatum"]
        indexes = [
            models.Index(fields=["soort", "begindatum", "einddatum"], name="rol_soort_periode_idx"),
            models.Index(fields=["gremium", "soort", "begindatum"], name="rol_gremium_periode_idx"),
            models.Index(fields=["fractie", "begindatum"], name="rol_fractie_periode_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="rol_einde_na_begin",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            )
        ]

    def __str__(self):
        extra = self.portefeuille or (self.fractie.naam if self.fractie_id else "")
        return f"{self.persoon} — {self.get_soort_display()}" + (f" ({extra})" if extra else "")


class Onderwerp(PubliekRecord):
    naam = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    beschrijving = models.TextField(_("beschrijving"), blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subonderwerpen",
        verbose_name=_("hoofdonderwerp"),
    )

    objects = OnderwerpQuerySet.as_manager()

    class Meta:
        verbose_name = _("onderwerp")
        verbose_name_plural = _("onderwerpen")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Zaak(VastgelegdModel, PubliekRecord):
    """The case that ties a proposal, its memo's, the agenda items and the besluit together.

    Its zaaknummer is part of a published besluit's address and text: locked once one exists."""

    VASTGELEGDE_VELDEN = ("zaaknummer",)

    zaaknummer = models.CharField(
        _("zaaknummer"),
        max_length=30,
        unique=True,
        validators=[valideer_zaaknummer],
        help_text=_("Bijvoorbeeld L275141."),
    )
    titel = models.CharField(_("titel"), max_length=500)
    titel_door_griffie = models.BooleanField(
        _("titel door de griffie vastgesteld"),
        default=False,
        db_default=False,  # rows written by COPY (the scale generator) or raw SQL too
        help_text=_(
            "Aan: bezoekers zien deze titel. Uit: de titel komt uit de stukken van de zaak die de bezoeker mag "
            "zien (een vertrouwelijk stuk geeft nooit een openbare titel)."
        ),
    )
    onderwerpen = models.ManyToManyField(Onderwerp, blank=True, related_name="zaken", verbose_name=_("onderwerpen"))

    objects = ZaakQuerySet.as_manager()

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-zaaknummer"]

    def __str__(self):
        return f"{self.zaaknummer} — {self.titel}"


class Zaaknummerreeks(models.Model):
    """The last number handed out per prefix. Locked with SELECT ... FOR UPDATE when numbering."""

    prefix = models.CharField(_("voorvoegsel"), max_length=10, unique=True)
    laatste = models.PositiveIntegerField(_("laatst uitgegeven nummer"), default=0, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("zaaknummerreeks")
        verbose_name_plural = _("zaaknummerreeksen")

    def __str__(self):
        return f"{self.prefix}: {self.laatste}"


def bijlage_pad(instance, filename):
    """A safe generated storage name; the original name is kept in `bestandsnaam`."""
    ext = {
        "application/pdf": "pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.oasis.opendocument.text": "odt",
    }.get(instance.mimetype, "bin")
    return f"bijlagen/{instance._meta.app_label}/{uuid.uuid4().hex}.{ext}"


class BijlageBase(PubliekRecord):
    """An attachment (PDF, DOCX or ODT) of a voorstel, memo or agenda item, in a fixed order.

    A concrete bijlage names the foreign key to the record it belongs to in `ouder_veld`; its visibility
    follows that record's rule (BijlageQuerySet.zichtbaar_voor).
    """

    ouder_veld: ClassVar[str]

    titel = models.CharField(_("titel"), max_length=300)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=1)
    bestand = models.FileField(_("bestand"), upload_to=bijlage_pad, max_length=300, blank=True)
    bestandsnaam = models.CharField(_("oorspronkelijke bestandsnaam"), max_length=255, blank=True)
    mimetype = models.CharField(_("bestandstype"), max_length=120, blank=True)
    grootte = models.PositiveBigIntegerField(_("grootte in bytes"), default=0)
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )

    objects = BijlageQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["volgorde"]

    def __str__(self):
        return self.titel

    @property
    def ouder(self):
        """The record this bijlage belongs to."""
        return getattr(self, self.ouder_veld)

    @property
    def downloadnaam(self) -> str:
        """The name a download gets: the stored original without control or bidi characters, always with
        the extension of the detected type (also for records stored before that rule)."""
        from .bijlagen import veilige_bestandsnaam

        return veilige_bestandsnaam(self.bestandsnaam or self.titel or "bijlage", self.mimetype)

    @property
    def type_label(self):
        return {
            "application/pdf": "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
            "application/vnd.oasis.opendocument.text": "ODT",
        }.get(self.mimetype, "")


class Zoekdocument(models.Model):
    """One row of the portal's search index: a denormalised copy of a searchable record.

    Filled by apps.core.search from the builders the domain apps register. `zichtbaarheid`
    is the lowest role that may see the record; `zoekvector` (PostgreSQL only) is the stored
    tsvector (config dutch_unaccent) with a GIN index made in the migration; `zoektekst` is
    the normalised text of the SQLite fallback (left empty on PostgreSQL).
    """

    class Soort(models.TextChoices):
        BESLUIT = "besluit", _("besluit")
        RAADSVOORSTEL = "raadsvoorstel", _("raadsvoorstel")
        MEMO = "memo", _("memo")
        AGENDAPUNT = "agendapunt", _("agendapunt")
        MOTIE = "motie", _("motie")
        AMENDEMENT = "amendement", _("amendement")
        # The griffie's registers (issue 17)
        TOEZEGGING = "toezegging", _("toezegging")
        MOTIEOPVOLGING = "motieopvolging", _("motiemonitor")
        INGEKOMEN_STUK = "ingekomen_stuk", _("ingekomen stuk")
        SCHRIFTELIJKE_VRAAG = "schriftelijke_vraag", _("schriftelijke vragen")
        LANGETERMIJN = "langetermijn", _("lange termijnagenda")

    class Zichtbaarheid(models.TextChoices):
        PUBLIEK = "publiek", _("iedereen")
        RAADSLID = "raadslid", _("raadsleden en griffie")
        GRIFFIE = "griffie", _("alleen de griffie")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    object_id = models.BigIntegerField(_("id van het record"))
    titel = models.CharField(_("titel"), max_length=500)
    tekst = models.TextField(_("tekst"), blank=True)
    url = models.CharField(_("adres"), max_length=300)
    datum = models.DateField(_("datum"), null=True, blank=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"), null=True, blank=True)
    zaaknummer = models.CharField(_("zaaknummer"), max_length=30, blank=True)
    zichtbaarheid = models.CharField(_("zichtbaar voor"), max_length=20, choices=Zichtbaarheid.choices)
    zoekvector = SearchVectorField(_("zoekvector"), null=True, blank=True, editable=False)
    zoektekst = models.TextField(_("genormaliseerde tekst"), blank=True, editable=False)
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    _get_FIELD_display = keuze_weergave  # get_soort_display() once per search result row

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        ordering = ["-datum", "-id"]
        constraints = [models.UniqueConstraint(fields=["soort", "object_id"], name="zoekdocument_record_uniek")]
        indexes = [
            models.Index(fields=["zichtbaarheid", "-datum", "-id"], name="zoekdoc_zicht_datum_idx"),
            models.Index(fields=["soort", "zichtbaarheid", "-datum"], name="zoekdoc_soort_datum_idx"),
            models.Index(fields=["jaar", "zichtbaarheid"], name="zoekdoc_jaar_idx"),
            models.Index(fields=["zaaknummer"], name="zoekdoc_zaaknummer_idx"),
        ]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.titel}"
