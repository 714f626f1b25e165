"""Business logic for councils: creating a council's site, tree and groups.

Every step is "ensure": it creates what is missing and leaves what exists, so
running it twice changes nothing, and a council missing a part is repaired.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
)

from cms.council_translations import council_translations_ensure
from cms.models import CouncilGroup, CouncilRole, CouncilRootPage, CouncilSettings
from hearings.models import HearingIndexPage
from hearings.models.index import HEARING_INDEX_SLUG
from hearings.selectors import hearing_index_for
from pages.models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    MeetingIndexPage,
)
from workflows.publish_guard import bootstrap
from workflows.services import council_workflow_ensure


class CouncilError(Exception):
    """A council cannot be created as asked; the message is for the user."""


@dataclass
class CouncilResult:
    site: Site
    created: list[str] = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created)


# Page permissions each role gets on its own council's tree. Nobody but a
# superuser may publish: publishing happens through the chair's approval.
ROLE_PAGE_PERMISSIONS = {
    CouncilRole.SECRETARIAT: ["add_page", "change_page"],
    CouncilRole.CHAIRS: ["add_page", "change_page", "lock_page", "unlock_page"],
    CouncilRole.MEMBERS: [],
}
ROLE_COLLECTION_PERMISSIONS = {
    CouncilRole.SECRETARIAT: [
        "add_document",
        "change_document",
        "choose_document",
        "add_image",
        "change_image",
        "choose_image",
    ],
    CouncilRole.CHAIRS: ["choose_document", "choose_image"],
    CouncilRole.MEMBERS: [],
}
# Model permissions (not tied to a tree) per role; other apps extend this.
ROLE_MODEL_PERMISSIONS = {
    CouncilRole.SECRETARIAT: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("hearings", "add_hearing"),
        ("hearings", "change_hearing"),
        ("hearings", "delete_hearing"),
        ("hearings", "view_hearing"),
    ],
    CouncilRole.CHAIRS: [
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("hearings", "change_hearing"),
        ("hearings", "view_hearing"),
    ],
    CouncilRole.MEMBERS: [
        ("wagtailadmin", "access_admin"),
        ("hearings", "view_hearing"),
    ],
}
# Permissions on the council's own site only (Wagtail's GroupSitePermission):
# the secretariat keeps its council's details and meeting places up to date.
ROLE_SITE_PERMISSIONS = {
    CouncilRole.SECRETARIAT: [("cms", "change_councilsettings")],
    CouncilRole.CHAIRS: [],
    CouncilRole.MEMBERS: [],
}
ROLE_GROUP_SUFFIX = {
    CouncilRole.SECRETARIAT: "sekretariat",
    CouncilRole.CHAIRS: "formandskab",
    CouncilRole.MEMBERS: "medlemmer",
}


def council_create(
    *, name, municipality, hostname, port=80, is_default=False
) -> CouncilResult:
    """Create (or complete) a council: site, home page, tree, groups, settings."""
    name, municipality = name.strip(), municipality.strip()
    hostname = hostname.strip().lower()
    if not name or not municipality or not hostname:
        raise CouncilError(_("Name, municipality and hostname are all required."))
    # The skeleton's empty pages go live without approval: nobody wrote them.
    with transaction.atomic(), bootstrap(reason="council_create"):
        site = _site_for(name=name, municipality=municipality, hostname=hostname)
        result = CouncilResult(site=site)
        if site is None:
            result.site = _site_create(
                name=name,
                municipality=municipality,
                hostname=hostname,
                port=port,
                is_default=is_default,
            )
            result.created.append(_("site and home page"))
        _tree_ensure(result)
        # A live English home and standard pages, so /en/ has its own tree.
        result.created.extend(council_translations_ensure(site=result.site))
        _council_root_ensure(result, name=name)
        _groups_ensure(result, name=name)
        # The chairs' approval of every page; the hearing index is named so
        # that responses stay under the chairs if the home changes.
        index = hearing_index_for(council=result.site)
        result.created.extend(council_workflow_ensure(site=result.site, pages=[index]))
    return result


def _site_for(*, name, municipality, hostname):
    """The existing site of this council, or None; refuse clashes."""
    site = Site.objects.filter(hostname=hostname).first()
    existing = CouncilSettings.objects.filter(
        name=name, municipality=municipality
    ).first()
    if site is not None:
        settings = CouncilSettings.objects.filter(site=site).first()
        if settings is None or (settings.name, settings.municipality) != (
            name,
            municipality,
        ):
            owner = settings.name if settings else site.site_name or hostname
            raise CouncilError(
                _("The hostname %(host)s is already used by %(owner)s.")
                % {"host": hostname, "owner": owner}
            )
        return site
    if existing is not None:
        raise CouncilError(
            _("%(name)s already exists with the hostname %(host)s.")
            % {"name": name, "host": existing.site.hostname}
        )
    return None


def _site_create(*, name, municipality, hostname, port, is_default):
    root = Page.get_first_root_node()
    home = HomePage(
        title=name,
        slug=slugify(hostname.replace(".", "-")),
        locale=Locale.get_default(),
        introduction=_("The council for socially vulnerable citizens in %(m)s.")
        % {"m": municipality},
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    if is_default:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        site_name=name,
        root_page=home,
        is_default_site=is_default,
    )
    CouncilSettings.objects.create(site=site, name=name, municipality=municipality)
    return site


STANDARD_CHILDREN = [
    (HearingIndexPage, "Høringssvar", HEARING_INDEX_SLUG),
    (MeetingIndexPage, "Møder", "moeder"),
    (ContentPage, "Om rådet", "om-raadet"),
    (AccessibilityStatementPage, "Tilgængelighedserklæring", "tilgaengelighed"),
]
# Linked from every page's footer instead of the main menu.
FOOTER_ONLY_CHILDREN = (AccessibilityStatementPage,)


def _tree_ensure(result):
    home = result.site.root_page.specific
    for model, title, slug in STANDARD_CHILDREN:
        if home.get_children().filter(slug=slug).exists():
            continue
        page = model(
            title=title,
            slug=slug,
            locale=home.locale,
            show_in_menus=model not in FOOTER_ONLY_CHILDREN,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        result.created.append(_("page %(title)s") % {"title": title})


def _council_root_ensure(result, *, name):
    """Put the council's home pages (every language) under its own root page.

    Translations are made first, with the homes still beside each other
    under the tree root, because wagtail-localize places a translated home
    under the translation of the home's parent; the council root has none.
    """
    home = result.site.root_page
    parent = home.get_parent()
    if isinstance(parent.specific, CouncilRootPage):
        council_root = parent
    else:
        council_root = CouncilRootPage(
            title=name,
            slug=slugify("raad-" + result.site.hostname.replace(".", "-")),
            live=False,
        )
        Page.get_first_root_node().add_child(instance=council_root)
        result.created.append(_("council root page"))
    for page in [home, *home.get_translations()]:
        if page.get_parent().pk != council_root.pk:
            page.move(council_root, pos="last-child")


def council_collection(site):
    """The document and image collection that belongs to a council, created
    on first use and remembered in the council's settings."""
    settings = CouncilSettings.for_site(site)
    if settings.collection_id:
        return settings.collection
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=settings.name).first()
    if collection is None:
        collection = root.add_child(name=settings.name)
    settings.collection = collection
    settings.save(update_fields=["collection"])
    return collection


