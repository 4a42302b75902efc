"""Moties, amendementen, the presence list and the stemmingen of a meeting.

Designed to export without reshaping to the ORI API 2.0 (Stemming, Stem, StemresultaatPerFractie,
Indiener, motietype), ORI-A (stemming per fractie and per present member, besluitresultaat) and the
openbesluitvorming Motion/Vote schemas:

- `Aanwezigheid` is a row of the presence list: every member of the gremium at the meeting's date, present
  or not, with the membership (Rol) and fractie of that date. ORI-A's aanwezigeDeelnemer.
- `Stem` is one member's choice in one `Stemming` (ORI Stem: aanwezigeDeelnemer + keuzeStemming); it
  points to the member's presence row, so only a present member can vote and only once.
- Totals and the result per fractie are derived from the Stem rows (selectors), never typed.
- A published Stemming, its Stem rows, the presence list it rests on and a published Besluitenlijst are
  permanent (services, forms, admin and, on PostgreSQL, triggers); a correction is a rectificatie.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from apps.core.fouten import VastgelegdFout
from apps.core.models import Fractie, Persoon, PubliekRecord, Rol, VersionedModel, Vertrouwelijkheid
from apps.core.weergave import keuze_weergave

from .query import (
    VAST_MELDING,
    AanwezigheidQuerySet,
    AmendementQuerySet,
    BesluitenlijstQuerySet,
    MotieQuerySet,
    StemmingQuerySet,
    StemQuerySet,
)


class VastModel(models.Model):
    """save() and delete() refuse a stored row its queryset's `vast` names (published, or what a published stemming
    rests on): the guard below the services, forms and admin, on every database."""

    _get_FIELD_display = keuze_weergave  # apps.core.weergave

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._is_vast():
            raise VastgelegdFout(VAST_MELDING)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._is_vast():
            raise VastgelegdFout(VAST_MELDING)
        return super().delete(*args, **kwargs)

    def _is_vast(self) -> bool:
        if self.pk is None or self._state.adding:
            return False
        return type(self)._default_manager.filter(pk=self.pk).heeft_vaste()


class Indieningsstatus(models.TextChoices):
    CONCEPT = "concept", _("concept (nog niet ingediend)")
    INGEDIEND = "ingediend", _("ingediend")
    INGETROKKEN = "ingetrokken", _("ingetrokken")
    AANGEHOUDEN = "aangehouden", _("aangehouden")
    AANGENOMEN = "aangenomen", _("aangenomen")
    VERWORPEN = "verworpen", _("verworpen")


class Nummerreeks(models.Model):
    """The last number handed out per soort (motie, amendement) and year; locked when numbering."""

    soort = models.CharField(_("soort"), max_length=20)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    laatste = models.PositiveIntegerField(_("laatst uitgegeven nummer"), default=0)

    class Meta:
        verbose_name = _("nummerreeks")
        verbose_name_plural = _("nummerreeksen")
        constraints = [models.UniqueConstraint(fields=["soort", "jaar"], name="nummerreeks_soort_jaar_uniek")]

    def __str__(self):
        return f"{self.soort} {self.jaar}: {self.laatste}"


class Ingediend(PubliekRecord, VersionedModel):
    """What a motie and an amendement share: a number per year, indieners, the meeting and agenda item."""

    nummer = models.CharField(_("nummer"), max_length=30, unique=True)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    volgnummer = models.PositiveIntegerField(_("volgnummer"))
    titel = models.CharField(_("titel"), max_length=300)
    vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        related_name="%(class)sen",
        verbose_name=_("vergadering"),
    )
    agendapunt = models.ForeignKey(
        "vergaderagenda.Agendapunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)sen",
        verbose_name=_("agendapunt"),
        help_text=_("Het agendapunt waarbij het is ingediend."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Indieningsstatus.choices, default=Indieningsstatus.INGEDIEND
    )
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )
    ingediend_op = models.DateField(_("ingediend op"))
    pdf = models.FileField(_("PDF (geüpload)"), upload_to="moties/", max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["-jaar", "-volgnummer"]

    def __str__(self):
        return f"{self.nummer} — {self.titel}"


class Motie(Ingediend):
    class Motietype(models.TextChoices):
        # Values of ORI MotieType; "overig" is ORI's default.
        OVERIG = "overig", _("gewone motie")
        VOORSTEL = "voorstel", _("motie bij een voorstel")
        VREEMD = "vreemd", _("motie vreemd aan de orde van de dag")
        TREURNIS = "treurnis", _("motie van treurnis")
        AFKEURING = "afkeuring", _("motie van afkeuring")
        WANTROUWEN = "wantrouwen", _("motie van wantrouwen")

    vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering", on_delete=models.PROTECT, related_name="moties", verbose_name=_("vergadering")
    )
    agendapunt = models.ForeignKey(
        "vergaderagenda.Agendapunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moties",
        verbose_name=_("agendapunt"),
        help_text=_("Het agendapunt waarbij de motie is ingediend."),
    )
    motietype = models.CharField(_("soort motie"), max_length=20, choices=Motietype.choices, default=Motietype.OVERIG)
    raadsvoorstel = models.ForeignKey(
        "raadsvoorstellen.Raadsvoorstel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="moties",
        verbose_name=_("raadsvoorstel"),
        help_text=_("Het voorstel waar de motie over gaat, als dat er is."),
    )
    afgehandeld_bij = models.ForeignKey(
        "vergaderagenda.Agendapunt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="afgehandelde_moties",
        verbose_name=_("afgehandeld bij agendapunt"),
        help_text=_("Het agendapunt waar de raad de uitvoering van een aangenomen motie afhandelde."),
    )
    constaterende = models.TextField(_("constaterende dat"), blank=True)
    overwegende = models.TextField(_("overwegende dat"), blank=True)
    verzoek = models.TextField(_("verzoekt het college"), help_text=_("Wat de raad van het college vraagt."))

    objects = MotieQuerySet.as_manager()

    class Meta(Ingediend.Meta):
        verbose_name = _("motie")
        verbose_name_plural = _("moties")
        indexes = [
            models.Index(fields=["vergadering", "status"], name="motie_vergadering_idx"),
            models.Index(fields=["agendapunt"], name="motie_agendapunt_idx"),
            models.Index(fields=["raadsvoorstel"], name="motie_voorstel_idx"),
            models.Index(fields=["status", "vertrouwelijkheid", "-ingediend_op"], name="motie_publiek_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="motie_jaar_volgnummer_uniek"),
        ]


class Amendement(Ingediend):
    # Set by selectors.aangenomen_amendementen (its own new text, or that of an adopted sub-amendement); no field.
    effectieve_tekst: str

    """A change to the ontwerpbesluit of a raadsvoorstel, or (sub-amendement) to another amendement."""

    raadsvoorstel = models.ForeignKey(
        "raadsvoorstellen.Raadsvoorstel",
        on_delete=models.PROTECT,
        related_name="amendementen",
        verbose_name=_("raadsvoorstel"),
    )
    hoofdamendement = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subamendementen",
        verbose_name=_("sub-amendement op"),
    )
    beslispunten = models.ManyToManyField(
        "raadsvoorstellen.Beslispunt",
        blank=True,
        related_name="amendementen",
        verbose_name=_("gewijzigde beslispunten"),
        help_text=_("Leeg: de tekst wordt aan het besluit toegevoegd."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    nieuwe_tekst = models.TextField(
        _("nieuwe tekst"),
        help_text=_("De tekst die in de plaats komt van de gekozen beslispunten; één dictumpunt per regel."),
    )

    objects = AmendementQuerySet.as_manager()

    class Meta(Ingediend.Meta):
        verbose_name = _("amendement")
        verbose_name_plural = _("amendementen")
        indexes = [
            models.Index(fields=["vergadering", "status"], name="amend_vergadering_idx"),
            models.Index(fields=["raadsvoorstel", "status"], name="amend_voorstel_idx"),
            models.Index(fields=["agendapunt"], name="amend_agendapunt_idx"),
            models.Index(fields=["status", "vertrouwelijkheid", "-ingediend_op"], name="amend_publiek_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="amend_jaar_volgnummer_uniek"),
            models.CheckConstraint(
                condition=Q(hoofdamendement__isnull=True) | ~Q(hoofdamendement=F("id")),
                name="amend_niet_op_zichzelf",
                violation_error_message=_("Een amendement kan geen sub-amendement op zichzelf zijn."),
            ),
        ]

    @property
    def is_subamendement(self):
        return self.hoofdamendement_id is not None


class Indiener(models.Model):
    """A (mede-)indiener of a motie or amendement: the person and their fractie at the date (ORI Indiener)."""

    class Soort(models.TextChoices):
        INDIENER = "indiener", _("indiener")
        MEDE_INDIENER = "mede_indiener", _("mede-indiener")

    motie = models.ForeignKey(
        Motie, on_delete=models.CASCADE, null=True, blank=True, related_name="indieners", verbose_name=_("motie")
    )
    amendement = models.ForeignKey(
        Amendement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indieners",
        verbose_name=_("amendement"),
    )
    persoon = models.ForeignKey(
        Persoon, on_delete=models.PROTECT, related_name="indieningen", verbose_name=_("persoon")
    )
    fractie = models.ForeignKey(
        Fractie, on_delete=models.PROTECT, null=True, blank=True, related_name="indieningen", verbose_name=_("fractie")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.INDIENER)
    volgorde = models.PositiveIntegerField(_("volgorde"), default=1)

    class Meta:
        verbose_name = _("indiener")
        verbose_name_plural = _("indieners")
        ordering = ["volgorde", "id"]
        indexes = [models.Index(fields=["persoon"], name="indiener_persoon_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(motie__isnull=False, amendement__isnull=True)
                | Q(motie__isnull=True, amendement__isnull=False),
                name="indiener_van_een_stuk",
                violation_error_message=_("Een indiener hoort bij een motie of bij een amendement."),
            ),
            models.UniqueConstraint(fields=["motie", "persoon"], name="indiener_motie_uniek"),
            models.UniqueConstraint(fields=["amendement", "persoon"], name="indiener_amendement_uniek"),
        ]

    def __str__(self):
        return f"{self.persoon} ({self.fractie})" if self.fractie_id else str(self.persoon)


class Aanwezigheid(VastModel):
    """One row of a meeting's presence list: a member of the gremium at that date, present or absent."""

    vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        related_name="aanwezigheden",
        verbose_name=_("vergadering"),
    )
    persoon = models.ForeignKey(
        Persoon, on_delete=models.PROTECT, related_name="aanwezigheden", verbose_name=_("persoon")
    )
    rol = models.ForeignKey(
        Rol,
        on_delete=models.PROTECT,
        related_name="aanwezigheden",
        verbose_name=_("lidmaatschap"),
        help_text=_("Het lidmaatschap van de raad op de datum van de vergadering."),
    )
    fractie = models.ForeignKey(
        Fractie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanwezigheden",
        verbose_name=_("fractie"),
    )
    aanwezig = models.BooleanField(_("aanwezig"), default=True)

    objects = AanwezigheidQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("presentielijst")
        ordering = ["vergadering", "persoon__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["vergadering", "persoon"],
                name="aanwezigheid_persoon_uniek",
                violation_error_message=_("Deze persoon staat al op de presentielijst."),
            ),
        ]

    def __str__(self):
        return f"{self.persoon} — {'aanwezig' if self.aanwezig else 'afwezig'}"


