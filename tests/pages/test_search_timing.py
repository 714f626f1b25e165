"""How long a public search takes on the demo's content, printed (a
measurement, not a limit: a shared test machine's timings vary too much to
assert). Run: pytest tests/pages/test_search_timing.py -s"""

import io
import statistics
import time

import pytest
from django.core.management import call_command
from wagtail.models import Site

from pages import selectors
from pages.models import SearchWord

pytestmark = pytest.mark.django_db

QUERIES = {
    "a word": "hjemløse",
    "a word form": "natcafeen",
    "a compound's head": "møde",
    "two words": "bolig plan",
    "a misspelling (suggestion)": "hjemlæse",
    "nothing close": "cykelhjelm",
}
RUNS = 15


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "demo-adgangskode-1")
    call_command("seed_demo", "--force", stdout=io.StringIO())


def _median_ms(action):
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def test_search_time_on_the_demo_content(client, demo, capsys):
    root = Site.objects.get(is_default_site=True).root_page
    lines = []
    for label, query in QUERIES.items():
        warm = client.get("/soeg/", {"q": query})  # templates, stemmer cache
        assert warm.status_code == 200
        if "misspelling" in label:
            assert b"search-suggestion" in warm.content
        page = _median_ms(lambda q=query: client.get("/soeg/", {"q": q}))
        found = _median_ms(
            lambda q=query: list(selectors.site_search(site_root=root, query=q)[:10])
        )
        suggested = _median_ms(
            lambda q=query: selectors.search_suggestion(site_root=root, query=q)
        )
        lines.append(
            f"  {label:28} {query!r:13} page {page:6.1f}  search {found:5.1f}"
            f"  suggestion {suggested:5.1f}"
        )
    with capsys.disabled():
        print(
            f"\nSearch on the demo, median of {RUNS} runs in ms "
            f"({SearchWord.objects.count()} words kept for suggestions):"
        )
        print("\n".join(lines))
