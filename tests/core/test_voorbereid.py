"""Querysets compiled once per process (apps.core.voorbereid): the same rows as the ORM gives, the SQL compiled
once per role and shape, and never prepared where that could give another visitor's rows or stale ones."""

import datetime
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch
from django.db.models.sql import compiler as sql_compiler

from apps.besluiten.models import Besluit, DictumPunt
from apps.core.voorbereid import Voorbereid, _VoorbereideQuery
from tests.besluiten.conftest import publiceer

pytestmark = pytest.mark.django_db

PUBLIEK = AnonymousUser()


@pytest.fixture
def compilaties(monkeypatch):
    """Per model: how often a query of it is compiled to SQL."""
    teller: Counter = Counter()
    origineel = sql_compiler.SQLCompiler.as_sql

    def as_sql(self, *args, **kwargs):
        teller[self.query.model.__name__] += 1
        return origineel(self, *args, **kwargs)

    monkeypatch.setattr(sql_compiler.SQLCompiler, "as_sql", as_sql)
    return teller


def _besluiten(user, zaaknummer):
    return (
        Besluit.objects.zichtbaar_voor(user)
        .filter(zaak__zaaknummer=zaaknummer)
        .select_related("zaak", "vergadering__gremium")
        .prefetch_related(Prefetch("dictum", queryset=DictumPunt.objects.order_by("volgorde")))
        .order_by("-versie", "-id")
    )


def test_the_same_rows_as_the_orm_compiled_once(compilaties, django_assert_num_queries):
    for nummer in ("L100001", "L100002", "L100003"):
        publiceer(f"Besluit {nummer}", zaaknummer=nummer, dictum=[f"punt 1 van {nummer}", f"punt 2 van {nummer}"])
    voorbereid = Voorbereid(_besluiten)
    compilaties.clear()
    list(voorbereid(PUBLIEK, zaaknummer="L100001"))
    assert compilaties["Besluit"] == 2  # the real values and the markers
    compilaties.clear()
    for nummer in ("L100002", "L100003", "L100001", "L999999"):
        verwacht = list(_besluiten(PUBLIEK, nummer))
        with django_assert_num_queries(2 if verwacht else 1):  # the besluit with its joins, then its dictum
            rijen = list(voorbereid(PUBLIEK, zaaknummer=nummer))
        assert [b.pk for b in rijen] == [b.pk for b in verwacht]
        for rij, ref in zip(rijen, verwacht, strict=True):
            with django_assert_num_queries(0):  # joined and prefetched as the ORM does
                assert rij.zaak.zaaknummer == nummer
                assert rij.vergadering.gremium.naam == ref.vergadering.gremium.naam
                assert [p.tekst for p in rij.dictum.all()] == [f"punt 1 van {nummer}", f"punt 2 van {nummer}"]
            assert rij.titel == ref.titel and rij.gepubliceerd_op == ref.gepubliceerd_op
    assert compilaties["Besluit"] == 4  # the ORM's own reference queries only
    assert compilaties["DictumPunt"] == 6  # the prefetches stay ordinary queries


def test_each_role_gets_its_own_sql(griffie_user, raadslid_user):
    publiceer("Concept", zaaknummer="L200001", gepubliceerd=False)
    publiceer("Vertrouwelijk", zaaknummer="L200002", vertrouwelijk=True)
    voorbereid = Voorbereid(_besluiten)
    # the griffie first: its SQL (no visibility conditions) must never serve the others
    assert [b.titel for b in voorbereid(griffie_user, zaaknummer="L200001")] == ["Concept"]
    assert [b.titel for b in voorbereid(griffie_user, zaaknummer="L200002")] == ["Vertrouwelijk"]
    assert list(voorbereid(raadslid_user, zaaknummer="L200001")) == []
    assert [b.titel for b in voorbereid(raadslid_user, zaaknummer="L200002")] == ["Vertrouwelijk"]
    assert list(voorbereid(PUBLIEK, zaaknummer="L200001")) == []
    assert list(voorbereid(PUBLIEK, zaaknummer="L200002")) == []
    assert len(voorbereid._sjablonen) == 3 and all(voorbereid._sjablonen.values())


