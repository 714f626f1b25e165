"""The public site's demo content: filled in once, in Danish."""

from cms.demo_pages import MEETINGS, demo_pages_seed
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


def test_the_demo_meetings_have_agenda_items_and_approved_minutes(
    client, council_a, chair_a, member_a
):
    demo_pages_seed(site=council_a)

    held = MeetingPage.objects.descendant_of(council_a.root_page).get(
        slug="raadsmoede-foraar"
    )
    assert held.live and held.agenda_items.count() == 3
    minutes = held.live_minutes
    assert minutes is not None and minutes.decisions.exclude(dissent="").exists()
    attending = {row.member for row in minutes.attendance.all()}
    assert attending == {chair_a, member_a}
    assert client.get(minutes.url).status_code == 200


def test_the_two_demo_councils_hold_different_meetings():
    titles = {key: {m["title"] for m in specs} for key, specs in MEETINGS.items()}

    assert set(titles) == {"eksempelby", "provestrup"}
    assert not titles["eksempelby"] & titles["provestrup"]
