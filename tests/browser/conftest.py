"""Real headless Chromium for the browser tests (Debian's, never downloaded).

Without Chromium or Playwright the browser tests are skipped with one line
saying how to enable them; with CI=true a missing browser fails the run.
"""

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from django.db import connections
from wagtail.models import Locale

from tests.tool_gate import ToolGate

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
HOW_TO_ENABLE = (
    "browser tests need Chromium and Playwright: apt install chromium && "
    "pip install -e '.[test]' (or set CHROMIUM_PATH)"
)


def chromium_path():
    """CHROMIUM_PATH if set, else Debian's chromium, else None."""
    configured = os.environ.get("CHROMIUM_PATH")
    candidates = (configured,) if configured else CHROMIUM_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = None if configured else shutil.which("chromium")
    return found


def _missing():
    """Why the browser tests cannot run here, or None when they can."""
    if chromium_path() is None:
        return "no Chromium was found"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed"
    return None


BROWSER = ToolGate(
    marker="browser", how_to_enable=HOW_TO_ENABLE, missing=_missing, where=__file__
)


def pytest_collection_modifyitems(config, items):
    """Without a browser, skip the browser tests; in CI they fail instead
    (see the browser fixture)."""
    BROWSER.skip_marked(items)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    return BROWSER.fold_skip((yield))


@pytest.fixture(scope="module", autouse=True)
def _database_left_as_found(django_db_blocker):
    """Put the migrated data back once a module's browser tests are done.

    Browser tests need committed data (the live server reads it from another
    thread), so the database is flushed after each of them; tests that run
    later expect the rows the migrations made (locales, the root page).
    """
    yield
    with django_db_blocker.unblock():
        connection = connections["default"]
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents and not Locale.objects.exists():
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def browser():
    """A Chromium for one test.

    Started after the test's database fixtures and stopped before they are
    torn down: while Playwright's event loop runs, Django hands out other
    connection objects, and the serialized-rollback restore must not be
    among them.
    """
    BROWSER.require()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls
    # the tests make between browser steps are still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    manager = sync_playwright().start()
    launched = manager.chromium.launch(
        executable_path=chromium_path(), args=CHROMIUM_ARGS
    )
    yield launched
    launched.close()
    # Close what the test opened while the loop ran (its own connections).
    connections.close_all()
    manager.stop()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser):
    """open_page(width) -> a fresh tab of that width; closed after the test.

    Every console error and page error (CSP violations included) is recorded
    on ``tab.problems``.
    """
    contexts = []

    def open_tab(width=1280, height=900):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(15_000)
        contexts.append(context)
        tab = context.new_page()
        tab.problems = []
        tab.on(
            "console",
            lambda message: (
                message.type == "error" and tab.problems.append(message.text)
            ),
        )
        tab.on("pageerror", lambda error: tab.problems.append(str(error)))
        return tab

    yield open_tab
    for context in contexts:
        context.close()
