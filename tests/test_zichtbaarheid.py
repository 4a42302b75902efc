"""One walk over every public URL (and the griffie's) as anonymous visitor, raadslid and griffie.

Each hidden record carries a unique bird name in its title. A name may appear only for the
roles that may see it — in pages, search results, feeds, iCal, sitemaps and status codes — and
must appear somewhere for the roles that may, so that the walk itself cannot silently miss.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, resolve, reverse

from apps.core.search import zoekindex_herbouwen
from apps.importeren.models import ImportItem, ImportRun
from apps.moties.models import Motie
from apps.registers.models import IngekomenStuk, LangetermijnItem, Motieopvolging, SchriftelijkeVraag, Toezegging
from apps.vergaderagenda.models import Vergadering
from tests.factories import (
    AgendapuntBijlageFactory,
    AgendapuntFactory,
    AmendementFactory,
    BesluitFactory,
    FractieFactory,
    GremiumFactory,
    IngekomenStukFactory,
    LangetermijnItemFactory,
    MemoFactory,
    MotieFactory,
    OnderwerpFactory,
    RaadslidFactory,
    RaadsvoorstelFactory,
    SchriftelijkeVraagFactory,
    StandVanZakenFactory,
    ToezeggingFactory,
    UserFactory,
    VergaderingFactory,
    ZaakFactory,
    aanwezigheid_maken,
    stemming_maken,
)

pytestmark = pytest.mark.django_db

ORI_V2 = [
    "vergaderingen",
    "agendapunten",
    "besluiten",
    "informatieobjecten",
    "natuurlijkpersonen",
    "fracties",
    "stemmingen",
    "stemmen",
    "stemresultatenperfractie",
    "indieners",
    "aanwezigedeelnemers",
]

ALLEN = {"publiek", "raadslid", "griffie"}
BESLOTEN = {"raadslid", "griffie"}
GRIFFIE = {"griffie"}

MARKERS = {
    "merelzang": ALLEN,  # public agenda item
    "boomklever": ALLEN,  # public published besluit
    "kwartelkoning": BESLOTEN,  # besloten agenda item in a public meeting
    "roerdomp": BESLOTEN,  # vertrouwelijke memo on a public item
    "grutto": BESLOTEN,  # besloten meeting
    "zilverreiger": BESLOTEN,  # vertrouwelijk raadsvoorstel
    "korhoen": BESLOTEN,  # published but vertrouwelijk besluit
    "wielewaal": GRIFFIE,  # concept memo
    "kievit": GRIFFIE,  # concept meeting
    "ijsvogel": GRIFFIE,  # concept raadsvoorstel
    "houtsnip": GRIFFIE,  # concept besluit
    # The griffie's registers
    "pimpelmees": ALLEN,  # published toezegging in a public meeting
    "putter": BESLOTEN,  # published toezegging in a besloten meeting
    "koolmees": BESLOTEN,  # published but vertrouwelijke schriftelijke vraag
    "goudvink": GRIFFIE,  # concept ingekomen stuk
    "zwartkop": GRIFFIE,  # the name of a private sender of a published, public ingekomen stuk
    "dorpsweg": GRIFFIE,  # ... and the address
    "staartmees": ALLEN,  # published item of the lange termijnagenda
    "kwikstaart": GRIFFIE,  # concept item of the lange termijnagenda
    "tapuit": ALLEN,  # stand van zaken of a public aangenomen motie
    # Moties and amendementen
    "tureluur": ALLEN,  # public motie with a published stemming
    "lepelaar": ALLEN,  # public amendement
    "kraanvogel": BESLOTEN,  # vertrouwelijke motie in a public meeting
    "wulpenveld": BESLOTEN,  # motie in the besloten meeting
    "patrijs": GRIFFIE,  # concept motie
    "futenpaar": ALLEN,  # public motie (ingediend, with a published stemming)
    "nachtzwaluw": BESLOTEN,  # vertrouwelijke motie
    "zanglijster": GRIFFIE,  # concept motie
    "roodborst": GRIFFIE,  # concept amendement
    "goudhaan": GRIFFIE,  # an imported concept (its import item)
}
# Never found by search, whoever searches: a private sender's name and address stay out of the index.
NOOIT_IN_ZOEKINDEX = {"zwartkop", "dorpsweg"}


@pytest.fixture
def wereld(db):
    cache.clear()
    raad = GremiumFactory(naam="Gemeenteraad Proef", slug="proefraad")
    proef = OnderwerpFactory(naam="Proefonderwerp", slug="proef")
    dag = datetime.date(2030, 5, 10)
    openbaar = VergaderingFactory(gremium=raad, titel="Raadsvergadering openbaar", datum=dag)
    vergaderingen = [openbaar]
    punt = AgendapuntFactory(vergadering=openbaar, volgorde=1, titel="Publiek punt merelzang vogelproef")
    punt.onderwerpen.add(proef)
    besloten_punt = AgendapuntFactory(
        vergadering=openbaar, volgorde=2, titel="Besloten punt kwartelkoning vogelproef", besloten=True
    )
    besloten_punt.onderwerpen.add(proef)
    geheime_memo = MemoFactory(betreft="Memo roerdomp vogelproef", vertrouwelijk=True)
    concept_memo = MemoFactory(betreft="Memo wielewaal vogelproef", concept=True)
    for memo in (geheime_memo, concept_memo):
        memo.onderwerpen.add(proef)
    punt.memos.add(geheime_memo, concept_memo)
    besloten_vergadering = VergaderingFactory(
        gremium=raad,
        titel="Besloten vergadering grutto vogelproef",
        datum=dag + datetime.timedelta(days=1),
        besloten=True,
    )
    vergaderingen.append(besloten_vergadering)
    vergaderingen.append(
        VergaderingFactory(
            gremium=raad,
            titel="Conceptvergadering kievit vogelproef",
            datum=dag + datetime.timedelta(days=2),
            concept=True,
        )
    )
    zaken = {n: ZaakFactory(zaaknummer=f"L91000{n}", titel=f"Zaak {n}") for n in range(1, 6)}
    for zaak in zaken.values():
        zaak.onderwerpen.add(proef)
    voorstellen = [
        RaadsvoorstelFactory(zaak=zaken[1], titel="Voorstel ijsvogel vogelproef", concept=True),
        RaadsvoorstelFactory(zaak=zaken[2], titel="Voorstel zilverreiger vogelproef", vertrouwelijk=True),
    ]
    concept_besluit = BesluitFactory(
        raadsvoorstel__zaak=zaken[3],
        raadsvoorstel__titel="Voorstel drie",
        titel="Besluit houtsnip vogelproef",
        vergadering=openbaar,
    )
    BesluitFactory(
        raadsvoorstel__zaak=zaken[4],
        raadsvoorstel__titel="Voorstel vier",
        raadsvoorstel__vertrouwelijk=True,
        titel="Besluit korhoen vogelproef",
        gepubliceerd=True,
        vertrouwelijk=True,
        vergadering=openbaar,
    )
    BesluitFactory(
        raadsvoorstel__zaak=zaken[5],
        raadsvoorstel__titel="Voorstel boomklever vogelproef",
        titel="Besluit boomklever vogelproef",
        gepubliceerd=True,
        vergadering=openbaar,
    )
    besloten = Vergadering.objects.get(titel__contains="grutto")
    ToezeggingFactory(vergadering=openbaar, tekst="Toezegging pimpelmees vogelproef", gepubliceerd=True)
    ToezeggingFactory(vergadering=besloten, tekst="Toezegging putter vogelproef", gepubliceerd=True)
    SchriftelijkeVraagFactory(onderwerp="Vragen koolmees vogelproef", gepubliceerd=True, vertrouwelijk=True)
    IngekomenStukFactory(onderwerp="Brief goudvink vogelproef")
    IngekomenStukFactory(
        onderwerp="Brief van een inwoner vogelproef",
        afzender="J. Zwartkop",
        afzender_adres="Dorpsweg 7",
        prive=True,
        gepubliceerd=True,
        lijst=punt,  # on the public meeting's "Lijst ingekomen stukken"
    )
    LangetermijnItemFactory(titel="Nota staartmees vogelproef", gepubliceerd=True)
    LangetermijnItemFactory(titel="Nota kwikstaart vogelproef")
    StandVanZakenFactory(
        opvolging__motie__vergadering=openbaar,
        opvolging__motie__titel="Motie vogelproef",
        tekst="Stand tapuit vogelproef",
    )
    # Moties and amendementen: indieners are members of the raad at the date.
    from apps.moties.models import Aanwezigheid

    leden = [RaadslidFactory(gremium=raad, begindatum=datetime.date(2026, 1, 1)) for _ in range(3)]
    tureluur = MotieFactory(
        vergadering=openbaar, agendapunt=punt, titel="Motie tureluur vogelproef", indieners=leden[:2]
    )
    MotieFactory(
        vergadering=openbaar,
        agendapunt=punt,
        titel="Motie kraanvogel vogelproef",
        vertrouwelijk=True,
        indieners=leden[:1],
    )
    MotieFactory(vergadering=besloten_vergadering, titel="Motie wulpenveld vogelproef", indieners=leden[:1])
    MotieFactory(
        vergadering=openbaar, agendapunt=punt, titel="Motie patrijs vogelproef", concept=True, indieners=leden[:1]
    )
    lepelaar = AmendementFactory(
        vergadering=openbaar,
        raadsvoorstel=RaadsvoorstelFactory(zaak=ZaakFactory(zaaknummer="L910006"), status="geagendeerd"),
        titel="Amendement lepelaar vogelproef",
        indieners=leden[2:],
    )
    aanwezig = [
        Aanwezigheid.objects.create(vergadering=openbaar, persoon=r.persoon, rol=r, fractie=r.fractie) for r in leden
    ]
    stemming_maken(openbaar, keuzes={a: "voor" for a in aanwezig}, volgorde=1, motie=tureluur)
    # Moties, an amendement, a fractie with a member, the presence list and a published stemming.
    fractie = FractieFactory(naam="Fractie Proef", slug="fractie-proef", gremium=raad)
    lid = RaadslidFactory(gremium=raad, fractie=fractie, persoon__naam="Lid Proef", persoon__slug="lid-proef")
    moties = [
        MotieFactory(vergadering=openbaar, titel="Motie futenpaar vogelproef", indieners=[lid]),
        MotieFactory(vergadering=openbaar, titel="Motie nachtzwaluw vogelproef", vertrouwelijk=True, indieners=[lid]),
        MotieFactory(vergadering=openbaar, titel="Motie zanglijster vogelproef", concept=True, indieners=[lid]),
    ]
    amendementen = [
        AmendementFactory(
            vergadering=openbaar,
            raadsvoorstel=voorstellen[0],
            titel="Amendement roodborst vogelproef",
            concept=True,
            indieners=[lid],
        )
    ]
    aanwezig = aanwezigheid_maken(openbaar, [lid])
    stemmingen = [stemming_maken(openbaar, keuzes={aanwezig[0]: "voor"}, volgorde=2, motie=moties[0])]
    # A concept from an import: the run and its item (with the kept original file) are the griffie's only.
    run = ImportRun.objects.create(bron="documenten", bronnaam="proefmap goudhaan vogelproef", status="voltooid")
    item = ImportItem(run=run, naam="goudhaan.txt", status="aangemaakt", reden="Concept goudhaan vogelproef.")
    item.bestand.save("goudhaan.txt", ContentFile(b"Raadsvoorstel goudhaan"), save=False)
    item.save()
    zoekindex_herbouwen()
    return {
        "moties": moties,
        "amendementen": amendementen,
        "stemmingen": stemmingen,
        "importruns": [run],
        "importitems": [item],
        "lid": lid,
        "gremium": raad,
        "vergaderingen": vergaderingen,
        "agendapunten": [punt, besloten_punt],
        "memos": [geheime_memo, concept_memo],
        "voorstellen": voorstellen,
        "besluiten": [concept_besluit],
        "bijlagen": [AgendapuntBijlageFactory(agendapunt=punt, titel="Bijlage bij het publieke punt")],
        "motie": tureluur,
        "amendement": lepelaar,
        "leden": leden,
        "vergadering": openbaar,
    }


def _griffie(naam, objecten, **extra):
    return [reverse(f"griffie:{naam}", kwargs={"uuid": o.uuid, **extra}) for o in objecten]


def _api(naam, objecten):
    return [reverse(f"openori:{naam}", kwargs={"id": str(o.uuid)}) for o in objecten]


NUMMERS = [f"L91000{n}" for n in range(1, 6)]
BESLUITENLIJST = {"datum": "2030-05-10", "gremium": "proefraad"}


def _nummers(naam, objecten):
    return [reverse(naam, kwargs={"nummer": o.nummer}) for o in objecten]


def _pk(naam, objecten):
    return [reverse(naam, kwargs={"pk": o.pk}) for o in objecten]


def _vergaderingen(naam, w, sleutel="uuid"):
    return [reverse(f"griffie:{naam}", kwargs={sleutel: v.uuid}) for v in w["vergaderingen"]]


@dataclass(frozen=True)
class Post:
    """A route that only takes POST: the addresses to post to as each role."""

    adressen: Callable


# Every named route of the portal, and how this walk reads it: a function of the test world that gives the
# addresses to read as each role, or (a string) where else who may see it is tested and why not here.
# test_every_named_route_has_an_entry fails for a new route that is in neither.
ROUTES = {
    "portaal:home": lambda w: ["/"],
    "portaal:zoeken": lambda w: [
        *[f"/zoeken/?q={n}" for n in NUMMERS],
        # A word every marked title shares (the page echoes the query, so never search a marker itself).
        "/zoeken/?q=vogelproef",
        "/zoeken/?q=vogelproef&jaar=2030",
    ],
    "portaal:toegankelijkheid": lambda w: [reverse("portaal:toegankelijkheid")],
    "portaal:open-data": lambda w: [reverse("portaal:open-data")],
    "portaal:zaak": lambda w: [f"/zaken/{n}/" for n in NUMMERS],
    "portaal:onderwerpen": lambda w: [reverse("portaal:onderwerpen")],
    "portaal:onderwerp": lambda w: ["/onderwerpen/proef/"],
    "vergaderagenda:kalender": lambda w: [
        "/vergaderingen/",
        "/vergaderingen/?maand=2030-05",
        "/vergaderingen/?jaar=2030",
    ],
    "vergaderagenda:agenda": lambda w: [
        "/vergaderingen/2030-05-10/",
        "/vergaderingen/2030-05-11/",
        "/vergaderingen/2030-05-12/",
    ],
    "vergaderagenda:ical": lambda w: ["/vergaderingen.ics"],
    "vergaderagenda:ical-gremium": lambda w: [f"/vergaderingen/{w['gremium'].slug}.ics"],
    "vergaderagenda:ical-vergadering": lambda w: [
        reverse("vergaderagenda:ical-vergadering", kwargs={"uuid": v.uuid}) for v in w["vergaderingen"]
    ],
    "besluiten:lijst": lambda w: ["/besluiten/", "/besluiten/?q=besluit", "/besluiten/?q=vogelproef"],
    "besluiten:feed": lambda w: ["/besluiten/feed/"],
    "besluiten:feed-onderwerp": lambda w: ["/besluiten/feed/onderwerp/proef/"],
    "besluiten:detail": lambda w: [f"/besluiten/{n}/" for n in NUMMERS],
    "besluiten:versie": lambda w: [f"/besluiten/{n}/versie/1/" for n in NUMMERS[2:]],
    "besluiten:pdf": "a PDF, markers unreadable: test_raadsbesluit_pdf_only_for_those_who_may_see_the_besluit",
    "besluiten:versie-pdf": "a PDF, markers unreadable: test_raadsbesluit_pdf_only_for_those_who_may_see_the_besluit",
    "bijlagen:download": "a file: tests/core/test_zichtbaarheid_regels.py (the rule) and "
    "tests/griffie/test_views.py::test_bijlage_download_respects_visibility_and_sends_safe_headers (the download)",
    "sitemap-index": lambda w: ["/sitemap.xml"],
    "sitemap": lambda w: ["/sitemap-besluiten.xml", "/sitemap-zaken.xml", "/sitemap-agenda.xml"],
    "robots": lambda w: ["/robots.txt"],
    "login": lambda w: ["/inloggen/"],
    "logout": "POST only; shows nobody's records",
    "openori:index": lambda w: [reverse("openori:index")],
    "openori:vergadering-lijst": lambda w: [reverse("openori:vergadering-lijst")],
    "openori:vergadering": lambda w: _api("vergadering", w["vergaderingen"]),
    "openori:agendapunt-lijst": lambda w: [reverse("openori:agendapunt-lijst")],
    "openori:agendapunt": lambda w: _api("agendapunt", w["agendapunten"]),
    "openori:informatieobject-lijst": lambda w: [reverse("openori:informatieobject-lijst")],
    "openori:informatieobject": lambda w: _api("informatieobject", w["memos"] + w["voorstellen"] + w["besluiten"]),
    # The griffie's pages: anonymous visitors get the login page, raadsleden 403, the griffie everything.
    "griffie:dashboard": lambda w: ["/griffie/"],
    "griffie:raadsvoorstellen": lambda w: ["/griffie/raadsvoorstellen/"],
    "griffie:raadsvoorstel-nieuw": lambda w: [reverse("griffie:raadsvoorstel-nieuw")],
    "griffie:raadsvoorstel": lambda w: _griffie("raadsvoorstel", w["voorstellen"]),
    "griffie:raadsvoorstel-bewerken": lambda w: _griffie("raadsvoorstel-bewerken", w["voorstellen"]),
    "griffie:memos": lambda w: ["/griffie/memos/"],
    "griffie:memo-nieuw": lambda w: [reverse("griffie:memo-nieuw")],
    "griffie:memo": lambda w: _griffie("memo", w["memos"]),
    "griffie:memo-bewerken": lambda w: _griffie("memo-bewerken", w["memos"]),
    "griffie:vergaderingen": lambda w: ["/griffie/vergaderingen/"],
    "griffie:vergadering-nieuw": lambda w: [reverse("griffie:vergadering-nieuw")],
    "griffie:vergadering": lambda w: _griffie("vergadering", w["vergaderingen"]),
    "griffie:vergadering-bewerken": lambda w: _griffie("vergadering-bewerken", w["vergaderingen"]),
    "griffie:agendapunt-nieuw": lambda w: [
        reverse("griffie:agendapunt-nieuw", kwargs={"vergadering_uuid": v.uuid}) for v in w["vergaderingen"]
    ],
    "griffie:agendapunt-bewerken": lambda w: _griffie("agendapunt-bewerken", w["agendapunten"]),
    "griffie:besluit-registreren": lambda w: _griffie("besluit-registreren", w["agendapunten"]),
    "griffie:besluiten": lambda w: ["/griffie/besluiten/"],
    "griffie:besluit": lambda w: _griffie("besluit", w["besluiten"]),
    "griffie:besluit-bewerken": lambda w: _griffie("besluit-bewerken", w["besluiten"]),
    # The griffie's actions (POST only): test_griffie_actions_refuse_everyone_else.
    "griffie:raadsvoorstel-actie": Post(
        lambda w: _griffie("raadsvoorstel-actie", w["voorstellen"], actie="verwijderen")
    ),
    "griffie:memo-verwijderen": Post(lambda w: _griffie("memo-verwijderen", w["memos"])),
    "griffie:vergadering-actie": Post(lambda w: _griffie("vergadering-actie", w["vergaderingen"], actie="verwijderen")),
    "griffie:agendapunt-verplaatsen": Post(lambda w: _griffie("agendapunt-verplaatsen", w["agendapunten"])),
    "griffie:agendapunt-verwijderen": Post(lambda w: _griffie("agendapunt-verwijderen", w["agendapunten"])),
    "griffie:bijlage-verwijderen": Post(lambda w: _griffie("bijlage-verwijderen", w["bijlagen"])),
    "griffie:besluit-rectificeren": Post(lambda w: _griffie("besluit-rectificeren", w["besluiten"])),
    "griffie:besluit-actie": Post(lambda w: _griffie("besluit-actie", w["besluiten"], actie="verwijderen")),
    "griffie:besluit-publiceren": lambda w: _griffie("besluit-publiceren", w["besluiten"]),
    "griffie:besluitvorming": lambda w: _vergaderingen("besluitvorming", w),
    "griffie:presentielijst": lambda w: _vergaderingen("presentielijst", w),
    "griffie:motie-nieuw": lambda w: _vergaderingen("motie-nieuw", w, "vergadering_uuid"),
    "griffie:amendement-nieuw": lambda w: _vergaderingen("amendement-nieuw", w, "vergadering_uuid"),
    "griffie:stemming-nieuw": lambda w: _vergaderingen("stemming-nieuw", w, "vergadering_uuid"),
    "griffie:besluitenlijst-voorbeeld": lambda w: _griffie("besluitenlijst-voorbeeld", w["vergaderingen"][:1]),
    "griffie:motie-bewerken": lambda w: _griffie("motie-bewerken", w["moties"]),
    "griffie:amendement-bewerken": lambda w: _griffie("amendement-bewerken", w["amendementen"]),
    "griffie:stemming-bewerken": lambda w: _griffie("stemming-bewerken", w["stemmingen"]),
    "griffie:stuk-actie": Post(
        lambda w: (
            _griffie("stuk-actie", w["moties"] + w["amendementen"], actie="verwijderen")
            + _griffie("stuk-actie", w["moties"][2:] + w["amendementen"], actie="indienen")
        )
    ),
    "griffie:stemming-actie": Post(
        lambda w: (
            _griffie("stemming-actie", w["stemmingen"], actie="verwijderen")
            + _griffie("stemming-actie", w["stemmingen"], actie="publiceren")
        )
    ),
    "griffie:stemming-rectificeren": Post(lambda w: _griffie("stemming-rectificeren", w["stemmingen"])),
    "griffie:besluitenlijst-publiceren": Post(lambda w: _griffie("besluitenlijst-publiceren", w["vergaderingen"])),
    "importeren:overzicht": lambda w: [reverse("importeren:overzicht")],
    "importeren:document-uploaden": Post(lambda w: [reverse("importeren:document-uploaden")]),
    "importeren:export-uploaden": Post(lambda w: [reverse("importeren:export-uploaden")]),
    "importeren:runs": lambda w: [reverse("importeren:runs")],
    "importeren:run": lambda w: _pk("importeren:run", w["importruns"]),
    "importeren:item": lambda w: _pk("importeren:item", w["importitems"]),
    "importeren:item-bestand": lambda w: _pk("importeren:item-bestand", w["importitems"]),
    "importeren:dekking": lambda w: [reverse("importeren:dekking")],
    "oria:export": lambda w: [reverse("oria:export")],
    "mist-u-een-stuk": lambda w: [reverse("mist-u-een-stuk")],
    "moties:moties": lambda w: ["/moties/", "/moties/?q=vogelproef"],
    "moties:feed": lambda w: ["/moties/feed/"],
    "moties:motie": lambda w: _nummers("moties:motie", w["moties"]),
    "moties:motie-pdf": lambda w: _nummers("moties:motie-pdf", w["moties"]),
    "moties:amendementen": lambda w: ["/amendementen/"],
    "moties:amendement": lambda w: _nummers("moties:amendement", w["amendementen"]),
    "moties:besluitenlijst": lambda w: [reverse("moties:besluitenlijst", kwargs=BESLUITENLIJST)],
    "moties:besluitenlijst-pdf": lambda w: [reverse("moties:besluitenlijst-pdf", kwargs=BESLUITENLIJST)],
    "moties:besluitenlijst-versie-pdf": lambda w: [
        reverse("moties:besluitenlijst-versie-pdf", kwargs={**BESLUITENLIJST, "versie": 1})
    ],
    "moties:persoon": lambda w: [reverse("moties:persoon", kwargs={"slug": w["lid"].persoon.slug})],
    "moties:fracties": lambda w: ["/fracties/"],
    "moties:fractie": lambda w: ["/fracties/fractie-proef/"],
    "openori:grafsteen-lijst": lambda w: [reverse("openori:grafsteen-lijst")],
    "openori:niet-gevonden": lambda w: ["/api/ori/bestaat-niet/"],
    "portaal:raadsvoorstel-pdf": lambda w: [
        reverse("portaal:raadsvoorstel-pdf", kwargs={"uuid": v.uuid}) for v in w["voorstellen"]
    ],
    "portaal:memo-pdf": lambda w: [reverse("portaal:memo-pdf", kwargs={"uuid": m.uuid}) for m in w["memos"]],
    "woo:sitemapindex": lambda w: [reverse("woo:sitemapindex", kwargs={"infocat": "008"})],
    "woo:sitemap": lambda w: [reverse("woo:sitemap", kwargs={"infocat": "008", "nummer": 1})],
    "bench-hallo": "the benchmark's baseline, mounted only with BENCH_BASELINE; shows no records",
}
# Whole namespaces tested elsewhere.
NAMESPACES_ELDERS = {"admin": "the Django admin, for staff only: tests/test_admin.py"}


def _registeritems(w):
    return {
        "toezeggingen": list(Toezegging.objects.all()),
        "ingekomen-stukken": list(IngekomenStuk.objects.all()),
        "schriftelijke-vragen": list(SchriftelijkeVraag.objects.all()),
        "lange-termijnagenda": list(LangetermijnItem.objects.all()),
    }


def _griffie_register(naam, **extra):
    return lambda w: [
        reverse(f"registers_griffie:{naam}", kwargs={"register": register, "uuid": item.uuid, **extra})
        for register, items in _registeritems(w).items()
        for item in items
    ]


REGISTERS = ["toezeggingen", "motiemonitor", "ingekomen-stukken", "schriftelijke-vragen", "lange-termijnagenda"]
MOTIENUMMERS = lambda w: list(Motie.objects.values_list("nummer", flat=True))  # noqa: E731
# The moties the motiemonitor follows (aangenomen ones; the griffie's page of any other answers 404).
OPGEVOLGD = lambda w: list(Motieopvolging.objects.values_list("motie__nummer", flat=True))  # noqa: E731

# The griffie's registers: lists, feeds, every item's page and the griffie's pages. A private sender's name and
# address are planted in the world and must never reach the public.
ROUTES.update(
    {
        "registers:overzicht": lambda w: ["/registers/"],
        "registers:toezeggingen": lambda w: ["/toezeggingen/", "/toezeggingen/?q=vogelproef"],
        "registers:toezeggingen-feed": lambda w: ["/toezeggingen/feed/"],
        "registers:toezegging": lambda w: [f"/toezeggingen/{t.nummer}/" for t in Toezegging.objects.all()],
        "registers:motiemonitor": lambda w: ["/motiemonitor/"],
        "registers:motiemonitor-feed": lambda w: ["/motiemonitor/feed/"],
        "registers:motie": lambda w: [f"/motiemonitor/{m}/" for m in MOTIENUMMERS(w)],
        "registers:ingekomen-stukken": lambda w: ["/ingekomen-stukken/"],
        "registers:ingekomen-stukken-feed": lambda w: ["/ingekomen-stukken/feed/"],
        "registers:ingekomen-stuk": lambda w: [f"/ingekomen-stukken/{s.nummer}/" for s in IngekomenStuk.objects.all()],
        "registers:lis": lambda w: [
            f"/ingekomen-stukken/lijst/{s.lijst.uuid}/" for s in IngekomenStuk.objects.exclude(lijst=None)
        ],
        "registers:schriftelijke-vragen": lambda w: ["/schriftelijke-vragen/"],
        "registers:schriftelijke-vragen-feed": lambda w: ["/schriftelijke-vragen/feed/"],
        "registers:schriftelijke-vraag": lambda w: [
            f"/schriftelijke-vragen/{v.nummer}/" for v in SchriftelijkeVraag.objects.all()
        ],
        "registers:lange-termijnagenda": lambda w: ["/lange-termijnagenda/"],
        "registers:lange-termijnagenda-feed": lambda w: ["/lange-termijnagenda/feed/"],
        "registers:langetermijn-item": lambda w: [
            f"/lange-termijnagenda/{i.uuid}/" for i in LangetermijnItem.objects.all()
        ],
        "registers_griffie:overzicht": lambda w: ["/griffie/registers/"],
        "registers_griffie:lijst": lambda w: [f"/griffie/registers/{r}/" for r in REGISTERS if r != "motiemonitor"],
        "registers_griffie:motiemonitor": lambda w: ["/griffie/registers/motiemonitor/"],
        "registers_griffie:motie": lambda w: [f"/griffie/registers/motiemonitor/{m}/" for m in OPGEVOLGD(w)],
        "registers_griffie:motie-bewerken": lambda w: [
            f"/griffie/registers/motiemonitor/{m}/bewerken/" for m in OPGEVOLGD(w)
        ],
        "registers_griffie:nieuw": lambda w: [
            f"/griffie/registers/{r}/nieuw/" for r in REGISTERS if r != "motiemonitor"
        ],
        "registers_griffie:detail": _griffie_register("detail"),
        "registers_griffie:bewerken": _griffie_register("bewerken"),
        "registers_griffie:actie": Post(_griffie_register("actie", actie="publiceren")),
        "registers_griffie:bijwerken": Post(lambda w: ["/griffie/registers/bijwerken/"]),
        "registers_griffie:stand-toevoegen": Post(
            lambda w: [f"/griffie/registers/motiemonitor/{m}/stand/" for m in OPGEVOLGD(w)]
        ),
        "registers_griffie:lis-vaststellen": Post(
            lambda w: [
                f"/griffie/registers/ingekomen-stukken/lijst/{s.lijst.uuid}/vaststellen/"
                for s in IngekomenStuk.objects.exclude(lijst=None)
            ]
        ),
        "registers_griffie:document-verwijderen": "tests/registers/test_views.py: a clerk removes a stuk's "
        "document; raadsleden and the public get no griffie register page",
    }
)


def _v2_lijsten() -> list[str]:
    from apps.oriapi.urls import BRONNEN

    return [b.naam for b in BRONNEN]


def _v2_detail(naam):
    """Every record the v2 list shows (public only), plus the uuids of the world's hidden records: those must 404."""

    def walk(w):
        from django.test import Client

        lijst = Client().get(reverse(f"oriapi:{naam}-lijst"), {"page_size": 100}).json()
        ids = [str(rij["id"]) for rij in lijst.get("results", [])]
        verborgen = [*w["vergaderingen"], *w["agendapunten"], *w["memos"], *w["voorstellen"], *w["besluiten"]]
        ids += [str(o.uuid) for o in verborgen]
        return [reverse(f"oriapi:{naam}", kwargs={"id": i}) for i in ids]

    return walk


