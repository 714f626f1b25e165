"""Fixtures of the workflow tests: a hearing, its draft response, and an
admin driver that submits, approves and requests changes through the real
Wagtail admin views, the way Wagtail's own workflow tests do."""

from dataclasses import dataclass

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from tests.factories import HearingFactory, HearingResponsePageFactory

CONTACT = "hoeringer@eksempelby.dk"


@pytest.fixture
def hearing_a(council_a):
    return HearingFactory(
        council=council_a, title="Høring om nye væresteder", contact_email=CONTACT
    )


@pytest.fixture
def response_a(index_a, hearing_a, secretary_a):
    """A draft response to hearing_a, last saved by the secretary."""
    page = HearingResponsePageFactory(
        parent=index_a,
        hearing=hearing_a,
        title="Rådets svar om væresteder",
        slug="svar-om-vaeresteder",
    )
    page.save_revision(user=secretary_a)
    return page


def paragraph(html):
    return ("paragraph", rich_text(html))


def response_form_data(page, *, body=None, **fields):
    """POST data of the response editor: the page's latest version, with
    fields overridden. body is a list of (block type, form value)."""
    page = Page.objects.get(pk=page.pk).get_latest_revision_as_object()
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "hearing": page.hearing_id,
        "easy_read_summary": page.easy_read_summary,
        "signed_by": page.signed_by,
        "signer_role": page.signer_role,
        "signed_on": page.signed_on.isoformat() if page.signed_on else "",
        "change_note": page.change_note,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    stream = streamfield(body) if body is not None else _unchanged_body(page)
    data.update(nested_form_data({"body": stream, "comments": inline_formset([])}))
    return data


def _unchanged_body(page):
    """The page's paragraphs as the editor posts them back, block ids kept."""
    children = [child for child in page.body if child.block_type == "paragraph"]
    stream = streamfield([paragraph(child.value.source) for child in children])
    for number, child in enumerate(children):
        stream[str(number)]["id"] = child.id
    return stream


@dataclass
class AdminDriver:
    """Acts in the admin as one user at a time, the way people do: the editor
    form for saving and submitting, the workflow action view for approving
    and requesting changes. Commit callbacks (mails, delivery) are run."""

    client: object
    capture: object

    def as_user(self, user):
        """Switch to the user as if in their own browser: no session and no
        pending messages of the previous user are carried over."""
        if getattr(self, "_user", None) != user:
            self.client.logout()
            self.client.cookies.pop("messages", None)
            self.client.force_login(user)
            self._user = user
        return self

    def _post(self, url, data, headers=None):
        with self.capture(execute=True):
            return self.client.post(url, data, headers=headers)

    def edit(self, user, page, action=None, body=None, **fields):
        data = response_form_data(page, body=body, **fields)
        if action:
            data[f"action-{action}"] = "1"
        self.as_user(user)
        return self._post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def submit(self, user, page, **changes):
        return self.edit(user, page, "submit", **changes)

    def save(self, user, page, **changes):
        return self.edit(user, page, None, **changes)

    def workflow_action(
        self, user, page, action, task_state=None, headers=None, **data
    ):
        task_state = task_state or page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, task_state.pk],
        )
        self.as_user(user)
        return self._post(url, data, headers=headers)

    def approve(self, user, page, comment="", **kwargs):
        return self.workflow_action(user, page, "approve", comment=comment, **kwargs)

    def reject(self, user, page, comment, **kwargs):
        return self.workflow_action(user, page, "reject", comment=comment, **kwargs)

    def get(self, user, url):
        self.as_user(user)
        return self.client.get(url)


@pytest.fixture
def admin(client, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    return AdminDriver(client=client, capture=django_capture_on_commit_callbacks)


def recipients(subject_contains=""):
    """Addresses of the mails sent so far whose subject contains the text."""
    return sorted(
        address
        for message in mail.outbox
        if subject_contains in message.subject
        for address in message.to
    )