def test_a_chained_queryset_is_an_ordinary_one():
    publiceer("Eerste", zaaknummer="L300001")
    voorbereid = Voorbereid(_besluiten)
    list(voorbereid(PUBLIEK, zaaknummer="L300001"))
    qs = voorbereid(PUBLIEK, zaaknummer="L300001")
    assert type(qs.query) is _VoorbereideQuery
    assert qs.filter(titel="Iets anders").count() == 0
    assert list(qs.filter(titel="Eerste")) == list(_besluiten(PUBLIEK, "L300001"))
    assert qs.count() == 1 and qs.exists() and qs.first().titel == "Eerste"
    assert list(qs.values_list("titel", flat=True)) == ["Eerste"]
    # a value of another type than the one prepared (a str for an int, say) is built as usual
    per_id = Voorbereid(lambda user, pk: Besluit.objects.filter(pk=pk))
    besluit = Besluit.objects.get(zaak__zaaknummer="L300001")
    assert list(per_id(PUBLIEK, pk=besluit.pk)) == [besluit]
    assert type(per_id(PUBLIEK, pk=str(besluit.pk)).query) is not _VoorbereideQuery
    assert list(per_id(PUBLIEK, pk=str(besluit.pk))) == [besluit]
    assert type(per_id(PUBLIEK, pk=besluit.pk).query) is _VoorbereideQuery


def test_not_prepared_when_a_value_changes_on_its_way_into_the_sql():
    publiceer("Regiovisie jeugdhulp", zaaknummer="L400001")
    publiceer("Begroting", zaaknummer="L400002")
    voorbereid = Voorbereid(lambda user, woord: Besluit.objects.zichtbaar_voor(user).filter(titel__icontains=woord))
    assert [b.titel for b in voorbereid(PUBLIEK, woord="jeugd")] == ["Regiovisie jeugdhulp"]
    assert [b.titel for b in voorbereid(PUBLIEK, woord="begro")] == ["Begroting"]
    assert list(voorbereid._sjablonen.values()) == [None]


def test_not_prepared_with_a_date_constant_or_a_value_without_a_marker():
    publiceer("Vandaag", zaaknummer="L500001")
    met_datum = Voorbereid(
        lambda user, zaaknummer: Besluit.objects.filter(
            zaak__zaaknummer=zaaknummer, gepubliceerd_op__date__lte=datetime.date.today()
        )
    )
    assert [b.titel for b in met_datum(PUBLIEK, zaaknummer="L500001")] == ["Vandaag"]
    met_ja_nee = Voorbereid(
        lambda user, gepubliceerd: Besluit.objects.filter(status="gepubliceerd" if gepubliceerd else "concept")
    )
    assert [b.titel for b in met_ja_nee(PUBLIEK, gepubliceerd=True)] == ["Vandaag"]
    assert list(met_ja_nee(PUBLIEK, gepubliceerd=False)) == []
    assert list(met_datum._sjablonen.values()) == [None] and list(met_ja_nee._sjablonen.values()) == [None]
    # also in a subquery
    from django.db.models import Exists, OuterRef

    from apps.vergaderagenda.models import Vergadering

    in_subquery = Voorbereid(
        lambda user, zaaknummer: Besluit.objects.filter(zaak__zaaknummer=zaaknummer).filter(
            Exists(Vergadering.objects.filter(pk=OuterRef("vergadering_id"), datum__lte=datetime.date.today()))
        )
    )
    assert [b.titel for b in in_subquery(PUBLIEK, zaaknummer="L500001")] == ["Vandaag"]
    assert list(in_subquery._sjablonen.values()) == [None]


def test_not_prepared_when_a_value_shapes_the_query_in_python():
    publiceer("Kort", zaaknummer="L600001")

    def bouw(user, zaaknummer):
        # the value chooses the condition: its marker would choose the other one
        if zaaknummer.startswith("L"):
            return Besluit.objects.filter(zaak__zaaknummer=zaaknummer)
        return Besluit.objects.filter(titel=zaaknummer)

    voorbereid = Voorbereid(bouw)
    assert [b.titel for b in voorbereid(PUBLIEK, zaaknummer="L600001")] == ["Kort"]
    assert [b.titel for b in voorbereid(PUBLIEK, zaaknummer="Kort")] == ["Kort"]
    assert list(voorbereid._sjablonen.values()) == [None]

    genegeerd = Voorbereid(lambda user, zaaknummer: Besluit.objects.filter(titel="Kort"))
    assert len(list(genegeerd(PUBLIEK, zaaknummer="L600001"))) == 1
    assert list(genegeerd._sjablonen.values()) == [None]