# The richer open-data API (ORI 2.0.0-beta.4, public only) and the griffie's record of deliveries to Open Overheid.
ROUTES.update(
    {
        "oriapi:index": lambda w: [reverse("oriapi:index")],
        "oriapi:niet-gevonden": lambda w: ["/api/ori/v2/bestaat-niet", "/api/ori/v2/vergaderingen/x/y/z"],
        **{
            f"oriapi:{naam}-lijst": (lambda n: lambda w: [reverse(f"oriapi:{n}-lijst")])(naam) for naam in _v2_lijsten()
        },
        **{f"oriapi:{naam}": _v2_detail(naam) for naam in _v2_lijsten()},
        "aanlevering:lijst": lambda w: [reverse("aanlevering:lijst")],
        "aanlevering:opnieuw": "tests/aanlevering/test_aanlevering.py::"
        "test_a_409_fails_at_once_and_the_griffie_sees_why (a clerk sends a failed delivery again)",
    }
)


def benoemde_routes(patronen=None, namespace="") -> set[str]:
    """The name of every named URL pattern, found by walking the URL resolver (namespaces included)."""
    namen = set()
    for patroon in get_resolver().url_patterns if patronen is None else patronen:
        if isinstance(patroon, URLResolver):
            binnen = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
            namen |= benoemde_routes(patroon.url_patterns, binnen)
        elif patroon.name:
            namen.add(f"{namespace}{patroon.name}")
    return namen


