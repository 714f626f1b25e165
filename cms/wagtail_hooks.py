"""Admin wiring of the base layer: every page listing a council's staff can
open (explorer, its menu through the admin API, the page chooser) shows
their own council's tree only."""

from django.http import Http404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from cms import admin_guide, files, people_views, two_factor, two_factor_views
from cms.admin_guard import allow_staff_urls
from cms.tenancy import pages_of_councils, user_council_ids


def _own_council_pages(pages, user):
    if user.is_superuser:
        return pages
    return pages_of_councils(pages, user_council_ids(user))


@hooks.register("construct_explorer_page_queryset")
def explorer_pages_of_own_council(parent_page, pages, request):
    return _own_council_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def chooser_pages_of_own_council(pages, request):
    return _own_council_pages(pages, request.user)


# Documents and images (cms.files) -------------------------------------------


@hooks.register("before_serve_document")
def serve_only_shown_documents(document, request):
    """A document no live page or hearing of its council shows is its
    council's draft material: 404 for everyone else, as if it did not exist."""
    if not files.user_may_download(user=request.user, document=document):
        raise Http404


@hooks.register("construct_admin_api", order=10)
def admin_api_lists_own_files(router):
    """Registered after Wagtail's own endpoints, which these replace."""
    router.register_endpoint("documents", files.CouncilDocumentsAdminAPIViewSet)
    router.register_endpoint("images", files.CouncilImagesAdminAPIViewSet)


# Two factors (cms.two_factor) -----------------------------------------------

# The second-factor pages carry no ids; every member of staff needs them.
allow_staff_urls(names=two_factor.TWO_FACTOR_URL_NAMES)


@hooks.register("register_admin_urls")
def two_factor_urls():
    return two_factor_views.admin_urlpatterns()


# The guide (cms.admin_guide) ----------------------------------------------

allow_staff_urls(names=(admin_guide.GUIDE_URL_NAME,))


@hooks.register("register_admin_urls")
def guide_urls():
    return admin_guide.guide_urlpatterns()


@hooks.register("register_help_menu_item")
def guide_help_item():
    return admin_guide.guide_menu_item()


@hooks.register("construct_help_menu")
def guide_replaces_wagtails_guide(request, menu_items):
    admin_guide.help_menu_adjust(menu_items)


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    """The platform administrator's reset, beside each person in Users."""
    if not request_user.is_superuser:
        return []
    return [
        Button(
            _("Reset second factor"),
            url=reverse(two_factor.RESET_URL, args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]


# The council's people, for its secretariat (cms.people_views) ---------------

# The views check the person's council themselves; the door checks "pk".
allow_staff_urls(names=people_views.URL_NAMES)


@hooks.register("register_admin_urls")
def people_urls():
    return people_views.admin_urlpatterns()


@hooks.register("register_admin_menu_item")
def people_menu_item():
    return people_views.people_menu_item()


@hooks.register("register_account_settings_panel")
def own_choices_panel(request, user, profile):
    return people_views.OwnChoicesPanel(request, user, profile)


# The platform administrator's councils (cms.council_admin, mounted by cms.urls)


class PlatformMenuItem(MenuItem):
    """Councils are the platform administrator's to create: nobody else
    is offered the menu item (the admin door closes the views to them)."""

    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def councils_menu_item():
    return PlatformMenuItem(
        _("Councils"),
        reverse_lazy("cms_councils"),
        icon_name="site",
        order=590,
        name="councils",
    )
