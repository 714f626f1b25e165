"""The council's annual plan (årshjul): its year's meetings, hearing
deadlines and the secretariat's entries, as a list by month and as a wheel
that agree; budget windows marked; in the iCal feed; linked from the home
page; edited through the chairs' approval; refused in Danish when wrong."""

import datetime
from collections import Counter

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from pages.models import AnnualPlanEntry, AnnualPlanPage
from tests.factories import HearingFactory, MeetingPageFactory, publish_fixture
from tests.pages.conftest import meeting_index
from workflows.publish_guard import bootstrap

HOST_A = "eksempelby.localhost"
YEAR = timezone.localdate().year

SEMINAR = {
    "title": "Budgetseminar i byrådet",
    "starts_on": datetime.date(YEAR, 3, 12),
    "ends_on": datetime.date(YEAR, 3, 13),
    "kind": "budget",
    "description": "Her lægger byrådet linjen. Skriv til os før den 1. marts.",
}
UDSATTEDAG = {
    "title": "Udsattedag på torvet",
    "starts_on": datetime.date(YEAR, 9, 4),
    "kind": "council_event",
    "description": "Vi står på torvet med kaffe og spørger, hvad du mangler.",
}


def plan_of(site, year=YEAR, entries=(), live=True, title=None):
    """A council's plan of one year with these entries, live as a fixture."""
    page = AnnualPlanPage(
        title=title or f"Årshjul {year}",
        year=year,
        live=False,
        entries=[AnnualPlanEntry(**entry) for entry in entries],
    )
    Page.objects.get(pk=site.root_page_id).add_child(instance=page)
    if live:
        publish_fixture(page)
    return AnnualPlanPage.objects.get(pk=page.pk)


def meeting_on(site, day, title):
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17)))
    return MeetingPageFactory(parent=meeting_index(site), title=title, starts_at=starts)


def soup(client, url, host=HOST_A):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def year_of_council_a(council_a, council_b):
    """Council A's plan of this year, and things of both councils and years
    around it."""
    meeting_on(council_a, datetime.date(YEAR, 2, 10), "Rådsmøde om boliger")
    meeting_on(council_a, datetime.date(YEAR - 1, 11, 3), "Rådsmøde sidste år")
    meeting_on(council_b, datetime.date(YEAR, 2, 11), "Nabobyens rådsmøde")
    HearingFactory(
        council=council_a,
        title="Høring om herberget",
        received_on=datetime.date(YEAR, 5, 1),
        deadline=datetime.date(YEAR, 5, 29),
    )
    HearingFactory(
        council=council_a,
        title="Høring fra sidste år",
        received_on=datetime.date(YEAR - 1, 5, 1),
        deadline=datetime.date(YEAR - 1, 5, 29),
    )
    HearingFactory(
        council=council_b,
        title="Nabobyens høring",
        received_on=datetime.date(YEAR, 5, 1),
        deadline=datetime.date(YEAR, 5, 20),
    )
    return plan_of(council_a, entries=[SEMINAR, UDSATTEDAG])


def test_the_plan_shows_its_years_meetings_deadlines_and_entries(
    client, year_of_council_a
):
    page = soup(client, year_of_council_a.url)
    text = page.select_one(".annual-plan__list").get_text(" ", strip=True)

    for title in (
        "Rådsmøde om boliger",
        "Høring om herberget",
        "Budgetseminar i byrådet",
        "Udsattedag på torvet",
    ):
        assert title in text
    for title in ("Rådsmøde sidste år", "Høring fra sidste år"):
        assert title not in text


def test_another_councils_meetings_and_deadlines_never_show(client, year_of_council_a):
    html = client.get(year_of_council_a.url, HTTP_HOST=HOST_A).content.decode()

    assert "Nabobyens rådsmøde" not in html
    assert "Nabobyens høring" not in html


def test_the_list_is_by_month_in_date_order(client, year_of_council_a):
    page = soup(client, year_of_council_a.url)
    months = [h.get_text(strip=True) for h in page.select(".annual-plan__month")]

    assert months[0] == "Januar" and months[-1] == "December" and len(months) == 12
    march = page.find("h3", string="Marts").find_next_sibling("ul")
    assert "Budgetseminar i byrådet" in march.get_text()
    assert "12. marts" in march.get_text()


