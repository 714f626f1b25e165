"""A meeting with structure (issue 15.1): the agenda as items on the meeting
page, the minutes as a page of their own under it, each approved by the
chairs on its own, through the real admin views."""

import datetime
from importlib import import_module

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.db.migrations.loader import MigrationLoader
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    streamfield,
)
from wagtail_localize.models import StringSegment

from cms.models import MemberProfile
from cms.services import council_collection
from pages.models import MeetingMinutesPage, MeetingPage
from tests.conftest import council_user
from tests.factories import (
    HearingFactory,
    HearingResponsePageFactory,
    MeetingMinutesPageFactory,
    MeetingPageFactory,
)
from tests.pages.conftest import hearing_index, meeting_index
from tests.workflows.conftest import AdminDriver
from tests.workflows.test_translations import submit_url, translate
from workflows.translation_submit import page_translation

HOST_A = "eksempelby.localhost"
CPR = "010190-1234"


@pytest.fixture
def admin(client, django_capture_on_commit_callbacks):
    return AdminDriver(client=client, capture=django_capture_on_commit_callbacks)


def document(title, council):
    doc = get_document_model()(title=title, collection=council_collection(council))
    doc.file.save("bilag.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    doc.save()
    return doc


def live_response(council, title="Rådets svar om vinterberedskab"):
    return HearingResponsePageFactory(
        parent=hearing_index(council),
        hearing=HearingFactory(council=council),
        title=title,
        published=True,
    )


def item_row(title, *, pk=None, easy="", requested_by="", response=None, docs=()):
    row = {
        "title": title,
        "easy_read_line": easy,
        "requested_by": requested_by,
        "hearing_response": response.pk if response else "",
        "attachments": streamfield([("document", doc.pk) for doc in docs]),
    }
    if pk is not None:
        row["id"] = pk
    return row


# The editor's promote and settings tabs, left empty.
PROMOTE_AND_SETTINGS = {
    "seo_title": "",
    "search_description": "",
    "go_live_at": "",
    "expire_at": "",
}


def meeting_data(title="Rådsmøde om vinteren", *, items=(), initial=0, **fields):
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=10))
    data = {
        "title": title,
        "slug": "",
        "introduction": "Vi taler om kolde nætter.",
        "starts_at": starts.strftime("%Y-%m-%d %H:%M"),
        "ends_at": "",
        "place": "",
        "location": "Rådhuset, mødesal 3",
        "public_may_attend": "true",
        "remote_participation": "Ring 11 22 33 44 og tast mødekoden 1234.",
        "remote_url": "https://video.example/raadsmoede",
        **PROMOTE_AND_SETTINGS,
        **fields,
    }
    nested = {
        "agenda": streamfield([]),
        "agenda_items": inline_formset(list(items), initial=initial),
        "comments": inline_formset([]),
    }
    return {**data, **nested_form_data(nested)}


def edit_meeting_data(meeting, *, titles=None):
    """The meeting editor's POST of the latest version, item titles changed."""
    latest = Page.objects.get(pk=meeting.pk).get_latest_revision_as_object()
    rows = list(latest.agenda_items.all())
    titles = titles or [row.title for row in rows]
    items = [
        item_row(title, pk=row.pk, response=row.hearing_response)
        for row, title in zip(rows, titles, strict=True)
    ]
    return meeting_data(latest.title, items=items, initial=len(items), slug=latest.slug)


def minutes_data(meeting, *, decisions=(), attendance=(), easy="", title="Referat"):
    data = {
        "title": title,
        "slug": "referat",
        "introduction": "",
        "easy_read_minutes": easy,
        **PROMOTE_AND_SETTINGS,
    }
    nested = {
        "minutes": streamfield([]),
        "decisions": inline_formset(
            [
                {"agenda_item": item.pk, "decision": decision, "dissent": dissent}
                for item, decision, dissent in decisions
            ]
        ),
        "attendance": inline_formset(
            [{"member": user.pk, "status": status} for user, status in attendance]
        ),
        "comments": inline_formset([]),
    }
    return {**data, **nested_form_data(nested)}


