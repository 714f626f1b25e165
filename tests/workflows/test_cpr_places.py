"""The CPR guard covers the places of a page outside its text: the slug,
which is the public address, and the comments, which are saved with every
draft and mailed to the commenters. Driven through the real page editor as
the council's secretary and chairs."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Comment, CommentReply, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from hearings.models import HearingResponsePage
from tests.workflows.conftest import response_form_data


def no_workflow(page):
    return not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


@pytest.mark.parametrize(
    "slug", ["svar-010190-1234", "svar-01-01-90-1234", "svar-0101901234"]
)
def test_a_slug_holding_a_cpr_number_is_not_submitted(
    admin, response_a, secretary_a, slug
):
    response = admin.submit(secretary_a, response_a, slug=slug)

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["slug"])
    assert "ser ud til at indeholde et CPR-nummer (010190-XXXX)" in errors
    assert no_workflow(response_a)


def test_a_slug_with_a_date_and_a_number_is_submitted(admin, response_a, secretary_a):
    admin.submit(secretary_a, response_a, slug="svar-moede-01-01-2026-punkt-12")

    assert not no_workflow(response_a)


def test_a_version_whose_slug_holds_a_cpr_number_is_not_approved(
    admin, response_a, secretary_a, chair_a
):
    """The chairs' approval is the last stop before the address goes public,
    whatever made the version (here a script, past the editor)."""
    page = HearingResponsePage.objects.get(pk=response_a.pk)
    page.slug = "svar-010190-1234"
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)

    refused = admin.approve(chair_a, page)

    assert refused.status_code in {302, 403}
    page.refresh_from_db()
    assert not page.live


# Comments ------------------------------------------------------------------


def with_comment(page, text, replies=(), comment=None):
    """The editor's POST data with one comment (new, or an existing one)
    and its replies, as Wagtail's comment app posts them."""
    data = response_form_data(page)
    row = {
        "id": comment.pk if comment else "",
        "contentpath": "title",
        "text": text,
        "position": "",
        "resolved": "",
        "replies": inline_formset(
            [{"id": "", "text": reply} for reply in replies],
        ),
    }
    initial = 1 if comment else 0
    data.update(nested_form_data({"comments": inline_formset([row], initial=initial)}))
    return data


def post_edit(admin, user, page, data):
    admin.as_user(user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    with admin.capture(execute=True):
        return admin.client.post(url, data)


def test_a_comment_holding_a_cpr_number_is_refused_and_not_saved(
    admin, response_a, chair_a
):
    revisions = response_a.revisions.count()
    mail.outbox.clear()

    response = post_edit(
        admin, chair_a, response_a, with_comment(response_a, "Er det 010190\u20131234?")
    )

    assert response.status_code == 200
    errors = " ".join(response.context["form"].non_field_errors())
    assert "En kommentar ser ud til at indeholde et CPR-nummer (010190-XXXX)" in errors
    assert not Comment.objects.exists()
    assert response_a.revisions.count() == revisions
    assert mail.outbox == []


def test_a_reply_holding_a_cpr_number_is_refused(
    admin, response_a, chair_a, secretary_a
):
    comment = Comment.objects.create(
        page=response_a, user=chair_a, text="Hvem er borgeren?", contentpath="title"
    )

    response = post_edit(
        admin,
        secretary_a,
        response_a,
        with_comment(
            response_a, comment.text, replies=["Det er 01 01 90 1234"], comment=comment
        ),
    )

    assert response.status_code == 200
    assert "CPR-nummer" in " ".join(response.context["form"].non_field_errors())
    assert not CommentReply.objects.exists()


def test_a_comment_without_a_cpr_number_is_saved(admin, response_a, chair_a):
    response = post_edit(
        admin,
        chair_a,
        response_a,
        with_comment(response_a, "Ring til borgeren på +45 12 34 56 78 den 01-01-2026"),
    )

    assert response.status_code == 302
    assert Comment.objects.get().text.startswith("Ring til borgeren")
