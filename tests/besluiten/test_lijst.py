import datetime

import pytest
from django.urls import reverse

from apps.core.search import zoekindex_herbouwen

from .conftest import publiceer

pytestmark = pytest.mark.django_db

URL = "/besluiten/"


def titels(response):
    return [b.titel for b in response.context["page_obj"]]


def test_url_and_name_match():
    assert reverse("besluiten:lijst") == URL


def test_newest_first_and_count(client):
    publiceer("Oud besluit", dagen_geleden=30)
    publiceer("Nieuw besluit", dagen_geleden=1)
    response = client.get(URL)
    assert titels(response) == ["Nieuw besluit", "Oud besluit"]
    assert "2 besluiten gevonden" in response.content.decode()


def test_only_published_public_for_anonymous(client):
    publiceer("Openbaar besluit")
    publiceer("Geheim besluit", vertrouwelijk=True)
    publiceer("Concept besluit", gepubliceerd=False)
    response = client.get(URL)
    assert titels(response) == ["Openbaar besluit"]
    assert "Geheim besluit" not in response.content.decode()
    assert "1 besluit gevonden" in response.content.decode()


def test_raadslid_sees_vertrouwelijk_but_no_concept(raadslid_client):
    publiceer("Openbaar besluit")
    publiceer("Geheim besluit", vertrouwelijk=True)
    publiceer("Concept besluit", gepubliceerd=False)
    assert sorted(titels(raadslid_client.get(URL))) == ["Geheim besluit", "Openbaar besluit"]


def test_griffie_list_shows_published_only(griffie_client):
    publiceer("Openbaar besluit")
    publiceer("Concept besluit", gepubliceerd=False)
    assert titels(griffie_client.get(URL)) == ["Openbaar besluit"]


def test_superseded_version_is_not_listed(client):
    oud = publiceer("Besluit met fout")
    from tests.factories import BesluitFactory

    BesluitFactory(
        raadsvoorstel=oud.raadsvoorstel,
        zaak=oud.zaak,
        vergadering=oud.vergadering,
        versie=2,
        vervangt=oud,
        titel="Besluit gecorrigeerd",
        gepubliceerd=True,
    )
    assert titels(client.get(URL)) == ["Besluit gecorrigeerd"]


def test_filter_onderwerp(client, onderwerpen):
    jeugd, wonen = onderwerpen
    publiceer("Jeugdbesluit", onderwerpen=[jeugd])
    publiceer("Woonbesluit", onderwerpen=[wonen])
    assert titels(client.get(URL, {"onderwerp": "jeugdzorg"})) == ["Jeugdbesluit"]


def test_filter_jaar_and_period(client):
    publiceer("Besluit 2020", datum=datetime.date(2020, 3, 12))
    publiceer("Besluit 2021", datum=datetime.date(2021, 9, 30))
    publiceer("Besluit 2022", datum=datetime.date(2022, 1, 20))
    assert titels(client.get(URL, {"jaar": "2021"})) == ["Besluit 2021"]
    assert sorted(titels(client.get(URL, {"van": "2021-01-01"}))) == ["Besluit 2021", "Besluit 2022"]
    assert titels(client.get(URL, {"van": "2020-01-01", "tot": "2020-12-31"})) == ["Besluit 2020"]
    assert titels(client.get(URL, {"tot": "30-09-2021", "van": "01-01-2021"})) == ["Besluit 2021"]


def test_filter_uitkomst(client):
    publiceer("Aangenomen besluit")
    publiceer("Verworpen besluit", uitkomst="verworpen")
    assert titels(client.get(URL, {"uitkomst": "verworpen"})) == ["Verworpen besluit"]


def test_filter_gremium(client, gremia):
    raad, commissie = gremia
    publiceer("In de raad", gremium=raad)
    publiceer("In de commissie", gremium=commissie)
    assert titels(client.get(URL, {"gremium": commissie.slug})) == ["In de commissie"]


