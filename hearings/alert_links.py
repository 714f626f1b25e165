"""The signed links of the response alerts' mails, and where they point.

The links sign the subscription's random key with the project's SECRET_KEY
(django.core.signing), each with its own purpose (salt): a changed
character, the other link's token, or a confirmation link older than
CONFIRM_MAX_AGE is refused with a message a reader understands.
"""

import datetime

from django.apps import apps
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

# The modules, not the package: the index page's routes use this module, so
# the package is still being loaded when it is imported.
from hearings.models.alerts import ResponseAlertSubscription

# The confirmation link works this long; unconfirmed rows are deleted after.
CONFIRM_MAX_AGE = datetime.timedelta(days=3)
CONFIRM_SALT = "hearings.alerts.confirm"
# Wagtail serves page addresses made of words and hyphens between slashes:
# the confirmation link (a route of the hearing index) separates the key,
# the time and the signature with slashes instead of colons.
CONFIRM_SEP = "/"
UNSUBSCRIBE_SALT = "hearings.alerts.unsubscribe"

LINK_BROKEN = _(
    "This link does not work. Perhaps it was not copied whole from the e-mail."
)
LINK_EXPIRED = _(
    "This link has expired, so nothing was saved. Sign up again and confirm "
    "within three days."
)


class AlertLinkRefused(Exception):
    """A mailed link that cannot be used; the message says why and the view
    shows it with the status."""

    def __init__(self, message, *, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def confirm_token(*, subscription):
    signer = signing.TimestampSigner(salt=CONFIRM_SALT, sep=CONFIRM_SEP)
    return signer.sign(subscription.key.hex)


def unsubscribe_token(*, subscription):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscription.key.hex)


def subscription_for_confirm_token(*, council, token):
    """The subscription a confirmation link names, or AlertLinkRefused. An
    expired link's unconfirmed subscription is deleted there and then."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT, sep=CONFIRM_SEP)
    try:
        key = signer.unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        expired_key = signer.unsign(token)  # the signature itself is sound
        ResponseAlertSubscription.objects.filter(
            council=council, key=expired_key, confirmed_at__isnull=True
        ).delete()
        raise AlertLinkRefused(LINK_EXPIRED, status=410) from None
    except signing.BadSignature:
        raise AlertLinkRefused(LINK_BROKEN) from None
    subscription = ResponseAlertSubscription.objects.filter(
        council=council, key=key
    ).first()
    if subscription is None:  # expired and deleted, or replaced
        raise AlertLinkRefused(LINK_EXPIRED, status=410)
    return subscription


def subscription_for_unsubscribe_token(*, council, token):
    """The subscription an unsubscribe link names, None once it is erased;
    AlertLinkRefused for a link not signed here."""
    try:
        key = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        raise AlertLinkRefused(LINK_BROKEN) from None
    return ResponseAlertSubscription.objects.filter(council=council, key=key).first()


def index_in_language(*, council, language):
    """The council's hearing index in that language if it is live there,
    else in the council's own language (None if it has none)."""
    index_model = apps.get_model("hearings", "HearingIndexPage")  # see imports
    index = index_model.objects.child_of(council.root_page).first()
    locale = Locale.objects.filter(language_code=language).first()
    translated = index.get_translation_or_none(locale) if index and locale else None
    return translated if translated is not None and translated.live else index


def confirm_url(*, subscription):
    index = index_in_language(
        council=subscription.council, language=subscription.language
    )
    token = confirm_token(subscription=subscription)
    return index.get_full_url() + index.reverse_subpage("alert_confirm", args=[token])


def unsubscribe_url(*, subscription):
    """The unsubscribe page, on the council's own host, in the reader's language."""
    token = unsubscribe_token(subscription=subscription)
    with translation.override(subscription.language):
        path = reverse("alert_unsubscribe", args=[token])
    return subscription.council.root_url + path
