"""The demo councils' annual plans: different for each, live through the
chairs' approval, seeded once, Eksempelby's of this year in English too."""

from django.utils import timezone
from wagtail.models import Locale, WorkflowState

from cms.demo_annual_plans import demo_annual_plans_seed
from pages.models import AnnualPlanPage

YEAR = timezone.localdate().year


def _plans(site):
    return AnnualPlanPage.objects.child_of(site.root_page)


def _titles(plan):
    return {entry.title for entry in plan.entries.all()}


def test_each_demo_council_gets_its_own_plans_once(
    council_a, council_b, chair_a, chair_b, secretary_a, secretary_b
):
    for site in (council_a, council_b, council_a):
        demo_annual_plans_seed(site=site)

    a = _plans(council_a).get(year=YEAR)
    b = _plans(council_b).get(year=YEAR)
    assert a.live and b.live
    assert _plans(council_a).filter(year=YEAR - 1, live=True).exists()
    assert not _titles(a) & _titles(b)
    assert a.entries.filter(kind="budget").count() >= 2
    assert b.entries.filter(kind="budget").count() >= 2
    # Put live the council's way: the secretary's version, the chair's approval.
    assert a.live_revision.user == secretary_a
    approved = WorkflowState.objects.filter(object_id=str(a.pk), status="approved")
    assert approved.exists()


def test_eksempelbys_plan_of_this_year_is_in_english_too(
    client, council_a, chair_a, secretary_a
):
    demo_annual_plans_seed(site=council_a)

    english = (
        _plans(council_a)
        .get(year=YEAR)
        .get_translation(Locale.objects.get(language_code="en"))
    )
    assert english.live and english.title == f"Annual plan {YEAR}"
    assert "Summer break" in _titles(english)
    page = client.get(english.url, HTTP_HOST="eksempelby.localhost")
    assert "January" in page.content.decode()
