"""How the page's history words the steps of a personal link
(workflows.personal_link_services), registered through Wagtail's
register_log_actions hook."""

from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from workflows.personal_link_services import LOG_COMMENT, LOG_CREATE, LOG_REVOKE


class PersonalLinkCreated(LogFormatter):
    label = _("Personal link made")

    def format_message(self, log_entry):
        expires = parse_datetime(log_entry.data.get("expires", ""))
        until = (
            formats.date_format(timezone.localtime(expires), "DATE_FORMAT")
            if expires
            else ""
        )
        return _("Personal link made for %(member)s, valid until %(until)s") % {
            "member": log_entry.data.get("member", ""),
            "until": until,
        }


class PersonalLinkRevoked(LogFormatter):
    label = _("Personal link revoked")

    def format_message(self, log_entry):
        return _("Personal link of %(member)s revoked") % {
            "member": log_entry.data.get("member", "")
        }


class PersonalLinkCommentGiven(LogFormatter):
    label = _("Comment given by personal link")

    def format_message(self, log_entry):
        return _("%(member)s commented through their personal link") % {
            "member": log_entry.data.get("member", "")
        }


def register(actions):
    actions.register_action(LOG_CREATE)(PersonalLinkCreated)
    actions.register_action(LOG_REVOKE)(PersonalLinkRevoked)
    actions.register_action(LOG_COMMENT)(PersonalLinkCommentGiven)