def test_filter_vergadering(client):
    een = publiceer("Eerste")
    publiceer("Tweede")
    assert titels(client.get(URL, {"vergadering": str(een.vergadering.uuid)})) == ["Eerste"]


def test_filter_portefeuillehouder(client, wethouders):
    kiel, ander = wethouders
    publiceer("Van Kiel", portefeuillehouder=kiel)
    publiceer("Van een ander", portefeuillehouder=ander)
    response = client.get(URL, {"portefeuillehouder": str(kiel.uuid)})
    assert titels(response) == ["Van Kiel"]
    assert "P.J. Kiel" in response.content.decode()  # offered in the select


def test_free_text_uses_search_index(client):
    publiceer("Regiovisie specialistische jeugdhulp", dictum=["de regiovisie jeugdhulp vast te stellen."])
    publiceer("Bestemmingsplan centrum")
    zoekindex_herbouwen()
    assert titels(client.get(URL, {"q": "jeugdhulp"})) == ["Regiovisie specialistische jeugdhulp"]
    assert titels(client.get(URL, {"q": "regiovisie"})) == ["Regiovisie specialistische jeugdhulp"]
    assert len(titels(client.get(URL, {"q": '"&|!'}))) == 2  # nothing usable: no filter, no error


def test_filters_are_in_the_url_and_combine(client, onderwerpen):
    jeugd, _ = onderwerpen
    publiceer("Jeugd 2021", onderwerpen=[jeugd], datum=datetime.date(2021, 5, 1))
    publiceer("Jeugd 2020", onderwerpen=[jeugd], datum=datetime.date(2020, 5, 1))
    response = client.get(URL, {"onderwerp": "jeugdzorg", "jaar": "2021"})
    assert titels(response) == ["Jeugd 2021"]
    html = response.content.decode()
    assert 'method="get"' in html
    assert '<option value="jeugdzorg" selected>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"jaar": "twintig"},
        {"van": "31-02-2021"},
        {"tot": "morgen"},
        {"onderwerp": "bestaat-niet"},
        {"uitkomst": "misschien"},
        {"portefeuillehouder": "geen-uuid"},
        {"vergadering": "x"},
        {"page": "9999"},
        {"page": "abc"},
        {"q": "x" * 10_000},
        {"gremium": "<script>"},
    ],
)
def test_invalid_filters_give_a_dutch_message_not_an_error(client, params):
    publiceer("Een besluit")
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    if "page" not in params and "q" not in params:
        assert "Het formulier is nog niet goed ingevuld" in html


def test_van_after_tot_is_refused(client):
    response = client.get(URL, {"van": "2022-01-01", "tot": "2021-01-01"})
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


def test_pagination_25_per_page_keeps_filters(client):
    for i in range(27):
        publiceer(f"Besluit {i:02d}", dagen_geleden=i, uitkomst="aangenomen")
    response = client.get(URL, {"uitkomst": "aangenomen"})
    assert len(titels(response)) == 25
    assert "27 besluiten gevonden" in response.content.decode()
    assert (
        "uitkomst=aangenomen&amp;page=2" in response.content.decode()
        or "uitkomst=aangenomen&page=2" in response.content.decode()
    )
    assert len(titels(client.get(URL, {"uitkomst": "aangenomen", "page": 2}))) == 2


def test_constant_number_of_queries(client, django_assert_max_num_queries, onderwerpen):
    publiceer("Eerste", onderwerpen=[onderwerpen[0]])
    with django_assert_max_num_queries(8) as klein:
        client.get(URL, {"onderwerp": "jeugdzorg", "jaar": "2021"})
    for i in range(30):
        publiceer(f"Besluit {i}", onderwerpen=[onderwerpen[0]])
    with django_assert_max_num_queries(len(klein.captured_queries)):
        response = client.get(URL, {"onderwerp": "jeugdzorg", "jaar": "2021"})
    assert len(titels(response)) == 25
