import pytest
from django.urls import reverse

from tests.factories import BesluitFactory

pytestmark = pytest.mark.django_db


def test_home_shows_latest_besluit_and_the_way_to_the_meetings(client, demo_data):
    response = client.get(reverse("portaal:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "L275141" in html
    assert reverse("vergaderagenda:kalender") in html
    assert 'lang="nl"' in html
    assert html.count("<h1") == 1
    assert "Naar de inhoud" in html


def test_home_hides_concept_and_confidential_besluiten(client, demo_data):
    BesluitFactory(titel="Geheim concept", raadsvoorstel__zaak__zaaknummer="L900001")
    BesluitFactory(
        gepubliceerd=True, vertrouwelijk=True, titel="Vertrouwelijk besluit", raadsvoorstel__zaak__zaaknummer="L900002"
    )
    html = client.get(reverse("portaal:home")).content.decode()
    assert "Geheim concept" not in html
    assert "Vertrouwelijk besluit" not in html


@pytest.mark.parametrize("aantal", [1, 20])
def test_home_uses_a_constant_number_of_queries(client, django_assert_max_num_queries, aantal):
    for i in range(aantal):
        BesluitFactory(gepubliceerd=True, raadsvoorstel__zaak__zaaknummer=f"L8{i:05d}")
    with django_assert_max_num_queries(6):
        assert client.get(reverse("portaal:home")).status_code == 200


def test_home_shows_recent_meetings_and_subjects_to_follow(client, demo_data):
    html = client.get(reverse("portaal:home")).content.decode()
    assert "Recente vergaderingen" in html
    assert reverse("vergaderagenda:agenda", kwargs={"datum": "2021-09-30"}) in html
    assert reverse("portaal:onderwerp", kwargs={"slug": "lariks"}) in html
    assert reverse("vergaderagenda:ical") in html


def test_onderwerpen_page_lists_subjects_under_their_main_subject(client, demo_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = client.get(reverse("portaal:onderwerpen"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert html.index("Sociaal domein") < html.index("Lariks")
    assert reverse("portaal:onderwerp", kwargs={"slug": "regiovisies"}) in html