def _groups_ensure(result, *, name):
    site = result.site
    collection = council_collection(site)
    for role in CouncilRole:
        link = CouncilGroup.objects.filter(site=site, role=role).first()
        if link is None:
            group, _created = Group.objects.get_or_create(
                name=f"{name}: {ROLE_GROUP_SUFFIX[role]}"
            )
            link = CouncilGroup.objects.create(group=group, site=site, role=role)
            result.created.append(_("group %(group)s") % {"group": group.name})
        _group_permissions_ensure(link.group, role, site.root_page, collection)
        _group_site_permissions_ensure(link.group, role, site)


def _group_site_permissions_ensure(group, role, site):
    for app_label, codename in ROLE_SITE_PERMISSIONS[role]:
        GroupSitePermission.objects.get_or_create(
            group=group,
            site=site,
            permission=Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            ),
        )


def _group_permissions_ensure(group, role, home, collection):
    # Translations of the home page are siblings of it, not children: the
    # council's staff need the same rights on each language's tree.
    for page in [home, *home.get_translations()]:
        for codename in ROLE_PAGE_PERMISSIONS[role]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    for codename in ROLE_COLLECTION_PERMISSIONS[role]:
        app = "wagtaildocs" if codename.endswith("document") else "wagtailimages"
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label=app, codename=codename
            ),
        )
    for app_label, codename in ROLE_MODEL_PERMISSIONS[role]:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
