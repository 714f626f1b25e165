"""The words in which the approval workflow refuses something, so every
place that refuses (the editor, the chairs' buttons, the approval itself,
sending a translation) says it the same way."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.selectors import user_display_name


def four_eyes_reason(others):
    """Why this person cannot approve, and who can: ``others``."""
    names = ", ".join(user_display_name(other) for other in others)
    own = _(
        "You submitted this version or made its latest changes, so you cannot "
        "approve it yourself: nobody approves their own work."
    )
    if not names:
        return (
            own
            + " "
            + _(
                "No other chair of the council can approve it either; ask the "
                "administrator to add the vice-chair to the chairs group."
            )
        )
    return (
        own
        + " "
        + ngettext(
            "%(names)s must approve it.",
            "One of %(names)s must approve it.",
            len(others),
        )
        % {"names": names}
    )


def cpr_finding_message(finding):
    """The refusal for one place holding a CPR number, when sending it on."""
    return _(
        "%(place)s seems to contain a CPR number (%(number)s). A council "
        "may not publish personal data: remove it before the page goes on."
    ) % {"place": finding.label, "number": ", ".join(finding.numbers)}


def cpr_reason(findings):
    """The refusal naming every place a CPR number was found."""
    places = "; ".join(finding.label for finding in findings)
    return _(
        "What looks like a CPR number was found in: %(places)s. A council may "
        "not publish personal data, so this version cannot be approved. Remove "
        "the number, or request changes."
    ) % {"places": places}


def comment_cpr_reason(numbers):
    """The refusal of a comment (in the editor or a member's) holding a CPR
    number."""
    return _(
        "A comment seems to contain a CPR number (%(number)s). Comments "
        "are kept with the page and sent by e-mail: remove the number "
        "from the comment."
    ) % {"number": ", ".join(numbers)}
