"""The admin screens of working groups (kept by the secretariat, read by the
council) and of their notes and draft texts (written by the group's members
and the secretariat). Every view looks its rows up among those the
user's role allows (pages.working_groups.permissions): another council's
group or text is a 404."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cms.selectors import user_display_name
from pages.working_groups.forms import (
    WorkingGroupForm,
    WorkingGroupMeetingForm,
    WorkingGroupTextForm,
)
from pages.working_groups.models import WorkingGroup, WorkingGroupText

# Hook: fn(*, user, text) -> list of wagtail.admin.widgets.HeaderButton for
# a text's editor; hearings offers "make it a response's draft" through it.
WORKING_GROUP_TEXT_BUTTONS = "working_group_text_buttons"


class ScopedQuerysetMixin:
    """Rows are looked up among those the user may act on, for the view's
    action ("view" for reading views): everything else answers 404."""

    scope_actions = ("change",)

    def scoped_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.scope_actions
        )

    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ScopedObjectMixin(ScopedQuerysetMixin):
    """For Django's single-object views, which look up in get_queryset()."""

    def get_queryset(self):
        return self.scoped_queryset()


class ScopedIndexView(ScopedQuerysetMixin, generic.IndexView):
    scope_actions = ("view", "change")

    def get_base_queryset(self):
        return self.scoped_queryset()


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    scope_actions = ("delete",)


class ScopedHistoryView(ScopedQuerysetMixin, history.HistoryView):
    scope_actions = ("view", "change")

    def get_object(self):
        return get_object_or_404(self.scoped_queryset(), pk=self.pk)


class ScopedUsageView(ScopedQuerysetMixin, usage.UsageView):
    scope_actions = ("view", "change")


class ScopedInspectView(ScopedQuerysetMixin, generic.InspectView):
    scope_actions = ("view", "change")

    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped_queryset(), pk=unquote(str(self.pk)))


class WorkingGroupInspectView(ScopedInspectView):
    """A group as the council's members read it: members by name."""

    def get_field_display_value(self, field_name, field):
        if field_name == "members":
            names = [user_display_name(user) for user in self.object.members.all()]
            return ", ".join(names) or gettext("No members yet")
        return super().get_field_display_value(field_name, field)


class WorkingGroupTextEditView(ScopedEditView):
    """The text's editor, with what other apps offer to do with it."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        for contribute in hooks.get_hooks(WORKING_GROUP_TEXT_BUTTONS):
            buttons.extend(contribute(user=self.request.user, text=self.object))
        return buttons


class MeetingsPanel(InlinePanel):
    """The group's meetings, whose rows' forms know the user, so that each
    offers the places of the user's own councils only (the empty row that
    "add" copies included)."""

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset.update(form=WorkingGroupMeetingForm, inherit_kwargs=["for_user"])
        return options


class ScopedViewSet(ModelViewSet):
    """A model viewset whose every view is scoped to the user's councils."""

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False
    search_fields = None


class WorkingGroupViewSet(ScopedViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Working groups")
    url_namespace = "working_groups"
    url_prefix = "working-groups"
    inspect_view_class = WorkingGroupInspectView
    inspect_view_fields = ["name", "theme", "members", "active"]
    list_display = [
        "name",
        "theme",
        BooleanColumn("active", label=_("Active")),
    ]
    list_filter = ["active"]
    edit_handler = ObjectList(
        [
            FieldPanel("council"),
            FieldPanel("name"),
            FieldPanel("theme"),
            FieldPanel("members"),
            FieldPanel("active"),
            MeetingsPanel(
                "meetings",
                heading=_("Meetings of the group"),
                label=_("Meeting"),
                help_text=_(
                    "Shown in the council's public calendar with the group's "
                    "name, the time and the place."
                ),
                panels=[
                    FieldPanel("starts_at"),
                    FieldPanel("ends_at"),
                    FieldPanel("place"),
                    FieldPanel("location"),
                    FieldPanel("about"),
                ],
            ),
        ],
        base_form_class=WorkingGroupForm,
    )


class WorkingGroupTextViewSet(ScopedViewSet):
    model = WorkingGroupText
    icon = "doc-full"
    menu_label = _("Notes and draft texts")
    url_namespace = "working_group_texts"
    url_prefix = "working-group-texts"
    edit_view_class = WorkingGroupTextEditView
    inspect_view_fields = ["group", "kind", "title", "text", "author", "written_on"]
    list_display = [
        "title",
        Column("group", label=_("Working group")),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column(
            "author",
            label=_("Author"),
            accessor=lambda text: user_display_name(text.author),
        ),
        DateColumn("written_on", label=_("Date")),
    ]
    # No filter by group: its choices would name every council's groups.
    list_filter = ["kind"]
    edit_handler = ObjectList(
        [
            FieldPanel("group"),
            FieldPanel("kind"),
            FieldPanel("title"),
            FieldPanel("text"),
            FieldPanel("written_on"),
        ],
        base_form_class=WorkingGroupTextForm,
    )


class WorkingGroupsMenu(ViewSetGroup):
    menu_label = _("Working groups")
    menu_icon = "group"
    menu_order = 160
    items = (WorkingGroupViewSet, WorkingGroupTextViewSet)


WORKING_GROUP_NAMESPACES = ("working_groups", "working_group_texts")
