"""Reads about councils and their people: which council a user serves, in
which role, and how a person is named."""

from django.conf import settings
from wagtail.models import Page, Site

from cms.models import CouncilGroup, MemberProfile


def user_display_name(user):
    """How a person is named to others: full name, else username; "" for none."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def public_member_name(user):
    """The name a member may be shown by on public pages, or "" when they
    have not chosen to be named (the default)."""
    if user is None:
        return ""
    profile = MemberProfile.objects.filter(user=user, publicly_named=True).first()
    return user_display_name(user) if profile else ""


def council_sites_for_user(*, user):
    """The council sites whose staff this user is (all of them for superusers)."""
    if not user.is_authenticated:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(council_groups__group__user=user).distinct()


def council_group(*, site, role):
    """The Django group that holds a role in a council."""
    return CouncilGroup.objects.select_related("group").get(site=site, role=role).group


def page_versions(*, page):
    """The live, really translated versions of a page, the page itself included.

    Aliases (untranslated copies that wagtail-localize keeps in sync) are not
    translations, and drafts are not public: neither is ever offered.
    """
    versions = (
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )
    names = dict(settings.LANGUAGES)
    return sorted(
        (
            {
                "page": version,
                "language_code": version.locale.language_code,
                "language_name": names.get(version.locale.language_code, ""),
                "is_current": version.pk == page.pk,
            }
            for version in versions
        ),
        key=lambda v: list(names).index(v["language_code"]),
    )
