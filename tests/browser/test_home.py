import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_shows_latest_besluit_and_passes_axe(page, live_server):
    call_command("demo_laden", "--zonder-accounts", verbosity=0, stdout=open("/dev/null", "w"))
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.get_by_role("main")).to_contain_text("L275141")
    expect(page.get_by_role("link", name="Vergaderingen", exact=True)).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_no_axe_violations(page)
