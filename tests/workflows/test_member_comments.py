"""Council members read the council's drafts and comment on them, through
the real admin views: the dashboard, the reading view with its preview and
the comment form. Comments are Wagtail's own, seen in the editor."""

import json

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Comment, PageLogEntry, PageSubscription
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import CouncilRole
from hearings.models import HearingResponsePage
from tests.conftest import council_user
from tests.factories import MeetingPageFactory
from tests.workflows.conftest import response_form_data

CPR_SAMPLE = "010190-1234"

pytestmark = pytest.mark.django_db


def draft_url(page):
    return reverse("workflows_member_draft", args=[page.pk])


def preview_url(page):
    return reverse("workflows_member_preview", args=[page.pk])


def page_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def messages_of(response):
    return [" ".join(str(m).split()) for m in response.context["messages"]]


@pytest.fixture
def meeting_a(index_a, council_a, secretary_a):
    """A draft meeting of council A, in writing."""
    meetings = council_a.root_page.get_children().get(slug="moeder")
    page = MeetingPageFactory(parent=meetings, title="Rådsmøde i marts", live=False)
    page.save_revision(user=secretary_a)
    return page


# The dashboard ------------------------------------------------------------


def test_member_dashboard_lists_the_councils_drafts_in_writing_and_awaiting(
    admin, response_a, meeting_a, secretary_a, member_a
):
    admin.submit(secretary_a, response_a)

    page = admin.get(member_a, reverse("wagtailadmin_home"))

    soup = BeautifulSoup(page.content, "html.parser")
    panel = soup.find(id="member-drafts-section")
    assert panel is not None
    rows = {
        row.find("a").get_text(strip=True): " ".join(row.get_text().split())
        for row in panel.find_all("tr")[1:]
    }
    assert "Afventer formandskabet" in rows["Rådets svar om væresteder"]
    assert "Under udarbejdelse" in rows["Rådsmøde i marts"]
    links = {a["href"] for a in panel.select("table a")}
    assert links == {draft_url(response_a), draft_url(meeting_a)}


def test_another_councils_member_sees_none_of_the_drafts(
    client_as, response_a, meeting_a, council_b
):

    member_b = council_user("medlem-b", council_b, CouncilRole.MEMBERS)
    client = client_as(member_b)

    home = client.get(reverse("wagtailadmin_home"))
    assert "Rådets svar om væresteder" not in home.content.decode()
    assert "Rådsmøde i marts" not in home.content.decode()
    for url in (draft_url(response_a), preview_url(response_a)):
        assert client.get(url).status_code == 404
        assert (
            client.post(url, {"contentpath": "title", "text": "Hej"}).status_code == 404
        )
    assert not Comment.objects.exists()


def test_secretary_and_chair_dashboards_have_no_members_panel(
    admin, response_a, secretary_a, chair_a
):
    for user in (secretary_a, chair_a):
        page = admin.get(user, reverse("wagtailadmin_home"))
        assert (
            BeautifulSoup(page.content, "html.parser").find(id="member-drafts-section")
            is None
        )


# Reading ------------------------------------------------------------------


def test_member_reads_the_version_the_chairs_are_asked_to_approve(
    admin, response_a, secretary_a, chair_a, member_a
):
    admin.submit(secretary_a, response_a, title="Svaret til formandskabet")
    # A chair edits during review: the chairs now review the chair's version.
    admin.save(chair_a, response_a, title="Formandens udgave")

    read = admin.get(member_a, draft_url(response_a))
    assert read.status_code == 200
    assert "Formandens udgave" in page_text(read)
    assert "afventer formandskabets godkendelse" in page_text(read)

    preview = admin.get(member_a, preview_url(response_a))
    assert preview.status_code == 200
    text = page_text(preview)
    assert "Formandens udgave" in text
    assert "Rådet har læst forslaget." in text


def test_member_reads_the_latest_draft_of_a_page_in_writing(
    admin, meeting_a, secretary_a, member_a
):
    meeting_a.title = "Rådsmøde i april"
    meeting_a.save_revision(user=secretary_a)

    preview = admin.get(member_a, preview_url(meeting_a))

    assert preview.status_code == 200
    assert "Rådsmøde i april" in page_text(preview)


def test_a_page_members_do_not_read_is_not_found(admin, council_a, member_a):
    about = council_a.root_page.get_children().get(slug="om-raadet")
    assert admin.get(member_a, draft_url(about)).status_code == 404
    assert admin.get(member_a, preview_url(about)).status_code == 404