class Stemming(VastModel, PubliekRecord):
    """One vote of the meeting on a voorstel, a motie or an amendement, in the order taken."""

    class Soort(models.TextChoices):
        HAMERSLAG = "hamerslag", _("hamerslag (zonder stemming)")
        REGULIER = "regulier", _("regulier (per fractie)")
        HOOFDELIJK = "hoofdelijk", _("hoofdelijk (per lid)")

    class Uitslag(models.TextChoices):
        AANGENOMEN = "aangenomen", _("aangenomen")
        VERWORPEN = "verworpen", _("verworpen")
        STAKEN = "staken", _("stemmen staken")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")

    vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering", on_delete=models.PROTECT, related_name="stemmingen", verbose_name=_("vergadering")
    )
    agendapunt = models.ForeignKey(
        "vergaderagenda.Agendapunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stemmingen",
        verbose_name=_("agendapunt"),
    )
    raadsvoorstel = models.ForeignKey(
        "raadsvoorstellen.Raadsvoorstel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stemmingen",
        verbose_name=_("raadsvoorstel"),
    )
    motie = models.ForeignKey(
        Motie, on_delete=models.PROTECT, null=True, blank=True, related_name="stemmingen", verbose_name=_("motie")
    )
    amendement = models.ForeignKey(
        Amendement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stemmingen",
        verbose_name=_("amendement"),
    )
    volgorde = models.PositiveIntegerField(_("volgorde"))
    soort = models.CharField(_("soort stemming"), max_length=20, choices=Soort.choices, default=Soort.REGULIER)
    uitslag = models.CharField(_("uitslag"), max_length=20, choices=Uitslag.choices, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
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

    objects = StemmingQuerySet.as_manager()

    class Meta:
        verbose_name = _("stemming")
        verbose_name_plural = _("stemmingen")
        ordering = ["vergadering", "volgorde", "versie"]
        indexes = [
            models.Index(fields=["raadsvoorstel", "status"], name="stemming_voorstel_idx"),
            models.Index(fields=["motie", "status"], name="stemming_motie_idx"),
            models.Index(fields=["amendement", "status"], name="stemming_amend_idx"),
            models.Index(fields=["agendapunt"], name="stemming_agendapunt_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(raadsvoorstel__isnull=False, motie__isnull=True, amendement__isnull=True)
                | Q(raadsvoorstel__isnull=True, motie__isnull=False, amendement__isnull=True)
                | Q(raadsvoorstel__isnull=True, motie__isnull=True, amendement__isnull=False),
                name="stemming_over_een_stuk",
                violation_error_message=_("Een stemming gaat over één voorstel, motie of amendement."),
            ),
            models.UniqueConstraint(
                fields=["vergadering", "volgorde", "versie"],
                name="stemming_volgorde_uniek",
                violation_error_message=_("Op deze plaats in de volgorde staat al een stemming."),
            ),
            models.CheckConstraint(
                condition=Q(status="concept") | (~Q(uitslag="") & Q(gepubliceerd_op__isnull=False)),
                name="stemming_gepubliceerd_compleet",
                violation_error_message=_("Een gepubliceerde stemming heeft een uitslag en een publicatiedatum."),
            ),
            models.CheckConstraint(
                condition=~Q(soort="hamerslag") | ~Q(uitslag="verworpen"),
                name="stemming_hamerslag_aangenomen",
                violation_error_message=_("Een hamerstuk is aangenomen; een verworpen stuk vraagt een stemming."),
            ),
        ]

    def __str__(self):
        return f"Stemming {self.volgorde} — {self.onderwerp_titel}"

    @property
    def is_gepubliceerd(self):
        return self.status == self.Status.GEPUBLICEERD

    @property
    def stuk(self):
        return self.amendement or self.motie or self.raadsvoorstel

    @property
    def stuksoort(self):
        if self.amendement_id:
            return "subamendement" if self.amendement.hoofdamendement_id else "amendement"
        return "motie" if self.motie_id else "raadsvoorstel"

    @property
    def onderwerp_titel(self):
        stuk = self.stuk
        return stuk.titel if stuk else ""


class Stem(VastModel):
    """One present member's choice in one stemming (ORI Stem, ORI-A neemtDeelAanStemming).

    `persoon` and `fractie` repeat what the presence row says (the database checks that they agree), so the
    per-fractie result and the exports read one table.
    """

    class Keuze(models.TextChoices):
        VOOR = "voor", _("voor")
        TEGEN = "tegen", _("tegen")
        # Present at the meeting but not taking part in this vote (Gemeentewet art. 28, or out of the room).
        AFWEZIG = "afwezig", _("niet deelgenomen")

    stemming = models.ForeignKey(Stemming, on_delete=models.CASCADE, related_name="stemmen", verbose_name=_("stemming"))
    aanwezigheid = models.ForeignKey(
        Aanwezigheid, on_delete=models.PROTECT, related_name="stemmen", verbose_name=_("aanwezige deelnemer")
    )
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="stemmen", verbose_name=_("persoon"))
    fractie = models.ForeignKey(
        Fractie, on_delete=models.PROTECT, null=True, blank=True, related_name="stemmen", verbose_name=_("fractie")
    )
    keuze = models.CharField(_("keuze"), max_length=10, choices=Keuze.choices)

    objects = StemQuerySet.as_manager()

    class Meta:
        verbose_name = _("stem")
        verbose_name_plural = _("stemmen")
        ordering = ["stemming", "persoon__naam"]
        indexes = [models.Index(fields=["persoon", "stemming"], name="stem_persoon_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["stemming", "persoon"],
                name="stem_een_per_lid",
                violation_error_message=_("Dit lid heeft in deze stemming al gestemd."),
            ),
            models.UniqueConstraint(fields=["stemming", "aanwezigheid"], name="stem_een_per_aanwezige"),
        ]

    def __str__(self):
        return f"{self.persoon}: {self.get_keuze_display()}"

    def save(self, *args, **kwargs):
        # no vote joins a published stemming either (its own rows are refused by VastModel)
        if self.pk is None and Stemming.objects.filter(pk=self.stemming_id, status="gepubliceerd").exists():
            raise VastgelegdFout(VAST_MELDING)
        super().save(*args, **kwargs)