def test_a_budget_window_is_marked_in_words_shape_and_hatching(
    client, year_of_council_a
):
    page = soup(client, year_of_council_a.url)
    seminar = page.find("span", string="Budgetseminar i byrådet").parent

    assert "annual-plan__item--budget" in seminar["class"]
    assert "Budget: et vindue for indflydelse" in seminar.get_text()
    band = page.select_one(".year-wheel__window")
    assert band["fill"] == "url(#year-wheel-budget-hatch)"
    assert band.find("title").get_text() == "Budgetseminar i byrådet"
    assert page.select_one("polygon.year-wheel__mark--budget") is not None


def test_the_list_and_the_wheel_show_the_same_items(client, year_of_council_a):
    page = soup(client, year_of_council_a.url)
    titles = page.select(".annual-plan__list .annual-plan__title")
    in_list = [title.get_text(strip=True) for title in titles]
    marks = page.select(".year-wheel__mark")

    assert len(in_list) == 4
    assert Counter(in_list) == Counter(m.find("title").get_text() for m in marks)


def test_the_wheel_is_drawn_for_the_eye_and_the_list_read_first(
    client, year_of_council_a
):
    page = soup(client, year_of_council_a.url)
    figure = page.select_one(".year-wheel")

    assert figure["aria-hidden"] == "true"
    assert page.select_one(".annual-plan__list").find_next(class_="year-wheel")
    # Coordinates as SVG reads them (12.5), not in Danish (12,5).
    marks = figure.select("circle.year-wheel__mark, rect.year-wheel__mark")
    assert marks and all("," not in m.get("cx", m.get("x")) for m in marks)
    labels = [t.get_text() for t in figure.select("text.year-wheel__label")]
    assert labels[0] == "Januar" and len(labels) == 12
    assert page.find("script") is None or page.find("script").get("src")


def test_the_calendar_feed_has_the_plans_entries(client, year_of_council_a):
    feed = client.get("/kalender.ics", HTTP_HOST=HOST_A)
    events = {
        str(e["SUMMARY"]): e
        for e in icalendar.Calendar.from_ical(feed.content).walk("VEVENT")
    }

    seminar = events["Budgetseminar i byrådet"]
    assert seminar.decoded("DTSTART") == SEMINAR["starts_on"]
    assert seminar.decoded("DTEND") == datetime.date(YEAR, 3, 14)
    assert "vindue for indflydelse" in str(seminar["DESCRIPTION"])
    assert str(seminar["URL"]).endswith(year_of_council_a.url)
    assert "Udsattedag på torvet" in events


def test_a_draft_plan_and_another_councils_plan_stay_out_of_the_feed(
    client, council_a, council_b
):
    plan_of(council_a, entries=[UDSATTEDAG], live=False)
    plan_of(council_b, entries=[SEMINAR])

    feed = client.get("/kalender.ics", HTTP_HOST=HOST_A).content.decode()

    assert "Udsattedag" not in feed
    assert "Budgetseminar" not in feed


def test_the_home_page_links_this_years_plan_and_the_plan_earlier_years(
    client, council_a
):
    earlier = plan_of(council_a, year=YEAR - 1, entries=[])
    current = plan_of(council_a, entries=[UDSATTEDAG])

    box = soup(client, "/").find(id="annual-plan-heading").parent
    assert box.find("a")["href"] == current.url
    years = soup(client, current.url).select_one(".annual-plan__years")
    assert years.find("a", string=earlier.title)["href"] == earlier.url
    assert "Tidligere årshjul" in years.get_text()


def test_last_years_plan_keeps_its_deadlines(client, council_a):
    """The feed forgets deadlines after a year; the plan of that year does not."""
    HearingFactory(
        council=council_a,
        title="Høring om det gamle herberg",
        received_on=datetime.date(YEAR - 3, 5, 1),
        deadline=datetime.date(YEAR - 3, 5, 29),
    )
    old = plan_of(council_a, year=YEAR - 3)

    assert "Høring om det gamle herberg" in soup(client, old.url).get_text()


def test_the_english_plan_names_the_months_in_english(client, council_a):
    plan = plan_of(council_a, entries=[UDSATTEDAG])
    english = plan.copy_for_translation(Locale.objects.get(language_code="en"))
    with bootstrap(reason="test fixture"):
        english.save_revision().publish()

    page = soup(client, english.url)

    months = [h.get_text(strip=True) for h in page.select(".annual-plan__month")]
    assert months[0] == "January"
    assert "The council's event" in page.select_one(".annual-plan__list").get_text()


# The editor --------------------------------------------------------------