def test_anonymous_is_sent_to_the_login(client, response_a):
    for url in (draft_url(response_a), preview_url(response_a)):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


# Commenting ---------------------------------------------------------------


def test_member_comments_on_the_whole_text_and_the_editor_shows_it(
    admin, response_a, secretary_a, member_a
):
    response = admin.client
    admin.as_user(member_a)
    with admin.capture(execute=True):
        posted = response.post(
            draft_url(response_a),
            {"contentpath": "title", "text": "Godt svar, men gør det kortere."},
            follow=True,
        )

    assert "Tak. Din kommentar er sendt til rådet." in messages_of(posted)
    comment = Comment.objects.get()
    assert comment.page_id == response_a.pk
    assert comment.user == member_a
    assert comment.contentpath == "title"
    assert comment.text == "Godt svar, men gør det kortere."
    assert comment.revision_created == response_a.get_latest_revision()
    assert PageLogEntry.objects.filter(
        page=response_a, action="wagtail.comments.create", user=member_a
    ).exists()
    # The secretary finds it in the editor's comment panel, with the name.
    editor = admin.get(
        secretary_a, reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    )
    script = BeautifulSoup(editor.content, "html.parser").find(id="comments-data")
    data = json.loads(script.string)
    [shown] = data["comments"]
    assert shown["text"] == "Godt svar, men gør det kortere."
    assert shown["contentpath"] == "title"
    assert data["authors"][str(member_a.pk)]["name"] == member_a.get_full_name()


def test_member_comments_on_one_part_of_the_response(admin, response_a, member_a):
    block = HearingResponsePage.objects.get(pk=response_a.pk).body[0]
    read = admin.get(member_a, draft_url(response_a))
    choices = {
        option["value"]: option.get_text()
        for option in BeautifulSoup(read.content, "html.parser").select(
            "select[name=contentpath] option"
        )
    }
    path = f"body.{block.id}"
    assert path in choices
    assert "Rådet har læst forslaget." in choices[path]
    assert "easy_read_summary" in choices

    admin.client.post(
        draft_url(response_a), {"contentpath": path, "text": "Nævn tallene."}
    )

    comment = Comment.objects.get()
    assert comment.contentpath == path
    assert comment.has_valid_contentpath(response_a.get_latest_revision_as_object())


def test_page_followers_are_told_with_the_members_name(
    admin, response_a, secretary_a, chair_a, member_a
):
    PageSubscription.objects.create(
        page=response_a, user=chair_a, comment_notifications=True
    )
    PageSubscription.objects.create(
        page=response_a, user=secretary_a, comment_notifications=False
    )
    mail.outbox.clear()
    admin.as_user(member_a)
    with admin.capture(execute=True):
        admin.client.post(
            draft_url(response_a), {"contentpath": "title", "text": "Fint."}
        )

    assert [message.to for message in mail.outbox] == [[chair_a.email]]
    message = mail.outbox[0]
    name = member_a.get_full_name()
    assert message.subject == f"{name} har kommenteret “Rådets svar om væresteder”"
    assert "“Fint.”" in message.body
    assert "Hele teksten" in message.body
    assert reverse("wagtailadmin_pages:edit", args=[response_a.pk]) in message.body


def test_the_drafts_owner_is_told_unless_they_switched_it_off(
    admin, response_a, secretary_a, member_a
):
    response_a.owner = secretary_a
    response_a.save(update_fields=["owner"])
    admin.as_user(member_a)
    with admin.capture(execute=True):
        admin.client.post(draft_url(response_a), {"contentpath": "title", "text": "A"})
    assert [message.to for message in mail.outbox] == [[secretary_a.email]]

    PageSubscription.objects.create(
        page=response_a, user=secretary_a, comment_notifications=False
    )
    mail.outbox.clear()
    with admin.capture(execute=True):
        admin.client.post(draft_url(response_a), {"contentpath": "title", "text": "B"})
    assert mail.outbox == []