def urls(wereld) -> list[str]:
    return [url for walk in ROUTES.values() if callable(walk) for url in walk(wereld)]


def post_urls(wereld) -> list[str]:
    return [url for walk in ROUTES.values() if isinstance(walk, Post) for url in walk.adressen(wereld)]


def test_every_named_route_has_an_entry(wereld):
    routes = {n for n in benoemde_routes() if n.split(":")[0] not in NAMESPACES_ELDERS}
    assert not routes - set(ROUTES), (
        f"routes without an entry in ROUTES (add how the walk reads them): {sorted(routes - set(ROUTES))}"
    )
    assert set(ROUTES) - routes <= {"bench-hallo"}, (
        f"entries for routes that no longer exist: {sorted(set(ROUTES) - routes)}"
    )
    for naam, walk in ROUTES.items():
        if isinstance(walk, str):
            continue
        adressen = walk.adressen(wereld) if isinstance(walk, Post) else walk(wereld)
        if adressen:
            for adres in adressen:
                assert resolve(urlsplit(adres).path).view_name == naam, (naam, adres)
        assert adressen, f"the walk reads no address of {naam}"


@pytest.mark.parametrize("rol", ["publiek", "raadslid"])
def test_griffie_actions_refuse_everyone_else(client, wereld, rol):
    from apps.besluiten.models import Besluit
    from apps.memos.models import Memo
    from apps.moties.models import Aanwezigheid, Amendement, Besluitenlijst, Motie, Stem, Stemming
    from apps.raadsvoorstellen.models import Raadsvoorstel
    from apps.vergaderagenda.models import Agendapunt, AgendapuntBijlage, Vergadering

    modellen = (Raadsvoorstel, Memo, Vergadering, Agendapunt, AgendapuntBijlage, Besluit)
    from apps.importeren.models import Herkomst, ImportItem, ImportRun

    modellen += (Motie, Amendement, Aanwezigheid, Stemming, Stem, Besluitenlijst, ImportRun, ImportItem, Herkomst)
    voor = [list(m.objects.order_by("pk").values()) for m in modellen]
    inloggen(client, rol)
    for url in post_urls(wereld):
        response = client.post(url, {"richting": "omhoog", "reden": "proef"})
        if rol == "publiek":
            assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url
        else:
            assert response.status_code == 403, url
    assert [list(m.objects.order_by("pk").values()) for m in modellen] == voor


