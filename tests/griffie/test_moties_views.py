"""The griffie's pages for presence list, moties, amendementen and stemmingen (issue 13)."""

import pytest
from django.urls import reverse

from apps.moties.models import Aanwezigheid, Motie, Stemming
from tests.moties.conftest import raad_gegevens

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad(db):
    return raad_gegevens()


@pytest.fixture
def ingelogd(client, griffie_user):
    client.force_login(griffie_user)
    return client


def _presentie(ingelogd, raad, *, behalve=()):
    data = {f"lid_{r.persoon_id}": "on" for r in raad["leden"] if r not in behalve}
    return ingelogd.post(reverse("griffie:presentielijst", kwargs={"uuid": raad["vergadering"].uuid}), data)


def test_presence_list_form_records_present_and_absent(ingelogd, raad):
    pagina = ingelogd.get(reverse("griffie:presentielijst", kwargs={"uuid": raad["vergadering"].uuid}))
    html = pagina.content.decode()
    assert "Groen Voorbeeld" in html and html.count('type="checkbox"') == 19
    antwoord = _presentie(ingelogd, raad, behalve=[raad["leden"][0]])
    assert antwoord.status_code == 302
    assert Aanwezigheid.objects.filter(aanwezig=True).count() == 18


def test_motie_form_with_two_indieners_and_errors_in_dutch(ingelogd, raad):
    url = reverse("griffie:motie-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid})
    leeg = ingelogd.post(url, {"titel": "", "motietype": "vreemd", "verzoek": "", "vertrouwelijkheid": "openbaar"})
    html = leeg.content.decode()
    assert leeg.status_code == 200
    assert "Geef de motie een titel." in html and "Kies minstens één indiener." in html
    assert 'value="vreemd" checked' in html or "checked" in html  # input kept
    goed = ingelogd.post(
        url,
        {
            "titel": "Zwemles voor elk kind",
            "motietype": "vreemd",
            "agendapunt": raad["vreemd_punt"].pk,
            "verzoek": "verzoekt het college zwemles te regelen.",
            "vertrouwelijkheid": "openbaar",
            "indieners": [raad["leden"][0].persoon_id, raad["leden"][8].persoon_id],
        },
    )
    assert goed.status_code == 302, goed.content.decode()[:2000]
    motie = Motie.objects.get()
    assert motie.indieners.count() == 2 and motie.motietype == "vreemd"


def test_stemming_form_per_fractie_with_one_exception(ingelogd, raad):
    _presentie(ingelogd, raad)
    url = reverse("griffie:stemming-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid})
    html = ingelogd.get(url).content.decode()
    assert "Fractie Groen Voorbeeld stemt" in html
    data = {"stuk": f"raadsvoorstel:{raad['voorstel'].pk}", "soort": "regulier", "publiceren": "1"}
    for fractie in raad["fracties"].values():
        data[f"fractie_{fractie.pk}"] = "voor" if fractie.naam != "Lokaal Voorbeeld" else "tegen"
    afwijker = raad["leden"][0]
    data[f"lid_{afwijker.persoon_id}"] = "tegen"
    antwoord = ingelogd.post(url, data)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    stemming = Stemming.objects.get()
    assert (stemming.status, stemming.uitslag) == ("gepubliceerd", "aangenomen")
    assert stemming.stemmen.filter(keuze="voor").count() == 15
    assert stemming.stemmen.get(persoon=afwijker.persoon).keuze == "tegen"


def test_stemming_form_refuses_a_member_without_choice(ingelogd, raad):
    _presentie(ingelogd, raad)
    url = reverse("griffie:stemming-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid})
    data = {"stuk": f"raadsvoorstel:{raad['voorstel'].pk}", "soort": "regulier"}
    for fractie in raad["fracties"].values():
        data[f"fractie_{fractie.pk}"] = "voor"
    data[f"fractie_{raad['fracties']['Lokaal Voorbeeld'].pk}"] = "per_lid"
    antwoord = ingelogd.post(url, data)
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Kies voor, tegen of niet deelgenomen voor" in html
    assert not Stemming.objects.exists()


def test_stemming_without_presence_list_is_refused_with_message(ingelogd, raad):
    url = reverse("griffie:stemming-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid})
    antwoord = ingelogd.post(url, {"stuk": f"raadsvoorstel:{raad['voorstel'].pk}", "soort": "regulier"})
    assert antwoord.status_code == 200
    assert "presentielijst" in antwoord.content.decode()


def test_unknown_stuk_is_refused(ingelogd, raad):
    url = reverse("griffie:stemming-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid})
    antwoord = ingelogd.post(url, {"stuk": "motie:999999", "soort": "hamerslag"})
    assert antwoord.status_code == 200
    assert "Kies een voorstel, motie of amendement van deze vergadering." in antwoord.content.decode()


def test_besluitvorming_page_and_publication(ingelogd, raad):
    _presentie(ingelogd, raad)
    ingelogd.post(
        reverse("griffie:stemming-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid}),
        {"stuk": f"raadsvoorstel:{raad['voorstel'].pk}", "soort": "hamerslag", "publiceren": "1"},
    )
    pagina = ingelogd.get(reverse("griffie:besluitvorming", kwargs={"uuid": raad["vergadering"].uuid}))
    assert pagina.status_code == 200 and "hamerslag" in pagina.content.decode()
    antwoord = ingelogd.post(reverse("griffie:besluitenlijst-publiceren", kwargs={"uuid": raad["vergadering"].uuid}))
    assert antwoord.status_code == 302
    assert raad["vergadering"].besluitenlijsten.get().pdf


def test_griffie_pages_need_griffie(client, raadslid_user, raad):
    client.force_login(raadslid_user)
    for url in [
        reverse("griffie:besluitvorming", kwargs={"uuid": raad["vergadering"].uuid}),
        reverse("griffie:presentielijst", kwargs={"uuid": raad["vergadering"].uuid}),
        reverse("griffie:stemming-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid}),
        reverse("griffie:motie-nieuw", kwargs={"vergadering_uuid": raad["vergadering"].uuid}),
    ]:
        assert client.get(url).status_code == 403
