"""The griffie's registers: toezeggingen, the motiemonitor, ingekomen stukken, schriftelijke vragen and the
lange termijnagenda.

Every register item is entered by the griffie as a concept and then published. What a published item states
never changes silently: a change to one of its stated facts needs a reason, is a new version in its history
(django-simple-history) and is listed as a correction on the public page. Overdue ("overschreden") is never
stored: it is derived from the deadline and today's date in Europe/Amsterdam (query.py, `toestand`), so it
can not disagree with the deadline.
"""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import BijlageBase, Gremium, Onderwerp, Persoon, PubliekRecord, VersionedModel, Vertrouwelijkheid

from .query import (
    IngekomenStukQuerySet,
    LangetermijnQuerySet,
    MotieopvolgingQuerySet,
    SchriftelijkeVraagQuerySet,
    ToezeggingQuerySet,
)
from .termijnen import vandaag


class Publicatie(models.TextChoices):
    CONCEPT = "concept", _("concept")
    GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")


class Registernummer(models.Model):
    """The last number handed out per register and year; locked (SELECT ... FOR UPDATE) when numbering."""

    soort = models.CharField(_("register"), max_length=30)
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    laatste = models.PositiveIntegerField(_("laatst uitgegeven nummer"), default=0)

    class Meta:
        verbose_name = _("registernummer")
        verbose_name_plural = _("registernummers")
        constraints = [models.UniqueConstraint(fields=["soort", "jaar"], name="registernummer_soort_jaar_uniek")]

    def __str__(self):
        return f"{self.soort} {self.jaar}: {self.laatste}"


class Registeritem(PubliekRecord, VersionedModel):
    publicatie = models.CharField(
        _("publicatie"), max_length=20, choices=Publicatie.choices, default=Publicatie.CONCEPT
    )
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True, editable=False)
    vertrouwelijkheid = models.CharField(
        _("vertrouwelijkheid"), max_length=20, choices=Vertrouwelijkheid.choices, default=Vertrouwelijkheid.OPENBAAR
    )

    class Meta:
        abstract = True

    @property
    def is_gepubliceerd(self):
        return self.publicatie == Publicatie.GEPUBLICEERD


class Genummerd(models.Model):
    nummer = models.CharField(_("nummer"), max_length=30, unique=True, editable=False)
    jaar = models.PositiveSmallIntegerField(_("jaar"), editable=False)
    volgnummer = models.PositiveIntegerField(_("volgnummer"), editable=False)

    class Meta:
        abstract = True


# --- 1. Toezeggingen -------------------------------------------------------------------------------