def test_a_comment_with_a_cpr_number_is_refused_and_the_text_kept(
    admin, response_a, member_a
):
    text = f"Borgeren {CPR_SAMPLE} har ringet."
    admin.as_user(member_a)

    response = admin.client.post(
        draft_url(response_a), {"contentpath": "title", "text": text}
    )

    assert response.status_code == 400
    assert "En kommentar ser ud til at indeholde et CPR-nummer" in page_text(response)
    form = BeautifulSoup(response.content, "html.parser")
    assert form.find("textarea", attrs={"name": "text"}).get_text().strip() == text
    assert not Comment.objects.exists()


def test_an_empty_comment_or_an_unknown_place_is_refused(admin, response_a, member_a):
    admin.as_user(member_a)
    empty = admin.client.post(
        draft_url(response_a), {"contentpath": "title", "text": " "}
    )
    unknown = admin.client.post(
        draft_url(response_a), {"contentpath": "slug", "text": "Hej"}
    )
    assert empty.status_code == unknown.status_code == 400
    assert not Comment.objects.exists()


# Members never edit, submit or approve -----------------------------------


def test_member_cannot_edit_submit_or_approve(admin, response_a, secretary_a, member_a):

    admin.submit(secretary_a, response_a)
    page = HearingResponsePage.objects.get(pk=response_a.pk)
    state = page.current_workflow_task_state
    revisions = page.revisions.count()
    admin.as_user(member_a)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = response_form_data(page, title="Medlemmets egen udgave")

    refused = [
        admin.client.get(edit),
        admin.client.post(edit, data),
        admin.client.post(edit, {**data, "action-submit": "1"}),
        admin.client.post(edit, {**data, "action-publish": "1"}),
    ]
    for action in ("approve", "reject"):
        for name in ("wagtailadmin_pages:workflow_action", "workflows_review_action"):
            url = reverse(name, args=[page.pk, action, state.pk])
            refused.append(admin.client.post(url, {"comment": "Ok"}))

    assert all(response.status_code in (302, 403, 404) for response in refused)
    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == state.STATUS_IN_PROGRESS
    assert page.revisions.count() == revisions
    assert not page.live


# The secretary answers in the editor ---------------------------------------


def test_secretary_replies_and_resolves_in_the_editor_and_the_member_is_told(
    admin, response_a, secretary_a, member_a
):
    admin.as_user(member_a)
    with admin.capture(execute=True):
        admin.client.post(
            draft_url(response_a), {"contentpath": "title", "text": "Kortere, tak."}
        )
    comment = Comment.objects.get()
    mail.outbox.clear()
    data = response_form_data(response_a)
    thread = {
        "id": comment.pk,
        "contentpath": "title",
        "position": "",
        "text": comment.text,
        "resolved": "on",
        "replies": inline_formset([{"text": "Rettet i afsnit 2."}]),
    }
    data.update(nested_form_data({"comments": inline_formset([thread], initial=1)}))
    admin.as_user(secretary_a)

    with admin.capture(execute=True):
        response = admin.client.post(
            reverse("wagtailadmin_pages:edit", args=[response_a.pk]), data
        )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.resolved_by == secretary_a
    assert [reply.text for reply in comment.replies.all()] == ["Rettet i afsnit 2."]
    # Wagtail's own notification goes to the member who started the thread.
    assert [message.to for message in mail.outbox] == [[member_a.email]]


def test_the_members_dashboard_reads_a_fixed_number_of_queries(
    admin, council_a, secretary_a, member_a
):
    meetings = council_a.root_page.get_children().get(slug="moeder")

    def dashboard_queries():
        admin.as_user(member_a)
        with CaptureQueriesContext(connection) as queries:
            assert admin.client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(queries)

    def add_drafts(count):
        for _ in range(count):
            MeetingPageFactory(parent=meetings, live=False).save_revision(
                user=secretary_a
            )

    add_drafts(2)
    dashboard_queries()  # the first visit does one-time setup for the user
    few = dashboard_queries()
    add_drafts(5)
    many = dashboard_queries()

    assert many == few


def test_the_editors_address_in_a_mail_leads_a_member_to_the_reading_view(
    admin, response_a, member_a, secretary_a, council_b
):
    edit = reverse("wagtailadmin_pages:edit", args=[response_a.pk])

    response = admin.get(member_a, edit)

    assert response.status_code == 302
    assert response["Location"] == draft_url(response_a)
    # The secretary still edits; another council's member still finds nothing.
    assert admin.get(secretary_a, edit).status_code == 200
    member_b = council_user("medlem-b", council_b, CouncilRole.MEMBERS)
    assert admin.get(member_b, edit).status_code == 404