def inloggen(client, rol):
    if rol != "publiek":
        client.force_login(UserFactory(username=f"{rol}-zicht", groep=rol))
    return client


@pytest.mark.parametrize("rol", ["publiek", "raadslid", "griffie"])
def test_every_url_shows_each_role_exactly_what_it_may_see(client, wereld, rol):
    inloggen(client, rol)
    gezien = set()
    for url in urls(wereld):
        response = client.get(url, follow=True)
        assert response.status_code in (200, 403, 404), (url, response.status_code)
        if url.startswith("/griffie/"):
            verwacht = 200 if rol == "griffie" else 403 if rol == "raadslid" else 200  # anonymous: login page
            assert response.status_code == verwacht, (url, rol)
            if rol == "publiek":
                assert response.redirect_chain and "/inloggen/" in response.redirect_chain[-1][0]
                continue
        inhoud = response.getvalue().decode("utf-8", errors="replace").lower()
        for marker, rollen in MARKERS.items():
            if marker in inhoud:
                assert rol in rollen, f"{marker} leaks to {rol} on {url}"
                gezien.add(marker)
    mag_zien = {m for m, rollen in MARKERS.items() if rol in rollen}
    assert mag_zien <= gezien, f"{rol} should find {mag_zien - gezien} somewhere"