class Toezegging(Registeritem, Genummerd):
    """A promise of a wethouder or the burgemeester in a meeting."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        AFGEDAAN = "afgedaan", _("afgedaan")
        VERVALLEN = "vervallen", _("vervallen")

    tekst = models.TextField(_("toezegging"), help_text=_("Bijvoorbeeld: de wethouder zegt toe de raad te informeren."))
    persoon = models.ForeignKey(
        Persoon, on_delete=models.PROTECT, related_name="toezeggingen", verbose_name=_("toegezegd door")
    )
    portefeuille = models.CharField(_("portefeuille"), max_length=300, blank=True)
    vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        related_name="toezeggingen",
        verbose_name=_("vergadering"),
    )
    agendapunt = models.ForeignKey(
        "vergaderagenda.Agendapunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toezeggingen",
        verbose_name=_("agendapunt"),
    )
    uiterste_datum = models.DateField(_("uiterste datum"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    afgedaan_met = models.ForeignKey(
        "memos.Memo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afgedane_toezeggingen",
        verbose_name=_("afgedaan met document"),
        help_text=_("Bijvoorbeeld de raadsinformatiebrief waarmee de toezegging is nagekomen."),
    )
    afgedaan_in = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afgedane_toezeggingen",
        verbose_name=_("als afgedaan aanvaard in"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    zaak = models.ForeignKey(
        "core.Zaak",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toezeggingen",
        verbose_name=_("zaak"),
    )
    onderwerpen = models.ManyToManyField(
        Onderwerp, blank=True, related_name="toezeggingen", verbose_name=_("onderwerpen")
    )
    overschreden_gemeld_op = models.DateField(
        _("overschrijding gemeld op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Wanneer de dagelijkse controle de overschreden termijn voor het eerst meldde."),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = ToezeggingQuerySet.as_manager()

    class Meta:
        verbose_name = _("toezegging")
        verbose_name_plural = _("toezeggingen")
        ordering = ["-jaar", "-volgnummer"]
        indexes = [
            models.Index(fields=["publicatie", "vertrouwelijkheid", "-jaar", "-volgnummer"], name="toez_publiek_idx"),
            models.Index(fields=["status", "uiterste_datum"], name="toez_status_datum_idx"),
            models.Index(fields=["persoon"], name="toez_persoon_idx"),
            models.Index(fields=["vergadering"], name="toez_vergadering_idx"),
            models.Index(fields=["zaak"], name="toez_zaak_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="toez_jaar_volgnummer_uniek"),
            models.CheckConstraint(
                condition=~Q(status="afgedaan") | Q(afgedaan_met__isnull=False, afgedaan_in__isnull=False),
                name="toez_afgedaan_met_document",
                violation_error_message=_(
                    "Een afgedane toezegging heeft het document waarmee ze is nagekomen en de vergadering die haar "
                    "als afgedaan aanvaardde."
                ),
            ),
        ]

    def __str__(self):
        return f"Toezegging {self.nummer}"

    @property
    def toestand(self) -> str:
        """open, overschreden (derived: open and past the deadline), afgedaan or vervallen."""
        if self.status == self.Status.OPEN and self.uiterste_datum and self.uiterste_datum < vandaag():
            return "overschreden"
        return self.status

    @property
    def toestand_label(self) -> str:
        return "termijn overschreden" if self.toestand == "overschreden" else self.get_status_display()

    @property
    def titel(self) -> str:
        eerste = self.tekst.strip().split("\n")[0]
        return eerste[:120] + ("…" if len(eerste) > 120 else "")


# --- 2. Motiemonitor -------------------------------------------------------------------------------


class Motieopvolging(PubliekRecord, VersionedModel):
    """The follow-up of an aangenomen motie: status, the college's stand van zaken over time, the closing
    document. Visibility follows the motie (query.py)."""

    class Status(models.TextChoices):
        NIET_GESTART = "niet_gestart", _("nog niet gestart")
        IN_UITVOERING = "in_uitvoering", _("in uitvoering")
        AFGEDAAN = "afgedaan", _("afgedaan")
        NIET_UITVOERBAAR = "niet_uitvoerbaar", _("niet uitvoerbaar")

    motie = models.OneToOneField(
        "moties.Motie", on_delete=models.PROTECT, related_name="opvolging", verbose_name=_("motie")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NIET_GESTART)
    portefeuillehouder = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="motieopvolgingen",
        verbose_name=_("portefeuillehouder"),
    )
    uiterste_datum = models.DateField(_("verwacht afgerond"), null=True, blank=True)
    afgedaan_met = models.ForeignKey(
        "memos.Memo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afgedane_moties",
        verbose_name=_("afgedaan met document"),
    )
    afgedaan_in = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="afgedane_moties",
        verbose_name=_("als afgedaan aanvaard in"),
    )
    overschreden_gemeld_op = models.DateField(_("overschrijding gemeld op"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = MotieopvolgingQuerySet.as_manager()

    class Meta:
        verbose_name = _("opvolging van een motie")
        verbose_name_plural = _("opvolgingen van moties")
        indexes = [models.Index(fields=["status", "uiterste_datum"], name="motieopv_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="afgedaan") | Q(afgedaan_met__isnull=False),
                name="motieopv_afgedaan_met_document",
                violation_error_message=_("Een afgedane motie heeft het document waarmee ze is uitgevoerd."),
            )
        ]

    def __str__(self):
        return f"Opvolging van motie {self.motie_id}"

    # The follow-up is public as soon as its motie is (query.py): its facts are permanent from the start.
    is_gepubliceerd = True

    @property
    def toestand(self) -> str:
        open_ = self.status in (self.Status.NIET_GESTART, self.Status.IN_UITVOERING)
        if open_ and self.uiterste_datum and self.uiterste_datum < vandaag():
            return "overschreden"
        return self.status

    @property
    def toestand_label(self) -> str:
        return "termijn overschreden" if self.toestand == "overschreden" else self.get_status_display()


class StandVanZaken(models.Model):
    """One report of the college on a motie's follow-up. Entries are never edited: a correction is a new entry."""

    opvolging = models.ForeignKey(
        Motieopvolging, on_delete=models.CASCADE, related_name="standen", verbose_name=_("opvolging")
    )
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("stand van zaken"))
    document = models.ForeignKey(
        "memos.Memo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="standen_van_zaken",
        verbose_name=_("document"),
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    vastgelegd_door = models.CharField(_("vastgelegd door"), max_length=150, blank=True, editable=False)

    class Meta:
        verbose_name = _("stand van zaken")
        verbose_name_plural = _("standen van zaken")
        ordering = ["datum", "id"]
        indexes = [models.Index(fields=["opvolging", "datum"], name="stand_opvolging_datum_idx")]

    def __str__(self):
        return f"{self.datum}: {self.tekst[:60]}"


# --- 3. Lijst ingekomen stukken --------------------------------------------------------------------


class Afhandeling(models.TextChoices):
    TER_KENNISNAME = "ter_kennisname", _("ter kennisname")
    IN_HANDEN_COLLEGE = "in_handen_college", _("in handen van het college stellen")
    AGENDEREN = "agenderen", _("agenderen voor een commissie")
    BEANTWOORDEN = "beantwoorden", _("beantwoorden door de griffie")


class IngekomenStuk(Registeritem, Genummerd):
    """A letter or document sent to the raad. The public never sees a private sender's name or address."""

    ontvangen_op = models.DateField(_("ontvangen op"))
    afzender = models.CharField(_("afzender"), max_length=300)
    afzender_adres = models.CharField(_("adres van de afzender"), max_length=500, blank=True)
    afzender_is_privepersoon = models.BooleanField(
        _("afzender is een privépersoon"),
        default=False,
        help_text=_("Aan: openbaar staat alleen 'particulier'; naam, adres en het document zelf blijven intern."),
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=500)
    samenvatting = models.TextField(
        _("samenvatting"), blank=True, help_text=_("Openbaar: noem hier geen namen of adressen van particulieren.")
    )
    voorgestelde_afhandeling = models.CharField(
        _("voorgestelde afhandeling"), max_length=30, choices=Afhandeling.choices, default=Afhandeling.TER_KENNISNAME
    )
    voorgestelde_commissie = models.ForeignKey(
        Gremium,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="voorgestelde_ingekomen_stukken",
        verbose_name=_("commissie (voorstel)"),
    )
    lijst = models.ForeignKey(
        "vergaderagenda.Agendapunt",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ingekomen_stukken",
        verbose_name=_("op de lijst ingekomen stukken van"),
        help_text=_("Het agendapunt 'Lijst ingekomen stukken' van de raadsvergadering."),
    )
    vastgestelde_afhandeling = models.CharField(
        _("vastgestelde afhandeling"), max_length=30, choices=Afhandeling.choices, blank=True
    )
    vastgestelde_commissie = models.ForeignKey(
        Gremium,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vastgestelde_ingekomen_stukken",
        verbose_name=_("commissie (vastgesteld)"),
    )
    vastgesteld_op = models.DateField(_("afhandeling vastgesteld op"), null=True, blank=True)
    zaak = models.ForeignKey(
        "core.Zaak",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ingekomen_stukken",
        verbose_name=_("zaak"),
    )
    onderwerpen = models.ManyToManyField(
        Onderwerp, blank=True, related_name="ingekomen_stukken", verbose_name=_("onderwerpen")
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = IngekomenStukQuerySet.as_manager()

    class Meta:
        verbose_name = _("ingekomen stuk")
        verbose_name_plural = _("ingekomen stukken")
        ordering = ["-ontvangen_op", "-volgnummer"]
        indexes = [
            models.Index(fields=["publicatie", "vertrouwelijkheid", "-ontvangen_op"], name="is_publiek_idx"),
            models.Index(fields=["lijst"], name="is_lijst_idx"),
            models.Index(fields=["voorgestelde_afhandeling"], name="is_afhandeling_idx"),
            models.Index(fields=["zaak"], name="is_zaak_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="is_jaar_volgnummer_uniek"),
            models.CheckConstraint(
                condition=~Q(voorgestelde_afhandeling="agenderen") | Q(voorgestelde_commissie__isnull=False),
                name="is_agenderen_met_commissie",
                violation_error_message=_("Kies de commissie waarvoor het stuk wordt geagendeerd."),
            ),
        ]

    def __str__(self):
        return f"Ingekomen stuk {self.nummer}"

    @property
    def titel(self) -> str:
        return self.onderwerp

    @property
    def afzender_publiek(self) -> str:
        """What every public route shows as the sender: never a private person's name."""
        return "particulier" if self.afzender_is_privepersoon else self.afzender

    @staticmethod
    def afhandeling_tekst(afhandeling: str, commissie) -> str:
        if not afhandeling:
            return ""
        if afhandeling == Afhandeling.AGENDEREN and commissie is not None:
            return f"agenderen voor {commissie.naam}"
        return str(Afhandeling(afhandeling).label)

    @property
    def voorstel_tekst(self) -> str:
        return self.afhandeling_tekst(self.voorgestelde_afhandeling, self.voorgestelde_commissie)

    @property
    def vastgesteld_tekst(self) -> str:
        return self.afhandeling_tekst(self.vastgestelde_afhandeling, self.vastgestelde_commissie)


class IngekomenStukBijlage(BijlageBase):
    ouder_veld = "ingekomenstuk"
    # Named after the model, as core.bijlagen.bijlage_aan_ouder_toevoegen expects.
    ingekomenstuk = models.ForeignKey(
        IngekomenStuk, on_delete=models.CASCADE, related_name="bijlagen", verbose_name=_("ingekomen stuk")
    )

    class Meta(BijlageBase.Meta):
        verbose_name = _("document bij ingekomen stuk")
        verbose_name_plural = _("documenten bij ingekomen stukken")
        constraints = [models.UniqueConstraint(fields=["ingekomenstuk", "volgorde"], name="is_bijlage_volgorde_uniek")]


# --- 4. Schriftelijke vragen -----------------------------------------------------------------------


class SchriftelijkeVraag(Registeritem, Genummerd):
    """Questions of a raadslid or fractie to the college. The article and the term are copied from the
    configuration when the question is registered, so a later change of the rules does not move its deadline."""

    class Status(models.TextChoices):
        OPEN = "open", _("wacht op antwoord")
        BEANTWOORD = "beantwoord", _("beantwoord")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    onderwerp = models.CharField(_("onderwerp"), max_length=500)
    vragen = models.TextField(_("vragen"))
    vraagsteller = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schriftelijke_vragen",
        verbose_name=_("vraagsteller"),
    )
    fractie = models.ForeignKey(
        "core.Fractie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schriftelijke_vragen",
        verbose_name=_("fractie"),
    )
    gesteld_op = models.DateField(_("gesteld op"))
    artikel = models.CharField(_("artikel"), max_length=200, editable=False)
    termijn_dagen = models.PositiveSmallIntegerField(_("antwoordtermijn (dagen)"), editable=False)
    termijn_in_werkdagen = models.BooleanField(_("termijn in werkdagen"), default=False, editable=False)
    uiterste_datum = models.DateField(_("uiterste antwoorddatum"), editable=False)
    uitstelbericht_op = models.DateField(_("uitstelbericht verstuurd op"), null=True, blank=True)
    uitstel_tot = models.DateField(_("antwoord verwacht op (na uitstel)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    beantwoord_op = models.DateField(_("beantwoord op"), null=True, blank=True)
    antwoord = models.ForeignKey(
        "memos.Memo",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="beantwoorde_vragen",
        verbose_name=_("antwoorddocument"),
    )
    antwoord_tekst = models.TextField(_("antwoord"), blank=True)
    zaak = models.ForeignKey(
        "core.Zaak",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schriftelijke_vragen",
        verbose_name=_("zaak"),
    )
    onderwerpen = models.ManyToManyField(
        Onderwerp, blank=True, related_name="schriftelijke_vragen", verbose_name=_("onderwerpen")
    )
    overschreden_gemeld_op = models.DateField(_("overschrijding gemeld op"), null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = SchriftelijkeVraagQuerySet.as_manager()

    class Meta:
        verbose_name = _("schriftelijke vraag")
        verbose_name_plural = _("schriftelijke vragen")
        ordering = ["-gesteld_op", "-volgnummer"]
        indexes = [
            models.Index(fields=["publicatie", "vertrouwelijkheid", "-gesteld_op"], name="sv_publiek_idx"),
            models.Index(fields=["status", "uiterste_datum"], name="sv_status_datum_idx"),
            models.Index(fields=["fractie"], name="sv_fractie_idx"),
            models.Index(fields=["vraagsteller"], name="sv_vraagsteller_idx"),
            models.Index(fields=["zaak"], name="sv_zaak_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["jaar", "volgnummer"], name="sv_jaar_volgnummer_uniek"),
            models.CheckConstraint(
                condition=~Q(status="beantwoord") | Q(beantwoord_op__isnull=False),
                name="sv_beantwoord_met_datum",
                violation_error_message=_("Een beantwoorde vraag heeft een antwoorddatum."),
            ),
            models.CheckConstraint(
                condition=Q(beantwoord_op__isnull=True) | Q(beantwoord_op__gte=models.F("gesteld_op")),
                name="sv_antwoord_na_vraag",
                violation_error_message=_("De antwoorddatum ligt vóór de datum waarop de vragen zijn gesteld."),
            ),
            models.CheckConstraint(
                condition=Q(vraagsteller__isnull=False) | Q(fractie__isnull=False),
                name="sv_vraagsteller_of_fractie",
                violation_error_message=_("Kies de vraagsteller of de fractie."),
            ),
        ]

    def __str__(self):
        return f"Schriftelijke vragen {self.nummer}"

    @property
    def titel(self) -> str:
        return self.onderwerp

    @property
    def te_laat(self) -> bool | None:
        """Answered after the deadline (an interim reply does not move the deadline); None while open."""
        if self.beantwoord_op is None:
            return None
        return self.beantwoord_op > self.uiterste_datum

    @property
    def toestand(self) -> str:
        if self.status == self.Status.OPEN and self.uiterste_datum < vandaag():
            return "overschreden"
        return self.status

    @property
    def toestand_label(self) -> str:
        if self.toestand == "overschreden":
            return "termijn overschreden" + (" (uitstelbericht verstuurd)" if self.uitstelbericht_op else "")
        if self.status == self.Status.BEANTWOORD:
            return "beantwoord na de termijn" if self.te_laat else "beantwoord binnen de termijn"
        return self.get_status_display()

    @property
    def vraagsteller_tekst(self) -> str:
        delen = [self.vraagsteller.naam if self.vraagsteller_id else "", self.fractie.naam if self.fractie_id else ""]
        return " — ".join(d for d in delen if d)


# --- 5. Lange termijnagenda ------------------------------------------------------------------------


class LangetermijnItem(Registeritem):
    """What the college plans to bring to the raad, per quarter."""

    class Status(models.TextChoices):
        GEPLAND = "gepland", _("gepland")
        IN_VOORBEREIDING = "in_voorbereiding", _("in voorbereiding")
        AANGEBODEN = "aangeboden", _("aan de raad aangeboden")
        BEHANDELD = "behandeld", _("behandeld")
        UITGESTELD = "uitgesteld", _("uitgesteld")
        VERVALLEN = "vervallen", _("vervallen")

    titel = models.CharField(_("onderwerp"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    portefeuillehouder = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="langetermijnitems",
        verbose_name=_("portefeuillehouder"),
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    kwartaal = models.PositiveSmallIntegerField(_("kwartaal"), choices=[(k, f"Q{k}") for k in range(1, 5)])
    verwachte_vergadering = models.ForeignKey(
        "vergaderagenda.Vergadering",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="langetermijnitems",
        verbose_name=_("verwachte vergadering"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.GEPLAND)
    zaak = models.ForeignKey(
        "core.Zaak",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="langetermijnitems",
        verbose_name=_("zaak"),
        help_text=_("Zodra het raadsvoorstel er is: de zaak, zodat het item op de tijdlijn van de zaak staat."),
    )
    onderwerpen = models.ManyToManyField(
        Onderwerp, blank=True, related_name="langetermijnitems", verbose_name=_("onderwerpen")
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = LangetermijnQuerySet.as_manager()

    class Meta:
        verbose_name = _("item op de lange termijnagenda")
        verbose_name_plural = _("lange termijnagenda")
        ordering = ["jaar", "kwartaal", "titel", "id"]
        indexes = [
            models.Index(fields=["publicatie", "vertrouwelijkheid", "jaar", "kwartaal"], name="lta_publiek_idx"),
            models.Index(fields=["status"], name="lta_status_idx"),
            models.Index(fields=["zaak"], name="lta_zaak_idx"),
            models.Index(fields=["portefeuillehouder"], name="lta_portefeuille_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kwartaal__gte=1, kwartaal__lte=4),
                name="lta_kwartaal_1_4",
                violation_error_message=_("Een kwartaal is 1, 2, 3 of 4."),
            )
        ]

    def __str__(self):
        return f"{self.periode}: {self.titel}"

    @property
    def periode(self) -> str:
        return f"Q{self.kwartaal} {self.jaar}"

    @property
    def verwachte_datum(self) -> datetime.date:
        """The expected meeting's date, else the last day of the quarter."""
        if self.verwachte_vergadering_id and self.verwachte_vergadering:
            return self.verwachte_vergadering.datum
        maand = self.kwartaal * 3
        volgende = datetime.date(self.jaar + (maand == 12), maand % 12 + 1, 1)
        return volgende - datetime.timedelta(days=1)
