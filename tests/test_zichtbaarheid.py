"""One walk over every public URL (and the griffie's) as anonymous visitor, raadslid and griffie.

Each hidden record carries a unique bird name in its title. A name may appear only for the
roles that may see it — in pages, search results, feeds, iCal, sitemaps and status codes — and
must appear somewhere for the roles that may, so that the walk itself cannot silently miss.
"""

import datetime

import pytest
from django.core.cache import cache

from apps.core.search import zoekindex_herbouwen
from tests.factories import (
    AgendapuntFactory,
    AmendementFactory,
    BesluitFactory,
    GremiumFactory,
    MemoFactory,
    MotieFactory,
    OnderwerpFactory,
    RaadslidFactory,
    RaadsvoorstelFactory,
    UserFactory,
    VergaderingFactory,
    ZaakFactory,
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
    "tureluur": ALLEN,  # public motie with a published stemming
    "lepelaar": ALLEN,  # public amendement
    "kraanvogel": BESLOTEN,  # vertrouwelijke motie in a public meeting
    "wulp": BESLOTEN,  # motie in the besloten meeting
    "patrijs": GRIFFIE,  # concept motie
}


@pytest.fixture
def wereld(db):
    cache.clear()
    raad = GremiumFactory(naam="Gemeenteraad Proef", slug="proefraad")
    proef = OnderwerpFactory(naam="Proefonderwerp", slug="proef")
    dag = datetime.date(2030, 5, 10)
    openbaar = VergaderingFactory(gremium=raad, titel="Raadsvergadering openbaar", datum=dag)
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
    VergaderingFactory(
        gremium=raad, titel="Conceptvergadering kievit vogelproef", datum=dag + datetime.timedelta(days=2), concept=True
    )
    zaken = {n: ZaakFactory(zaaknummer=f"L91000{n}", titel=f"Zaak {n}") for n in range(1, 6)}
    for zaak in zaken.values():
        zaak.onderwerpen.add(proef)
    RaadsvoorstelFactory(zaak=zaken[1], titel="Voorstel ijsvogel vogelproef", concept=True)
    RaadsvoorstelFactory(zaak=zaken[2], titel="Voorstel zilverreiger vogelproef", vertrouwelijk=True)
    BesluitFactory(
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
    # Moties and amendementen (issue 13): indieners are members of the raad at the date.
    from apps.moties.models import Aanwezigheid
    from tests.factories import stemming_maken

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
    MotieFactory(vergadering=besloten_vergadering, titel="Motie wulp vogelproef", indieners=leden[:1])
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
    zoekindex_herbouwen()
    return {"gremium": raad, "motie": tureluur, "amendement": lepelaar, "leden": leden, "vergadering": openbaar}


def urls(wereld):
    lijst = [
        "/",
        "/vergaderingen/",
        "/vergaderingen/?maand=2030-05",
        "/vergaderingen/?jaar=2030",
        "/vergaderingen/2030-05-10/",
        "/vergaderingen/2030-05-11/",
        "/vergaderingen/2030-05-12/",
        "/vergaderingen.ics",
        f"/vergaderingen/{wereld['gremium'].slug}.ics",
        "/onderwerpen/proef/",
        "/besluiten/",
        "/besluiten/?q=besluit",
        "/besluiten/feed/",
        "/besluiten/feed/onderwerp/proef/",
        "/sitemap-besluiten.xml",
        "/sitemap-zaken.xml",
        "/sitemap-agenda.xml",
        "/griffie/",
        "/griffie/raadsvoorstellen/",
        "/griffie/memos/",
        "/griffie/vergaderingen/",
        "/griffie/besluiten/",
        "/griffie/archief/",
        "/griffie/aanleveringen/",
        "/api/ori/vergaderingen?page_size=100",
        "/api/ori/agendapunten?page_size=100",
        "/api/ori/informatieobjecten?page_size=100",
        "/api/ori/verwijderd",
        "/sitemapindex-diwoo-infocat008.xml",
        "/sitemaps/diwoo-infocat008-1.xml",
        *(f"/api/ori/v2/{bron}?page_size=100" for bron in ORI_V2),
    ]
    for n in range(1, 6):
        lijst += [f"/zaken/L91000{n}/", f"/besluiten/L91000{n}/", f"/zoeken/?q=L91000{n}"]
    from apps.moties.models import Amendement, Motie

    lijst += ["/moties/", "/amendementen/", "/moties/feed/", "/fracties/", "/sitemap-moties.xml"]
    lijst += ["/sitemap-amendementen.xml", "/sitemap-fracties.xml", "/sitemap-personen.xml"]
    lijst += ["/besluitenlijsten/2030-05-10/proefraad/", "/besluitenlijsten/2030-05-11/proefraad/"]
    lijst += [f"/moties/{n}/" for n in Motie.objects.order_by("pk").values_list("nummer", flat=True)]
    lijst += [f"/amendementen/{n}/" for n in Amendement.objects.values_list("nummer", flat=True)]
    lijst += [f"/personen/{r.persoon.slug}/" for r in wereld["leden"]]
    lijst += [f"/fracties/{r.fractie.slug}/" for r in wereld["leden"]]
    lijst += [f"/griffie/vergaderingen/{wereld['vergadering'].uuid}/besluitvorming/"]
    # Search for a word every marked title shares (the page echoes the query, so never search a marker itself).
    lijst += ["/zoeken/?q=vogelproef", "/zoeken/?q=vogelproef&jaar=2030", "/besluiten/?q=vogelproef"]
    return lijst


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
        inhoud = response.content.decode("utf-8", errors="replace").lower()
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
        "wulp": 200 if rol != "publiek" else 404,
        "patrijs": 200 if rol == "griffie" else 404,
    }
    assert statussen == verwacht


@pytest.mark.parametrize("rol", ["publiek", "raadslid", "griffie"])
def test_search_finds_for_each_role_exactly_what_it_may_see(client, wereld, rol):
    inloggen(client, rol)
    inhoud = client.get("/zoeken/", {"q": "vogelproef"}).content.decode().lower()
    gevonden = {marker for marker in MARKERS if marker in inhoud}
    assert gevonden == {m for m, rollen in MARKERS.items() if rol in rollen and m != "grutto" and m != "kievit"}


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
                inhoud = response.content.decode("utf-8", errors="replace").lower()
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
