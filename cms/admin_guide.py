"""Talerør's own guide for a council's staff, in the admin's help menu in
place of Wagtail's generic English editor guide."""

from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem

GUIDE_URL_NAME = "talerror_guide"
# Wagtail's help menu items that lead to its own English pages.
REPLACED_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


def guide(request):
    """The guide: how a response goes from hearing to published, who does
    what, and what readers see."""
    return TemplateResponse(request, "cms/admin_guide.html", {})


def guide_urlpatterns():
    return [path("vejledning/", guide, name=GUIDE_URL_NAME)]


def guide_menu_item():
    return MenuItem(
        _("Talerør guide"),
        reverse(GUIDE_URL_NAME),
        icon_name="help",
        order=900,
        name="talerror-guide",
    )


def help_menu_adjust(items):
    """Wagtail's English guide and release notes out, ours in their place."""
    items[:] = [
        item for item in items if not str(item.name).startswith(REPLACED_HELP_ITEMS)
    ]