def add_url(app_model, parent):
    return reverse("wagtailadmin_pages:add", args=(*app_model.split("."), parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_new_meeting(admin, secretary, council, **data):
    admin.as_user(secretary)
    url = add_url("pages.meetingpage", meeting_index(council))
    response = admin._post(url, {**meeting_data(**data), "action-submit": "1"})
    assert response.status_code == 302, _errors(response)
    return MeetingPage.objects.child_of(meeting_index(council)).latest("pk")


def submit_minutes(admin, secretary, meeting, **data):
    admin.as_user(secretary)
    existing = MeetingMinutesPage.objects.child_of(meeting).first()
    url = (
        edit_url(existing) if existing else add_url("pages.meetingminutespage", meeting)
    )
    response = admin._post(url, {**minutes_data(meeting, **data), "action-submit": "1"})
    assert response.status_code == 302, _errors(response)
    return MeetingMinutesPage.objects.child_of(meeting).get()


def _errors(response):
    form = response.context and response.context.get("form")
    if not form:
        return response.status_code
    rows = {name: [f.errors for f in fs.forms] for name, fs in form.formsets.items()}
    return form.errors, rows


def approve(admin, chair, page):
    page = Page.objects.get(pk=page.pk)
    response = admin.approve(chair, page)
    assert response.status_code == 302
    return page.specific_class.objects.get(pk=page.pk)


def public(client, page):
    response = client.get(Page.objects.get(pk=page.pk).url, HTTP_HOST=HOST_A)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").main


@pytest.fixture
def held_meeting(admin, council_a, secretary_a, chair_a):
    """A meeting with two agenda items, submitted and approved."""
    response = live_response(council_a)
    items = [
        item_row(
            "Vinterberedskab 2027",
            easy="Hvor kan man sove, når det er koldt?",
            requested_by="Kommunens socialforvaltning",
            response=response,
            docs=[document("Forvaltningens notat om natvarmestuer", council_a)],
        ),
        item_row("Eventuelt"),
    ]
    meeting = submit_new_meeting(admin, secretary_a, council_a, items=items)
    return approve(admin, chair_a, meeting)


def test_the_secretary_writes_the_agenda_and_the_chair_publishes_it(
    admin, client, council_a, secretary_a, chair_a
):
    response = live_response(council_a)
    notat = document("Forvaltningens notat om natvarmestuer", council_a)
    items = [
        item_row(
            "Vinterberedskab 2027",
            easy="Hvor kan man sove, når det er koldt?",
            requested_by="Kommunens socialforvaltning",
            response=response,
            docs=[notat],
        ),
        item_row("Eventuelt"),
    ]

    meeting = submit_new_meeting(admin, secretary_a, council_a, items=items)
    assert not meeting.live
    assert client.get(meeting.url or "/moeder/x/", HTTP_HOST=HOST_A).status_code == 404
    meeting = approve(admin, chair_a, meeting)

    assert meeting.live
    main = public(client, meeting)
    headings = [h.get_text(strip=True) for h in main.select("ol.agenda h3")]
    assert headings == ["Vinterberedskab 2027", "Eventuelt"]
    text = main.get_text(" ", strip=True)
    assert "Hvor kan man sove, når det er koldt?" in text
    assert "Kommunens socialforvaltning" in text
    assert main.find("a", string=response.title)["href"] == response.url
    assert main.find("a", string="Forvaltningens notat om natvarmestuer") is not None
    assert "Alle er velkomne til at komme og lytte." in text
    assert "Ring 11 22 33 44 og tast mødekoden 1234." in text
    assert main.find("a", href="https://video.example/raadsmoede") is not None


def test_the_agenda_and_the_minutes_are_approved_apart(
    admin, client, held_meeting, secretary_a, chair_a, member_a
):
    meeting = held_meeting
    item = meeting.agenda_items.get(title="Vinterberedskab 2027")

    # An agenda change waits for the chairs while the minutes are approved.
    admin.as_user(secretary_a)
    changed = edit_meeting_data(
        meeting, titles=["Vinterberedskab (rettet)", "Eventuelt"]
    )
    response = admin._post(edit_url(meeting), {**changed, "action-submit": "1"})
    assert response.status_code == 302
    minutes = submit_minutes(
        admin,
        secretary_a,
        meeting,
        easy="Vi vil have flere varme senge.",
        decisions=[(item, "Rådet skriver til byrådet.", "")],
        attendance=[(member_a, "present")],
    )
    minutes = approve(admin, chair_a, minutes)

    assert minutes.live
    agenda = public(client, meeting)
    assert "Vinterberedskab 2027" in agenda.get_text()
    assert "Vinterberedskab (rettet)" not in agenda.get_text()
    assert "Vi vil have flere varme senge." in agenda.get_text()

    # And the other way: a minutes change waits while the agenda is approved.
    submit_minutes(
        admin,
        secretary_a,
        meeting,
        easy="Et nyt udkast til referatet.",
        decisions=[(item, "Rådet skriver til byrådet.", "")],
    )
    approve(admin, chair_a, meeting)

    assert "Vinterberedskab (rettet)" in public(client, meeting).get_text()
    text = public(client, minutes).get_text()
    assert "Vi vil have flere varme senge." in text
    assert "Et nyt udkast til referatet." not in text


def test_the_minutes_give_each_decision_and_dissent_under_its_item(
    admin, client, held_meeting, secretary_a, chair_a
):
    items = list(held_meeting.agenda_items.all())
    minutes = submit_minutes(
        admin,
        secretary_a,
        held_meeting,
        easy="Vi talte om vinteren.",
        decisions=[
            (
                items[0],
                "Rådet anbefaler 20 ekstra sovepladser.",
                "To medlemmer ønskede 40.",
            ),
            (items[1], "Intet.", ""),
        ],
    )
    main = public(client, approve(admin, chair_a, minutes))

    assert main.h2.get_text(strip=True) == "Kort fortalt"  # easy-read first
    section = main.find(id="decisions-heading").parent
    assert [h.get_text(strip=True) for h in section.find_all("h3")] == [
        "Vinterberedskab 2027",
        "Eventuelt",
    ]
    first = section.find("dl")
    terms = [dt.get_text(strip=True) for dt in first.find_all("dt")]
    assert terms == ["Beslutning", "Mindretalsudtalelse"]
    assert "To medlemmer ønskede 40." in first.get_text()
    assert len(section.find_all("dl")[1].find_all("dt")) == 1  # no dissent


def test_attendance_names_only_the_members_who_chose_to_be_named(
    admin, client, council_a, held_meeting, secretary_a, chair_a
):
    named = council_user("medlem-navngivet", council_a, "members")
    named.first_name, named.last_name = "Bente", "Holm"
    named.save()
    MemberProfile.objects.create(user=named, publicly_named=True)
    quiet = council_user("medlem-anonym", council_a, "members")
    quiet.first_name, quiet.last_name = "Jens", "Skjult"
    quiet.save()
    away = council_user("medlem-fravaer", council_a, "members")
    away.first_name, away.last_name = "Karen", "Borte"
    away.save()
    minutes = submit_minutes(
        admin,
        secretary_a,
        held_meeting,
        attendance=[(named, "video"), (quiet, "phone"), (away, "absent")],
    )
    section = (
        public(client, approve(admin, chair_a, minutes))
        .find(id="attendance-heading")
        .parent
    )
    text = section.get_text(" ", strip=True)

    assert "Bente Holm (via video)" in text
    assert "Skjult" not in text and "Borte" not in text
    assert "1 medlem deltog uden at blive nævnt." in text
    assert "1 medlem havde afbud uden at blive nævnt." in text


def test_a_member_reads_the_draft_minutes_before_the_chairs_approve_them(
    admin, held_meeting, secretary_a, member_a
):
    items = list(held_meeting.agenda_items.all())
    minutes = submit_minutes(
        admin,
        secretary_a,
        held_meeting,
        decisions=[(items[0], "Rådet beder om 20 sovepladser.", "")],
    )

    admin.as_user(member_a)
    draft = admin.client.get(reverse("workflows_member_draft", args=[minutes.pk]))
    preview = admin.client.get(reverse("workflows_member_preview", args=[minutes.pk]))

    assert draft.status_code == 200
    assert "Rådet beder om 20 sovepladser." in preview.content.decode()


def test_the_site_search_finds_the_minutes(
    admin, client, held_meeting, secretary_a, chair_a
):
    minutes = submit_minutes(
        admin, secretary_a, held_meeting, easy="Natcafeen får flere frivillige."
    )
    minutes = approve(admin, chair_a, minutes)

    found = client.get("/soeg/?q=natcafeen", HTTP_HOST=HOST_A).content.decode()

    assert f'href="{minutes.url}"' in found


def test_an_agenda_item_links_its_response_and_the_response_its_meetings(
    client, held_meeting
):
    item = held_meeting.agenda_items.get(title="Vinterberedskab 2027")
    response_page = public(client, item.hearing_response)

    section = response_page.find(id="agenda-meetings-heading").parent
    link = section.find("a", string=held_meeting.title)
    assert link["href"] == held_meeting.url


def test_another_councils_document_and_response_cannot_be_put_on_the_agenda(
    admin, council_a, council_b, held_meeting, secretary_a
):
    theirs = live_response(council_b, title="Nabobyens svar")
    their_document = document("Nabobyens notat", council_b)
    revisions = held_meeting.revisions.count()
    data = meeting_data(
        held_meeting.title,
        slug=held_meeting.slug,
        items=[item_row("Nabobyens sag", response=theirs, docs=[their_document])],
    )

    admin.as_user(secretary_a)
    response = admin._post(edit_url(held_meeting), data)

    assert response.status_code == 200
    row = response.context["form"].formsets["agenda_items"].forms[0]
    assert "hearing_response" in row.errors
    assert "attachments" in row.errors
    assert "Nabobyens" not in str(row["hearing_response"])
    assert held_meeting.revisions.count() == revisions


def test_the_minutes_offer_only_the_meetings_items_and_the_councils_members(
    admin, council_a, chair_b, held_meeting, secretary_a
):
    admin.as_user(secretary_a)
    url = add_url("pages.meetingminutespage", held_meeting)
    html = admin.client.get(url).content.decode()
    assert "Vinterberedskab 2027" in html
    assert chair_b.get_username() not in html

    response = admin._post(
        url, minutes_data(held_meeting, attendance=[(chair_b, "present")])
    )

    assert response.status_code == 200
    row = response.context["form"].formsets["attendance"].forms[0]
    assert "member" in row.errors
    assert not MeetingMinutesPage.objects.child_of(held_meeting).exists()


def test_a_meeting_has_one_minutes_page(admin, held_meeting, secretary_a, chair_a):
    submit_minutes(admin, secretary_a, held_meeting, easy="Kort.")

    assert not MeetingMinutesPage.can_create_at(Page.objects.get(pk=held_meeting.pk))
    admin.as_user(secretary_a)
    url = add_url("pages.meetingminutespage", held_meeting)
    assert admin.client.get(url).status_code != 200


def test_a_cpr_number_in_an_agenda_item_stops_the_submission(
    admin, council_a, secretary_a
):
    admin.as_user(secretary_a)
    url = add_url("pages.meetingpage", meeting_index(council_a))
    data = meeting_data(
        "Møde med en personsag",
        items=[item_row("Borgerens sag", requested_by=f"Borger {CPR}")],
    )
    response = admin._post(url, {**data, "action-submit": "1"})

    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "Dagsordenspunkt 1" in errors
    assert not MeetingPage.objects.filter(title="Møde med en personsag").exists()


def test_minutes_written_on_the_meeting_page_move_to_a_minutes_page(client, council_a):
    """Migration 0008, run on a meeting whose minutes were written before
    they had a page of their own."""
    meeting = MeetingPageFactory(
        parent=meeting_index(council_a),
        title="Rådsmøde i foråret",
        easy_read_minutes="Vi talte om boliger.",
        minutes=[("paragraph", "<p>Rådet besluttede at svare.</p>")],
    )
    migration = import_module(
        "pages.migrations.0008_meeting_minutes_to_their_own_pages"
    )

    migration.minutes_pages_create(MigrationLoader(None).project_state().apps, None)

    minutes = MeetingMinutesPage.objects.child_of(meeting).get()
    assert minutes.live and minutes.title == "Referat"
    assert Page.find_problems()[0:3] == ([], [], [])
    meeting.refresh_from_db()
    assert meeting.easy_read_minutes == "" and not meeting.minutes
    text = public(client, minutes).get_text()
    assert "Vi talte om boliger." in text
    assert "Rådet besluttede at svare." in text
    assert "Vi talte om boliger." in public(client, meeting).get_text()


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


def translate_segment(admin, page, original, value):
    translation = page_translation(page=page)
    segment = StringSegment.objects.get(
        source=translation.source, string__data=original
    )
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
    )
    edited = admin.client.put(
        url, encode_multipart(BOUNDARY, {"value": value}), MULTIPART_CONTENT
    )
    assert edited.status_code in (200, 201), edited.content


def test_the_agenda_items_are_translated_and_approved_with_the_meeting(
    admin, client, held_meeting, english, secretary_a, chair_a
):
    MeetingMinutesPageFactory(parent=held_meeting, easy_read_minutes="Vi talte.")
    translated = translate(
        admin, secretary_a, held_meeting, english, "Council meeting on winter"
    )
    translate_segment(admin, translated, "Vinterberedskab 2027", "Winter shelters 2027")

    admin.as_user(secretary_a)
    assert admin._post(submit_url(translated), {}).status_code == 302
    admin.approve(chair_a, translated)
    translated.refresh_from_db()

    assert translated.live
    main = public(client, translated)
    assert "Winter shelters 2027" in [h.get_text(strip=True) for h in main("h3")]
    # The minutes are not translated yet: the Danish ones, marked as Danish.
    minutes = main.find(id="minutes-heading").parent
    assert minutes.p["lang"] == "da"
    assert "Vi talte." in minutes.get_text()
