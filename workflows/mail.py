"""Rendering and sending the workflow's e-mails.

A mail is a pair of templates, <template>_subject.txt and <template>.txt,
named by the caller (e.g. "workflows/mail/submitted"); they are rendered in
the recipient's admin language (Danish unless the user chose otherwise), or
the site language for people outside the system such as the municipality's
contact address.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from cms.selectors import user_display_name

logger = logging.getLogger(__name__)


# RFC 2606 and 6761 reserve these top-level domains: mail to them can never
# arrive, so none is sent (the demo's fictitious people and municipalities
# live there).
UNDELIVERABLE_DOMAINS = (".example", ".invalid", ".test", ".localhost")


def is_deliverable(address):
    """Whether mail to this address can arrive at all."""
    domain = address.rpartition("@")[2].lower().rstrip(".")
    return bool(domain) and not domain.endswith(UNDELIVERABLE_DOMAINS)


def admin_url(name, *args):
    """An absolute link into the admin, for use in e-mails."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse(name, args=args)


def user_language(user):
    return UserProfile.get_for_user(user).get_preferred_language()


def render_mail(template, context, *, language=None):
    """(subject, body) of a mail template, in the given language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"


def send_to_users(template, context, users, *, reply_to=None, raise_errors=False):
    """One mail per user, in that user's language. Returns who got one.

    A notification that cannot be sent is logged and skipped: the page's
    state is already recorded and shown in the admin. With raise_errors the
    first failure is raised instead, for callers that retry.
    """
    sent = []
    for user in (user for user in users if is_deliverable(user.email)):
        personal = {
            **context,
            "recipient": user,
            "recipient_name": user_display_name(user),
        }
        subject, body = render_mail(template, personal, language=user_language(user))
        message = EmailMessage(subject, body, to=[user.email], reply_to=reply_to)
        try:
            message.send()
        except Exception:
            if raise_errors:
                raise
            logger.exception("Could not send the %s mail to user %s", template, user.pk)
            continue
        sent.append(user)
    return sent


def send_to_address(
    template, context, address, *, reply_to=None, language=None, attachments=()
):
    """A mail to someone outside the system, e.g. the municipality.
    attachments are (file name, content, MIME type) triples."""
    subject, body = render_mail(template, context, language=language)
    message = EmailMessage(subject, body, to=[address], reply_to=reply_to)
    for attachment in attachments:
        message.attach(*attachment)
    message.send()
