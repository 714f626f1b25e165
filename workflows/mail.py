"""Rendering and sending the workflow's e-mails.

Templates live in templates/workflows/mail/<name>_subject.txt and
<name>.txt; they are rendered in the recipient's admin language (Danish
unless the user chose otherwise), or the site language for people outside
the system such as the municipality's contact address.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)


def admin_url(name, *args):
    """An absolute link into the admin, for use in e-mails."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse(name, args=args)


def user_language(user):
    return UserProfile.get_for_user(user).get_preferred_language()


def render_mail(template, context, *, language=None):
    """(subject, body) of a mail template, in the given language."""
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"workflows/mail/{template}_subject.txt", context)
        body = render_to_string(f"workflows/mail/{template}.txt", context)
    return " ".join(subject.split()), body.strip() + "\n"


def send_to_users(template, context, users, *, reply_to=None, raise_errors=False):
    """One mail per user, in that user's language. Returns who got one.

    A notification that cannot be sent is logged and skipped: the page's
    state is already recorded and shown in the admin. With raise_errors the
    first failure is raised instead, for callers that retry.
    """
    sent = []
    for user in users:
        personal = {**context, "recipient": user, "recipient_name": _name(user)}
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


def _name(user):
    return user.get_full_name() or user.get_username()


def send_to_address(template, context, address, *, reply_to=None, language=None):
    """A mail to someone outside the system, e.g. the municipality."""
    subject, body = render_mail(template, context, language=language)
    EmailMessage(subject, body, to=[address], reply_to=reply_to).send()


def delivery_send(*, delivery):
    """E-mail an approved response, exactly as approved, to the hearing's
    contact address, with a link to the public page."""
    from cms.models import CouncilSettings
    from workflows.content import stream_as_text

    page = delivery.revision.as_object() if delivery.revision else delivery.page
    page = page.specific
    site = page.hearing.council
    council = CouncilSettings.for_site(site)
    earlier = delivery.page.response_deliveries.filter(
        status="sent", created_at__lt=delivery.created_at
    )
    context = {
        "page": page,
        "hearing": page.hearing,
        "council": council.name,
        "body_text": stream_as_text(
            getattr(page, "body", None), base_url=site.root_url
        ),
        "public_url": delivery.page.specific.full_url,
        "is_update": earlier.exists(),
    }
    send_to_address(
        "response_delivery",
        context,
        delivery.recipient,
        reply_to=[council.email] if council.email else None,
        language=page.locale.language_code,
    )