def test_not_prepared_when_the_query_names_the_visitor(raadslid_user, griffie_user):
    """A condition on the visitor's own identity would give the next visitor of that role the first one's rows:
    the stand-in visitor of the check has no identity, so such a query is never prepared."""
    from django.contrib.auth import get_user_model

    voorbereid = Voorbereid(lambda user, naam: get_user_model().objects.filter(pk=user.pk, username=naam))
    assert [u.username for u in voorbereid(raadslid_user, naam="raadslid-test")] == ["raadslid-test"]
    assert list(voorbereid._sjablonen.values()) == [None]
    ander = get_user_model().objects.create(username="raadslid-2")
    ander._portaal_rol = "raadslid"
    assert [u.username for u in voorbereid(ander, naam="raadslid-2")] == ["raadslid-2"]


def test_the_besluit_page_uses_its_prepared_queries(client, griffie_client):
    """The besluit page's own queries are prepared (else the speed-up would silently be lost), for each role."""
    from django.test import Client

    from apps.besluiten import selectors as besluit_selectors
    from apps.moties import selectors as motie_selectors
    from tests.factories import stemming_maken

    besluit = publiceer("Met stemming", zaaknummer="L700001")
    stemming_maken(besluit.vergadering, keuzes={}, volgorde=1, soort="hamerslag", raadsvoorstel=besluit.raadsvoorstel)
    for c in (Client(), griffie_client):
        for _ in range(2):
            html = c.get("/besluiten/L700001/").content.decode()
            assert "Met stemming" in html and 'id="stemming"' in html  # the stemming's own section
    for voorbereid in (
        besluit_selectors._gepubliceerde_versies,
        besluit_selectors._raadsvoorstel_van_besluit,
        besluit_selectors._dictum_van,
        besluit_selectors._onderwerpen_van,
        besluit_selectors._beslispunten_van,
        besluit_selectors._voorstelbijlagen_van,
        motie_selectors._stemmingen_over,
    ):
        rollen = {sleutel[0] for sleutel, sjabloon in voorbereid._sjablonen.items() if sjabloon is not None}
        assert {"publiek", "griffie"} <= rollen, voorbereid.bouw


def test_a_time_value_is_prepared_on_postgresql():
    """A datetime passed as a value gets a marker (PostgreSQL receives it as itself; SQLite as text, which no
    marker matches, so there it is compiled as usual): the rows are the ORM's either way."""
    from django.db import connection
    from django.utils import timezone

    nu = timezone.now()
    for i in range(5):
        publiceer(f"Besluit {i}", zaaknummer=f"L80000{i}", gepubliceerd_op=nu - datetime.timedelta(days=i))
    voorbereid = Voorbereid(
        lambda user, tot: Besluit.objects.zichtbaar_voor(user).filter(gepubliceerd_op__lte=tot).order_by("-id")
    )
    for dagen in (0, 2, 4, 9):
        grens = nu - datetime.timedelta(days=dagen)
        verwacht = list(Besluit.objects.filter(gepubliceerd_op__lte=grens).order_by("-id"))
        assert list(voorbereid(PUBLIEK, tot=grens)) == verwacht
        assert len(verwacht) == max(0, 5 - dagen)
    prepared = [s is not None for s in voorbereid._sjablonen.values()]
    assert prepared == [connection.vendor == "postgresql"]


def test_not_prepared_when_a_prefetch_holds_a_value():
    """The prefetches of the first call are reused: one that holds a value would serve it to every later call."""
    publiceer("Een", zaaknummer="L900001", dictum=["L900001"])
    publiceer("Twee", zaaknummer="L900002", dictum=["L900002"])
    voorbereid = Voorbereid(
        lambda user, zaaknummer: Besluit.objects.filter(zaak__zaaknummer=zaaknummer).prefetch_related(
            Prefetch("dictum", queryset=DictumPunt.objects.filter(tekst=zaaknummer), to_attr="eigen")
        )
    )
    for nummer in ("L900001", "L900002"):
        (besluit,) = voorbereid(PUBLIEK, zaaknummer=nummer)
        assert [p.tekst for p in besluit.eigen] == [nummer]
    assert list(voorbereid._sjablonen.values()) == [None]