@pytest.mark.parametrize("rol", ["publiek", "raadslid", "griffie"])
def test_raadsbesluit_pdf_only_for_those_who_may_see_the_besluit(client, wereld, rol):
    inloggen(client, rol)
    assert client.get("/besluiten/L910005/raadsbesluit.pdf").status_code == 200  # public
    geheim = client.get("/besluiten/L910004/raadsbesluit.pdf").status_code
    concept = client.get("/besluiten/L910003/raadsbesluit.pdf").status_code
    if rol == "publiek":
        assert geheim == 404 and concept == 404
    if rol == "raadslid":
        assert geheim == 200 and concept == 404
    if rol == "griffie":
        assert geheim == 200 and concept == 200  # the griffie's uncached preview of a concept
    # A version's own PDF: only published versions, for those who may see them.
    assert client.get("/besluiten/L910005/versie/1/raadsbesluit.pdf").status_code == 200
    geheime_versie = client.get("/besluiten/L910004/versie/1/raadsbesluit.pdf").status_code
    assert geheime_versie == (404 if rol == "publiek" else 200)
    assert client.get("/besluiten/L910003/versie/1/raadsbesluit.pdf").status_code == 404


# A meeting has no search entry of its own; an import item is the griffie's record, not a document.
NIET_IN_ZOEKEN = {"grutto", "kievit", "goudhaan"}


