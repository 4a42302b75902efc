import pytest

from apps.memos.forms import MemoForm
from apps.raadsvoorstellen.forms import RaadsvoorstelForm
from apps.vergaderagenda.forms import AgendapuntForm

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("formulier", [RaadsvoorstelForm, MemoForm, AgendapuntForm])
def test_a_bijlage_title_without_a_file_gets_a_dutch_error_next_to_the_file_field(formulier):
    form = formulier(data={"bijlage_titel": "Raadsinformatiebrief", "bijlage_vertrouwelijkheid": "openbaar"})
    assert not form.is_valid()
    assert form.errors["bijlage"] == ["Kies het bestand bij de titel van de nieuwe bijlage."]
    assert form["bijlage_titel"].value() == "Raadsinformatiebrief"  # what the clerk typed is kept
