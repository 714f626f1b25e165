"""Reads about councils and their people: which council a user serves, in
which role, and how a person is named."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from wagtail.models import Page, Site

from cms.models import CouncilGroup, CouncilRole, MemberProfile


def user_display_name(user):
    """How a person is named to others: full name, else username; "" for none."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def public_member_name(user):
    """The name a member may be shown by on public pages, or "" when they
    have not chosen to be named (the default). Users read through
    with_public_naming() answer without a query of their own."""
    if user is None:
        return ""
    named = getattr(user, "is_publicly_named", None)
    if named is None:
        named = MemberProfile.objects.filter(user=user, publicly_named=True).exists()
    return user_display_name(user) if named else ""


def with_public_naming(users):
    """The users (a queryset) with whether each chose to be named publicly,
    read in the same query (public_member_name then asks nothing more)."""
    chose = MemberProfile.objects.filter(user=OuterRef("pk"), publicly_named=True)
    return users.annotate(is_publicly_named=Exists(chose))


def council_sites_for_user(*, user):
    """The council sites whose staff this user is (all of them for superusers)."""
    if not user.is_authenticated:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(council_groups__group__user=user).distinct()


def councils_managed_by(*, user):
    """The councils whose people this user manages: those whose secretariat
    they are in (every council for the platform administrator)."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    councils = Site.objects.filter(council_groups__isnull=False)
    if not user.is_superuser:
        councils = councils.filter(
            council_groups__role=CouncilRole.SECRETARIAT,
            council_groups__group__user=user,
        )
    return councils.distinct().order_by("site_name", "pk")


@dataclass
class CouncilPerson:
    """One of a council's people and the roles they hold in it."""

    user: object
    roles: list

    @property
    def role_labels(self):
        return [CouncilRole(role).label for role in self.roles]


def council_people(*, council):
    """The council's people (active or not), by name, with their roles."""
    roles = {}
    links = CouncilGroup.objects.filter(site=council).values_list("group__user", "role")
    for user_id, role in links:
        if user_id is not None:
            roles.setdefault(user_id, []).append(role)
    users = get_user_model().objects.filter(pk__in=roles)
    users = users.order_by("first_name", "last_name", "username")
    return [CouncilPerson(user=user, roles=sorted(roles[user.pk])) for user in users]


def person_roles(*, council, person):
    """The roles a person holds in one council (none: not its person)."""
    return sorted(
        CouncilGroup.objects.filter(site=council, group__user=person).values_list(
            "role", flat=True
        )
    )


def active_secretaries(*, council):
    """The council's active secretariat people: those who can manage it."""
    return get_user_model().objects.filter(
        is_active=True,
        groups__council_group__site=council,
        groups__council_group__role=CouncilRole.SECRETARIAT,
    )


def councils_and_roles(*, user_ids):
    """{user id: [(council name, role label), ...]} for a page of a listing."""
    found = {}
    links = CouncilGroup.objects.filter(group__user__in=user_ids).values_list(
        "group__user", "site__site_name", "role"
    )
    for user_id, council_name, role in links.order_by("site__site_name", "role"):
        found.setdefault(user_id, []).append((council_name, CouncilRole(role).label))
    return found


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