@pytest.mark.parametrize("rol", ["publiek", "raadslid", "griffie"])
def test_motie_pdf_only_for_those_who_may_see_the_motie(client, wereld, rol):
    from apps.moties.models import Motie

    inloggen(client, rol)
    statussen = {
        m.titel.split()[1]: client.get(f"/moties/{m.nummer}/motie.pdf").status_code for m in Motie.objects.all()
    }
    verwacht = {
        "tureluur": 200,
        "kraanvogel": 200 if rol != "publiek" else 404,
        "wulpenveld": 200 if rol != "publiek" else 404,
        "patrijs": 200 if rol == "griffie" else 404,
        "futenpaar": 200,
        "nachtzwaluw": 200 if rol != "publiek" else 404,
        "zanglijster": 200 if rol == "griffie" else 404,
    }
    assert {naam: statussen.get(naam) for naam in verwacht} == verwacht


@pytest.mark.parametrize("rol", ["publiek", "raadslid", "griffie"])
def test_search_finds_for_each_role_exactly_what_it_may_see(client, wereld, rol):
    inloggen(client, rol)
    # Every result page: the world holds more marked documents than one page shows.
    inhoud = ""
    for pagina in range(1, 6):
        antwoord = client.get("/zoeken/", {"q": "vogelproef", "page": pagina})
        inhoud += antwoord.content.decode().lower()
        if f"page={pagina + 1}" not in antwoord.content.decode():
            break
    gevonden = {marker for marker in MARKERS if marker in inhoud}
    verwacht = {m for m, rollen in MARKERS.items() if rol in rollen and m not in NIET_IN_ZOEKEN}
    assert gevonden == verwacht - NOOIT_IN_ZOEKINDEX


