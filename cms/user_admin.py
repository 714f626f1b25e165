"""Wagtail's user list, for the platform administrator, with each person's
council and role in it (through Wagtail's documented way of customising the
user admin: a UserViewSet named by the wagtail.users app config,
cms.user_admin_apps)."""

from functools import cached_property

from django.contrib.auth.models import Group
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.views.users import IndexView, UserViewSet

from cms.models import CouncilRole


def council_roles(user):
    """[(council name, role label)] of a user whose groups are prefetched
    with their council links (CouncilUserIndexView.get_queryset)."""
    found = []
    for group in user.groups.all():
        link = getattr(group, "council_group", None)
        if link is not None:
            found.append((link.site.site_name, CouncilRole(link.role).label))
    return sorted(found)


class CouncilUserIndexView(IndexView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        at = min(3, len(columns))
        columns[at:at] = [
            Column(
                "council",
                label=_("Council"),
                accessor=lambda u: ", ".join(
                    dict.fromkeys(c for c, _r in council_roles(u))
                ),
                width="20%",
            ),
            Column(
                "council_role",
                label=_("Role"),
                accessor=lambda u: ", ".join(str(r) for _c, r in council_roles(u)),
                width="15%",
            ),
        ]
        return columns

    def get_base_queryset(self):
        groups = Group.objects.select_related("council_group__site")
        return (
            super()
            .get_base_queryset()
            .prefetch_related(Prefetch("groups", queryset=groups))
        )


class CouncilUserViewSet(UserViewSet):
    index_view_class = CouncilUserIndexView
