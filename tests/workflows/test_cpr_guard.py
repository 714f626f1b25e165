"""A response that seems to hold a CPR number is neither submitted nor
approved, and the editor is told in which field the number is."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from wagtail.documents import get_document_model
from wagtail.models import TaskState, WorkflowState

from cms.services import council_collection
from hearings.blocks import ResponseBodyBlock
from hearings.models import HearingResponsePage
from tests.workflows.conftest import paragraph
from workflows.task_actions import ApprovalRefused, task_state_act

CPR = "010190-1234"


def field_label(name):
    with translation.override("da"):
        return str(capfirst(HearingResponsePage._meta.get_field(name).verbose_name))


def block_label(block_type, number=1):
    with translation.override("da"):
        block = ResponseBodyBlock().child_blocks[block_type]
        return f"{field_label('body')}, blok {number} ({capfirst(block.label)})"


def no_workflow(page):
    return not WorkflowState.objects.filter(object_id=str(page.pk)).exists()


def document(title, council):
    doc = get_document_model()(title=title, collection=council_collection(council))
    doc.file.save("bilag.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    doc.save()
    return doc


def list_block(*items):
    data = {
        str(i): {"value": item, "deleted": "", "order": str(i)}
        for i, item in enumerate(items)
    }
    return {**data, "count": str(len(items))}


@pytest.mark.parametrize(
    ("changes", "field", "label"),
    [
        ({"title": f"Svar i sagen {CPR}"}, "title", lambda: field_label("title")),
        (
            {"easy_read_summary": f"Borgeren med nummer {CPR} fik nej."},
            "easy_read_summary",
            lambda: field_label("easy_read_summary"),
        ),
        (
            {"body": [paragraph(f"<p>Sagen om <b>{CPR}</b> viser problemet.</p>")]},
            "body",
            lambda: block_label("paragraph"),
        ),
        (
            {
                "body": [
                    paragraph("<p>Indledning.</p>"),
                    ("quote", {"text": f"Mit nummer er {CPR}", "source": "En borger"}),
                ]
            },
            "body",
            lambda: block_label("quote", 2),
        ),
        (
            {
                "body": [
                    (
                        "recommendations",
                        {
                            "heading": "Rådet anbefaler",
                            "items": list_block("Flere boliger", f"Hjælp {CPR}"),
                        },
                    )
                ]
            },
            "body",
            lambda: block_label("recommendations"),
        ),
        (
            {"signed_by": f"Karen Holm {CPR}"},
            "signed_by",
            lambda: field_label("signed_by"),
        ),
        (
            {"signer_role": f"Formand ({CPR})"},
            "signer_role",
            lambda: field_label("signer_role"),
        ),
    ],
)
def test_submission_with_a_cpr_number_is_refused_naming_the_field(
    admin, response_a, secretary_a, chair_a, changes, field, label
):
    response = admin.submit(secretary_a, response_a, **changes)

    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors[field])
    assert label() in errors
    assert "CPR-nummer (010190-XXXX)" in errors
    assert no_workflow(response_a)
    assert admin.client.session.get("_auth_user_id") == str(secretary_a.pk)


def test_the_title_of_a_linked_document_is_checked_too(
    admin, response_a, secretary_a, council_a
):
    appendix = document(f"Klage fra {CPR}", council_a)

    response = admin.submit(
        secretary_a,
        response_a,
        body=[("document", {"document": appendix.pk, "label": "Bilag"})],
    )

    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors["body"])
    assert block_label("document") in errors
    assert no_workflow(response_a)


def test_a_draft_may_be_saved_while_it_holds_the_number(admin, response_a, secretary_a):
    revisions = response_a.revisions.count()

    response = admin.save(secretary_a, response_a, easy_read_summary=f"Nr. {CPR}")

    assert response.status_code == 302
    assert response_a.revisions.count() == revisions + 1
    assert no_workflow(response_a)


def test_plain_dates_phone_and_case_numbers_pass(admin, response_a, secretary_a):
    admin.submit(
        secretary_a,
        response_a,
        easy_read_summary="Fristen er 24.10.2026. Ring på 12 34 56 78.",
        body=[paragraph("<p>Sagsnummer 2026-004512.</p>")],
    )

    assert not no_workflow(response_a)


def test_approval_is_refused_when_the_version_holds_a_cpr_number(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    admin.save(chair_a, response_a, easy_read_summary=f"Borger {CPR} fik nej.")

    editor = admin.get(
        vice_chair_a, reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    )
    messages = [str(m) for m in editor.context["messages"]]
    refused = admin.approve(vice_chair_a, response_a)

    assert any(
        "ligner et CPR-nummer" in m and field_label("easy_read_summary") in m
        for m in messages
    )
    assert "Godkend og offentliggør" not in editor.content.decode()
    assert refused.status_code in {302, 403}
    page = HearingResponsePage.objects.get(pk=response_a.pk)
    assert not page.live
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS

    admin.reject(vice_chair_a, response_a, comment="Fjern CPR-nummeret.")

    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_the_approval_service_itself_refuses_a_cpr_number(
    admin, response_a, secretary_a, chair_a, vice_chair_a
):
    admin.submit(secretary_a, response_a)
    admin.save(chair_a, response_a, signed_by=f"Karen Holm {CPR}")
    task_state = HearingResponsePage.objects.get(
        pk=response_a.pk
    ).current_workflow_task_state

    with pytest.raises(ApprovalRefused) as refused:
        task_state_act(task_state=task_state, user=vice_chair_a, action="approve")

    assert field_label("signed_by") in str(refused.value)
    assert not HearingResponsePage.objects.get(pk=response_a.pk).live


def test_a_version_naming_another_councils_document_is_not_approved(
    admin, response_a, secretary_a, chair_a, council_b
):
    """Editors cannot choose B's document, but a version can be made
    elsewhere (a translation's overrides, a script): the chairs' approval
    still refuses to put another council's material live."""
    foreign = document("Prøvestrups bilag", council_b)
    page = HearingResponsePage.objects.get(pk=response_a.pk)
    page.body = [("document", {"document": foreign, "label": ""})]
    page.save_revision(user=secretary_a)
    page.get_workflow().start(page, secretary_a)
    task_state = page.current_workflow_task_state

    with pytest.raises(ApprovalRefused) as refused:
        task_state_act(task_state=task_state, user=chair_a, action="approve")

    assert "tilhører et andet råd" in str(refused.value)
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
