"""The public site's demo content: filled in once, in Danish."""

from cms.demo_pages import demo_pages_seed
from pages.models import AccessibilityStatementPage, ContentPage, MeetingPage


def _counts(site):
    home = site.root_page
    return (
        ContentPage.objects.descendant_of(home).count(),
        MeetingPage.objects.descendant_of(home).count(),
        AccessibilityStatementPage.objects.child_of(home).get().revisions.count(),
    )


def test_demo_pages_seed_fills_the_site_once(client, council_a):
    demo_pages_seed(site=council_a)
    first = _counts(council_a)
    demo_pages_seed(site=council_a)
    assert _counts(council_a) == first
    statement = AccessibilityStatementPage.objects.child_of(council_a.root_page).get()
    assert len(statement.non_accessible_content) == 2
    page = client.get(statement.url).content.decode()
    assert "scannede PDF-filer" in page
    assert client.get("/udsattepolitik/").status_code == 200