def plan_form(plan, entries, **fields):
    """What the plan's editor posts: its fields and the entries as rows (an
    entry with an "id" is one of the plan's rows, changed)."""
    rows = [
        {
            "id": str(e.get("id", "")),
            "title": e["title"],
            "starts_on": str(e["starts_on"]),
            "ends_on": str(e.get("ends_on") or ""),
            "kind": e["kind"],
            "description": e.get("description", ""),
            "ORDER": str(number),
        }
        for number, e in enumerate(entries, start=1)
    ]
    initial = sum(1 for e in entries if e.get("id"))
    data = {
        "title": plan.title if plan else f"Årshjul {YEAR}",
        "slug": plan.slug if plan else "",
        "introduction": "",
        "year": str(plan.year if plan else YEAR),
        "entries": inline_formset(rows, initial=initial),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


def create_url(site):
    return reverse(
        "wagtailadmin_pages:add",
        args=["pages", "annualplanpage", site.root_page.pk],
    )


def test_the_secretarys_change_is_public_only_after_the_chair_approves(
    client,
    client_as,
    council_a,
    secretary_a,
    chair_a,
    django_capture_on_commit_callbacks,
):
    plan = plan_of(council_a, entries=[UDSATTEDAG])
    row = plan.entries.get()
    moved = {**UDSATTEDAG, "id": row.pk, "title": "Udsattedag på havnen"}
    edit = reverse("wagtailadmin_pages:edit", args=[plan.pk])

    data = plan_form(plan, [moved], **{"action-submit": "1"})
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as(secretary_a).post(edit, data)
    assert response.status_code == 302
    client.logout()
    assert "Udsattedag på torvet" in soup(client, plan.url).get_text()
    assert "Udsattedag på havnen" not in soup(client, plan.url).get_text()

    plan.refresh_from_db()
    state = plan.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[plan.pk, "approve", state.pk]
    )
    with django_capture_on_commit_callbacks(execute=True):
        client_as(chair_a).post(approve, {"comment": ""})
    client.logout()

    text = soup(client, plan.url).get_text()
    assert "Udsattedag på havnen" in text
    assert "Udsattedag på torvet" not in text


def test_the_secretary_cannot_publish_a_plan_alone(client_as, council_a, secretary_a):
    data = plan_form(None, [UDSATTEDAG], **{"action-publish": "1"})

    client_as(secretary_a).post(create_url(council_a), data)

    plan = AnnualPlanPage.objects.child_of(council_a.root_page).first()
    assert plan is None or not plan.live


def test_an_end_before_the_start_is_refused_on_the_end_date(
    client_as, council_a, secretary_a
):
    wrong = {**UDSATTEDAG, "ends_on": datetime.date(YEAR, 9, 1)}

    response = client_as(secretary_a).post(
        create_url(council_a), plan_form(None, [wrong])
    )

    errors = response.context["form"].formsets["entries"].forms[0].errors
    assert errors["ends_on"] == ["Slutdatoen kan ikke ligge før startdatoen."]
    assert not AnnualPlanPage.objects.exists()


def test_a_date_outside_the_plans_year_is_refused_on_that_date(
    client_as, council_a, secretary_a
):
    wrong = {**UDSATTEDAG, "starts_on": datetime.date(YEAR + 1, 1, 5)}

    response = client_as(secretary_a).post(
        create_url(council_a), plan_form(None, [wrong])
    )

    errors = response.context["form"].formsets["entries"].forms[0].errors
    assert errors["starts_on"] == [f"Datoen skal ligge i {YEAR}, planens år."]


def test_a_second_plan_for_the_same_year_is_refused_on_the_year(
    client_as, council_a, council_b, secretary_a
):
    plan_of(council_b)  # another council's plan of the year is no hindrance
    plan_of(council_a, title="Rådets år")

    response = client_as(secretary_a).post(
        create_url(council_a), plan_form(None, [], title="Årshjul igen")
    )

    assert response.context["form"].errors["year"] == [
        f"Rådet har allerede et årshjul for {YEAR}."
    ]


def test_a_cpr_number_in_an_entry_is_refused_on_its_field(
    client_as, council_a, secretary_a
):
    wrong = {**UDSATTEDAG, "description": "Spørg efter 010203-1234 i døren."}

    response = client_as(secretary_a).post(
        create_url(council_a), plan_form(None, [wrong])
    )

    errors = response.context["form"].formsets["entries"].forms[0].errors
    assert "CPR-nummer" in errors["description"][0]
    assert not AnnualPlanPage.objects.exists()


def test_the_plans_slug_comes_from_its_title(client_as, council_a, secretary_a):
    client_as(secretary_a).post(create_url(council_a), plan_form(None, []))

    assert AnnualPlanPage.objects.get().slug == f"aarshjul-{YEAR}"
