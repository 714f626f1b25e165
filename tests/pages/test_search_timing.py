"""How long a public search takes on the demo's content, printed (a
measurement, not a limit: a shared test machine's timings vary too much to
assert). Run: pytest tests/pages/test_search_timing.py -s"""

import io
import statistics
import time

import pytest
from django.core.management import call_command

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


def test_search_time_on_the_demo_content(client, demo, capsys):
    lines = []
    for label, query in QUERIES.items():
        warm = client.get("/soeg/", {"q": query})  # templates, stemmer cache
        if "misspelling" in label:
            assert b"search-suggestion" in warm.content
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get("/soeg/", {"q": query})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        lines.append(
            f"  {label:28} {query!r:14} median {statistics.median(timings):6.1f} ms"
            f"  max {max(timings):6.1f} ms"
        )
    with capsys.disabled():
        print(f"\nSearch on the demo ({SearchWord.objects.count()} words kept):")
        print("\n".join(lines))
