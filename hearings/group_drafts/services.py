"""A working group's draft text becomes the body of a new response draft."""

from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from hearings.group_drafts.selectors import hearings_for_draft_text
from hearings.selectors import may_write_response
from hearings.services import HearingError, response_page_ensure
from pages.working_groups.models import WorkingGroupTextKind


def response_draft_from_text(*, text, hearing, user):
    """A new draft response to the hearing whose body is the draft text.

    The hearing must be the text's council's, still open and without a
    response (a second response would be refused anyway); the draft goes
    to the chairs for approval like any other.
    """
    if text.kind != WorkingGroupTextKind.DRAFT:
        raise HearingError(_("Only a draft text can become a response's draft."))
    if not hearings_for_draft_text(text=text).filter(pk=hearing.pk).exists():
        raise HearingError(
            _("Choose an open hearing of the council that has no response yet.")
        )
    if not may_write_response(user=user, hearing=hearing):
        raise HearingError(_("You may not write responses for this council."))
    return response_page_ensure(hearing=hearing, owner=user, body=response_body(text))


def response_body(text):
    """The text's paragraphs (split at blank lines) as the response's
    paragraph blocks; its line breaks kept."""
    plain = text.text.replace("\r\n", "\n")
    paragraphs = [part.strip() for part in plain.split("\n\n") if part.strip()]
    return [
        ("paragraph", RichText(f"<p>{_with_breaks(part)}</p>")) for part in paragraphs
    ]


def _with_breaks(part):
    return escape(part).replace("\n", "<br/>")
