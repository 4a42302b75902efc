"""Browser tests: Playwright with the system Chromium, against pytest-django's live server.

The pattern for a test::

    import pytest

    from tests.browser.axe import assert_no_axe_violations
    from tests.browser.conftest import login

    pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


    def test_besluitenlijst(page, live_server):
        BesluitFactory(gepubliceerd=True)
        page.goto(f"{live_server.url}/besluiten/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Besluiten")
        assert_no_axe_violations(page)

Notes:

- Every test in this folder is marked ``browser`` automatically as well, so
  ``pytest -m "not browser"`` skips them and ``pytest -m browser`` selects them.
- ``live_server`` runs Django in a second thread, so the test's data must be
  committed to be seen there: ``live_server`` already pulls in
  ``transactional_db``; ``django_db(transaction=True)`` says so explicitly.
  Create data with factories *before* ``page.goto``.
- Playwright's sync API runs an asyncio event loop in the test thread, so Django
  would raise ``SynchronousOnlyOperation`` for ORM calls made there (factories,
  assertions on the database). ``DJANGO_ALLOW_ASYNC_UNSAFE`` below allows them;
  it is safe because the test thread never shares a connection with the loop.
- Chromium comes from Debian (``apt-get install chromium``), never from
  ``playwright install``. ``CHROMIUM_PATH`` overrides ``/usr/bin/chromium``.
  Without a browser the tests are skipped, unless ``BROWSER_TESTS=1`` (the
  Makefile's browser pass), where a missing browser is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BROWSER_DIR = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

VIEWPORT = {"width": 1280, "height": 900}


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: end-to-end test in headless Chromium (Playwright)")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


def _browser_required() -> bool:
    return os.environ.get("BROWSER_TESTS") == "1"


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    executable = chromium_path()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        message = f"No Chromium at {executable} (apt-get install chromium, or set CHROMIUM_PATH)"
        if _browser_required():
            pytest.fail(f"BROWSER_TESTS=1 but: {message}", pytrace=False)
        pytest.skip(message)

    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the environment
        if _browser_required():
            pytest.fail(f"BROWSER_TESTS=1 but playwright is not importable: {exc}", pytrace=False)
        pytest.skip(f"playwright is not installed: {exc}")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser context (own cookies and storage) per test, in Dutch."""
    context = browser.new_context(
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport=VIEWPORT,
    )
    context.set_default_timeout(10_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context):
    """A page in a fresh context, 1280x900; use page.set_viewport_size() for phones."""
    page = context.new_page()
    yield page
    page.close()


def login(page, live_server, username: str, password: str) -> None:
    """Log in through the real login form, the way a person does.

    Opens the page behind ``{% url 'login' %}``, fills the fields found by their
    labels "Gebruikersnaam" and "Wachtwoord", presses the button "Inloggen" and
    waits for the "Uitloggen" button of the header. If that does not appear, the
    test fails with the error text the login page showed.
    """
    from django.urls import reverse
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.goto(f"{live_server.url}{reverse('login')}")
    page.get_by_label("Gebruikersnaam", exact=True).fill(username)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    try:
        page.get_by_role("button", name="Uitloggen", exact=True).wait_for(state="visible", timeout=10_000)
    except PlaywrightTimeoutError:
        errors = page.locator('[role="alert"], .utrecht-form-field-error-message').all_inner_texts()
        pytest.fail(
            f"Login as {username!r} failed; page {page.url} shows: {' | '.join(errors) or '(no error text)'}",
            pytrace=False,
        )