def besluitenlijst_pad(instance, filename):
    return f"besluitenlijsten/{instance.vergadering.datum:%Y-%m-%d}-v{instance.versie}-{instance.uuid.hex[:8]}.pdf"


class Besluitenlijst(VastModel, PubliekRecord):
    """The published list of every outcome of a meeting, with its stored PDF/A. Permanent once published."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")

    vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        related_name="besluitenlijsten",
        verbose_name=_("vergadering"),
    )
    versie = models.PositiveIntegerField(_("versie"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gepubliceerd door"),
    )
    rectificatie_reden = models.TextField(_("reden van rectificatie"), blank=True)
    pdf = models.FileField(_("PDF besluitenlijst"), upload_to=besluitenlijst_pad, max_length=300, blank=True)

    objects = BesluitenlijstQuerySet.as_manager()

    class Meta:
        verbose_name = _("besluitenlijst")
        verbose_name_plural = _("besluitenlijsten")
        ordering = ["vergadering", "-versie"]
        constraints = [
            models.UniqueConstraint(fields=["vergadering", "versie"], name="besluitenlijst_versie_uniek"),
            models.CheckConstraint(
                condition=~Q(status="gepubliceerd") | Q(gepubliceerd_op__isnull=False),
                name="besluitenlijst_publicatiedatum",
                violation_error_message=_("Een gepubliceerde besluitenlijst heeft een publicatiedatum."),
            ),
        ]

    def __str__(self):
        return f"Besluitenlijst {self.vergadering} (versie {self.versie})"

    @property
    def is_gepubliceerd(self):
        return self.status == self.Status.GEPUBLICEERD
