"""factory_boy factories with lifecycle traits, e.g. BesluitFactory(gepubliceerd=True)."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from apps.besluiten.models import Besluit, DictumPunt
from apps.core.models import Fractie, Gremium, Onderwerp, Persoon, Rol, Zaak
from apps.memos.models import Memo, MemoBehandeling
from apps.moties.models import Aanwezigheid, Amendement, Indiener, Motie, Stem, Stemming
from apps.raadsvoorstellen.models import Beslispunt, Raadsvoorstel
from apps.vergaderagenda.models import Agendapunt, Vergadering


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord-123")

    @factory.post_generation
    def groep(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.groups.add(Group.objects.get_or_create(name=extracted)[0])
            obj.is_staff = extracted == "griffie"
        if create:
            obj.save()


class GremiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gremium
        django_get_or_create = ("slug",)

    naam = "Gemeenteraad Leusden"
    slug = factory.LazyAttribute(lambda o: o.naam.lower().replace(" ", "-"))
    soort = Gremium.Soort.GEMEENTERAAD


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    naam = factory.Sequence(lambda n: f"A.B. Persoon{n}")


class RolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rol

    persoon = factory.SubFactory(PersoonFactory)
    soort = Rol.Soort.WETHOUDER
    begindatum = datetime.date(2018, 1, 1)


class OnderwerpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Onderwerp
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Onderwerp {n}")
    slug = factory.LazyAttribute(lambda o: o.naam.lower().replace(" ", "-"))


class ZaakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zaak
        django_get_or_create = ("zaaknummer",)

    zaaknummer = factory.Sequence(lambda n: f"L{100000 + n:06d}")
    titel = factory.Sequence(lambda n: f"Zaak {n}")


class RaadsvoorstelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Raadsvoorstel
        skip_postgeneration_save = True

    zaak = factory.SubFactory(ZaakFactory)
    titel = factory.LazyAttribute(lambda o: o.zaak.titel)
    college_besluitdatum = datetime.date(2021, 6, 29)
    datum_raadsvergadering = datetime.date(2021, 9, 30)
    voorstel = "Het college stelt u voor het voorstel vast te stellen."
    status = Raadsvoorstel.Status.AANGEBODEN

    class Params:
        concept = factory.Trait(status=Raadsvoorstel.Status.CONCEPT)
        vertrouwelijk = factory.Trait(vertrouwelijkheid="vertrouwelijk")

    @factory.post_generation
    def beslispunten(obj, create, extracted, **kwargs):
        if create:
            for i, tekst in enumerate(extracted or ["het voorstel vast te stellen."], 1):
                Beslispunt.objects.create(raadsvoorstel=obj, volgorde=i, tekst=tekst)


class VergaderingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vergadering

    gremium = factory.SubFactory(GremiumFactory)
    soort = Vergadering.Soort.RAADSVERGADERING
    titel = "Raadsvergadering"
    datum = datetime.date(2021, 9, 30)
    aanvang = datetime.time(20, 0)
    einde = datetime.time(23, 0)
    locatie = "Gemeentehuis"
    status = Vergadering.Status.GEPUBLICEERD

    class Params:
        concept = factory.Trait(status=Vergadering.Status.CONCEPT)
        besloten = factory.Trait(openbaar=False)
        geannuleerd = factory.Trait(status=Vergadering.Status.GEANNULEERD)


class AgendapuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agendapunt

    vergadering = factory.SubFactory(VergaderingFactory)
    volgorde = factory.Sequence(lambda n: n + 1)
    volgnummer = factory.LazyAttribute(lambda o: str(o.volgorde))
    titel = factory.Sequence(lambda n: f"Agendapunt {n}")


class MemoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Memo

    aan = "Raad gemeente Leusden"
    van = "College van burgemeester en wethouders"
    datum = datetime.date(2021, 6, 25)
    betreft = factory.Sequence(lambda n: f"Memo {n}")
    tekst = "Tekst van de memo."
    status = Memo.Status.DEFINITIEF

    class Params:
        concept = factory.Trait(status=Memo.Status.CONCEPT)
        vertrouwelijk = factory.Trait(vertrouwelijkheid="vertrouwelijk")


class MemoBehandelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemoBehandeling

    memo = factory.SubFactory(MemoFactory)
    volgorde = factory.Sequence(lambda n: n + 1)
    gremium = factory.SubFactory(GremiumFactory)


class BesluitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Besluit
        skip_postgeneration_save = True

    raadsvoorstel = factory.SubFactory(RaadsvoorstelFactory)
    zaak = factory.LazyAttribute(lambda o: o.raadsvoorstel.zaak)
    vergadering = factory.SubFactory(VergaderingFactory)
    titel = factory.LazyAttribute(lambda o: o.raadsvoorstel.titel)
    griffier = factory.SubFactory(PersoonFactory, naam="I. Griffier")
    voorzitter = factory.SubFactory(PersoonFactory, naam="G. Voorzitter")
    status = Besluit.Status.CONCEPT

    class Params:
        vastgesteld = factory.Trait(
            status=Besluit.Status.VASTGESTELD,
            uitkomst=Besluit.Uitkomst.AANGENOMEN,
            vastgesteld_op=factory.LazyFunction(timezone.now),
        )
        gepubliceerd = factory.Trait(
            status=Besluit.Status.GEPUBLICEERD,
            uitkomst=Besluit.Uitkomst.AANGENOMEN,
            vastgesteld_op=factory.LazyFunction(timezone.now),
            gepubliceerd_op=factory.LazyFunction(timezone.now),
        )
        vertrouwelijk = factory.Trait(vertrouwelijkheid="vertrouwelijk")

    @factory.post_generation
    def dictum(obj, create, extracted, **kwargs):
        if create:
            for i, tekst in enumerate(extracted or ["het voorstel vast te stellen."], 1):
                DictumPunt.objects.create(besluit=obj, volgorde=i, tekst=tekst)


class AgendapuntBijlageFactory(factory.django.DjangoModelFactory):
    """A PDF attached to an agenda item (the file is written to MEDIA_ROOT)."""

    class Meta:
        model = "vergaderagenda.AgendapuntBijlage"

    agendapunt = factory.SubFactory(AgendapuntFactory)
    titel = factory.Sequence(lambda n: f"Bijlage {n}")
    volgorde = factory.Sequence(lambda n: n + 1)
    bestand = factory.django.FileField(filename="bijlage.pdf", data=b"%PDF-1.4\n" + b"0" * 2039)
    bestandsnaam = "bijlage.pdf"
    mimetype = "application/pdf"
    grootte = 2048

    class Params:
        vertrouwelijk = factory.Trait(vertrouwelijkheid="vertrouwelijk")


# --- Fracties, moties, amendementen, stemmingen (issue 13) -----------------------------------------------


class FractieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fractie
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Voorbeeldfractie {n}")
    afkorting = factory.LazyAttribute(lambda o: o.naam[:10])
    slug = factory.LazyAttribute(lambda o: o.naam.lower().replace(" ", "-"))
    gremium = factory.SubFactory(GremiumFactory)
    begindatum = datetime.date(2018, 3, 29)


class RaadslidFactory(RolFactory):
    """A raadslid membership of the raad, in a fractie; the person gets a slug (a public page)."""

    persoon = factory.SubFactory(PersoonFactory, slug=factory.Sequence(lambda n: f"raadslid-{n}"))
    soort = Rol.Soort.RAADSLID
    gremium = factory.SubFactory(GremiumFactory)
    fractie = factory.SubFactory(FractieFactory, gremium=factory.SelfAttribute("..gremium"))


class MotieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Motie
        skip_postgeneration_save = True

    vergadering = factory.SubFactory(VergaderingFactory)
    jaar = factory.LazyAttribute(lambda o: o.vergadering.datum.year)
    volgnummer = factory.Sequence(lambda n: n + 1)
    nummer = factory.LazyAttribute(lambda o: f"M{o.jaar}-{o.volgnummer:03d}")
    titel = factory.Sequence(lambda n: f"Motie over onderwerp {n}")
    verzoek = "verzoekt het college om de raad voor het einde van het jaar te informeren."
    ingediend_op = factory.LazyAttribute(lambda o: o.vergadering.datum)
    status = "ingediend"

    class Params:
        concept = factory.Trait(status="concept")
        vertrouwelijk = factory.Trait(vertrouwelijkheid="vertrouwelijk")
        vreemd = factory.Trait(motietype=Motie.Motietype.VREEMD)

    @factory.post_generation
    def indieners(obj, create, extracted, **kwargs):
        if create and extracted:
            for i, rol in enumerate(extracted, 1):
                Indiener.objects.create(motie=obj, persoon=rol.persoon, fractie=rol.fractie, volgorde=i)


class AmendementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Amendement
        skip_postgeneration_save = True

    vergadering = factory.SubFactory(VergaderingFactory)
    raadsvoorstel = factory.SubFactory(RaadsvoorstelFactory, status=Raadsvoorstel.Status.GEAGENDEERD)
    jaar = factory.LazyAttribute(lambda o: o.vergadering.datum.year)
    volgnummer = factory.Sequence(lambda n: n + 1)
    nummer = factory.LazyAttribute(lambda o: f"A{o.jaar}-{o.volgnummer:03d}")
    titel = factory.Sequence(lambda n: f"Amendement {n}")
    nieuwe_tekst = "het voorstel vast te stellen met een jaarlijkse evaluatie."
    ingediend_op = factory.LazyAttribute(lambda o: o.vergadering.datum)
    status = "ingediend"

    class Params:
        concept = factory.Trait(status="concept")

    @factory.post_generation
    def indieners(obj, create, extracted, **kwargs):
        if create and extracted:
            for i, rol in enumerate(extracted, 1):
                Indiener.objects.create(amendement=obj, persoon=rol.persoon, fractie=rol.fractie, volgorde=i)


def aanwezigheid_maken(vergadering, rollen, *, afwezig=()):
    """The presence list of a meeting from memberships (Rol), those in `afwezig` absent."""
    return [
        Aanwezigheid.objects.create(
            vergadering=vergadering, persoon=r.persoon, rol=r, fractie=r.fractie, aanwezig=r not in afwezig
        )
        for r in rollen
    ]


def stemming_maken(vergadering, *, keuzes, volgorde, gepubliceerd=True, soort="regulier", **stuk):
    """A stemming with votes {Aanwezigheid: keuze}; published with the derived outcome by default."""
    voor = sum(1 for k in keuzes.values() if k == "voor")
    tegen = sum(1 for k in keuzes.values() if k == "tegen")
    stemming = Stemming.objects.create(vergadering=vergadering, volgorde=volgorde, soort=soort, **stuk)
    Stem.objects.bulk_create(
        Stem(stemming=stemming, aanwezigheid=a, persoon_id=a.persoon_id, fractie_id=a.fractie_id, keuze=k)
        for a, k in keuzes.items()
    )
    if gepubliceerd:
        stemming.uitslag = "aangenomen" if voor > tegen or soort == "hamerslag" else "verworpen"
        stemming.status = "gepubliceerd"
        stemming.gepubliceerd_op = timezone.now()
        stemming.save()
    return stemming
