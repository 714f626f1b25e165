"""Reads about personal links (workflows.models.PersonalLink): who may make
one, for whom, what its address is, and whether an address still opens
its draft.

The address carries the link's random key signed with the project's
SECRET_KEY (django.core.signing, with this feature's own salt): a changed
character is refused before the database is asked. The row says until
when, and whether the secretariat revoked it; the member must still be an
active member of the page's council, so removing or deactivating a person
closes their links at once.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import CouncilRole
from cms.tenancy import object_owner
from workflows.member_reading import is_member_readable, member_council_ids
from workflows.models import PersonalLink

SALT = "workflows.personal_link"
DEFAULT_VALID_DAYS = 14
MAX_VALID_DAYS = 90

LINK_BROKEN = _(
    "This link does not work. Perhaps it was not copied whole, or a letter was changed."
)
LINK_CLOSED = _(
    "This link no longer works: it has expired or been withdrawn. Ask the "
    "council's secretariat for a new link."
)


class PersonalLinkRefused(Exception):
    """An address that does not open a draft; the message says why in words
    a member understands and the view shows it with the status."""

    def __init__(self, message, *, status):
        super().__init__(message)
        self.message = message
        self.status = status


def link_token(*, link):
    return signing.Signer(salt=SALT).sign(link.key.hex)


def link_path(*, link):
    return reverse("workflows_personal_link", args=[link_token(link=link)])


def link_url(*, link):
    """The whole address, on the council's own host (for mail and paper)."""
    return link.site.root_url.rstrip("/") + link_path(link=link)


def page_council_id(*, page):
    """The council (site id) that owns the page, or None."""
    owner = object_owner(page)
    return next(iter(owner)) if len(owner) == 1 and "*" not in owner else None


def secretariat_council_ids(*, user):
    if not user.is_authenticated:
        return frozenset()
    return frozenset(
        user.groups.filter(council_group__role=CouncilRole.SECRETARIAT).values_list(
            "council_group__site_id", flat=True
        )
    )


def may_manage_links(*, user, page):
    """The secretariat of the page's council makes and revokes its links,
    on pages members read; nobody else (chairs and members neither)."""
    if page.depth <= 1 or not is_member_readable(page):
        return False
    return page_council_id(page=page) in secretariat_council_ids(user=user)


def link_members(*, site):
    """Whom a link can be made for: the council's active members."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__council_group__site=site,
            groups__council_group__role=CouncilRole.MEMBERS,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def open_links(*, page):
    """The page's links that still open it, soonest to expire first."""
    return (
        PersonalLink.objects.filter(
            page=page, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("member", "created_by")
        .order_by("expires_at", "pk")
    )


def link_is_open(*, link):
    """Not expired, not revoked, the member still an active member of the
    page's council and the page still that council's and read by members."""
    if link.revoked_at is not None or link.expires_at <= timezone.now():
        return False
    member = link.member
    if not member.is_active or link.site_id not in member_council_ids(user=member):
        return False
    page = link.page
    return page_council_id(page=page) == link.site_id and is_member_readable(page)


def link_for_token(*, token, site):
    """The open link an address names on this council's host. A tampered
    address and a closed link raise PersonalLinkRefused; another council's
    link raises Http404, as if it did not exist."""
    try:
        key = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        raise PersonalLinkRefused(LINK_BROKEN, status=400) from None
    link = (
        PersonalLink.objects.filter(key=key)
        .select_related("member", "page", "site")
        .first()
    )
    if link is None:
        raise PersonalLinkRefused(LINK_CLOSED, status=410)
    if site is None or link.site_id != site.pk:
        raise Http404
    if not link_is_open(link=link):
        raise PersonalLinkRefused(LINK_CLOSED, status=410)
    return link