def test_the_page_cache_never_carries_a_page_from_one_role_to_another(wereld, settings):
    """The same walk with the page cache on, most privileged role first, without clearing the cache."""
    from django.test import Client

    settings.PAGINACACHE_SECONDEN = 600
    settings.PAGINACACHE_INGELOGD = True
    treffers = 0
    for rol in ["griffie", "raadslid", "publiek"]:
        client = inloggen(Client(), rol)
        for _ronde in range(2):  # the second round is served from the cache
            for url in urls(wereld):
                response = client.get(url, follow=True)
                treffers += response.get("X-Paginacache") == "hit"
                inhoud = response.getvalue().decode("utf-8", errors="replace").lower()
                for marker, rollen in MARKERS.items():
                    assert marker not in inhoud or rol in rollen, f"{marker} leaks to {rol} on {url} (cache)"
    cache.clear()
    assert treffers > 30  # the walk really was served from the cache


@pytest.mark.parametrize("rol", ["publiek", "raadslid", "griffie"])
def test_raadsvoorstel_and_memo_pdfs_only_for_those_who_may_see_them_and_never_as_concept(client, wereld, rol):
    from apps.memos.models import Memo
    from apps.raadsvoorstellen.models import Raadsvoorstel

    inloggen(client, rol)
    geheim = Raadsvoorstel.objects.get(zaak__zaaknummer="L910002")
    concept = Raadsvoorstel.objects.get(zaak__zaaknummer="L910001")
    geheime_memo = Memo.objects.get(betreft__contains="roerdomp")
    concept_memo = Memo.objects.get(betreft__contains="wielewaal")
    status = {
        "geheim": client.get(f"/documenten/raadsvoorstellen/{geheim.uuid}.pdf").status_code,
        "concept": client.get(f"/documenten/raadsvoorstellen/{concept.uuid}.pdf").status_code,
        "geheime_memo": client.get(f"/documenten/memos/{geheime_memo.uuid}.pdf").status_code,
        "concept_memo": client.get(f"/documenten/memos/{concept_memo.uuid}.pdf").status_code,
    }
    besloten = 404 if rol == "publiek" else 200
    assert status == {"geheim": besloten, "concept": 404, "geheime_memo": besloten, "concept_memo": 404}
