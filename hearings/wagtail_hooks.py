"""The hearings admin: the hearing and theme snippets, scoped to the user's
own council, and the dashboard panel of open hearings."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.files import PUBLIC_DOCUMENT_HOOK
from cms.models import CouncilRole
from cms.selectors import council_sites_for_user
from hearings import deliveries, public_contributions
from hearings.citizen_input.admin import CitizenInputDeleteView, CitizenInputView
from hearings.citizen_input.selectors import (
    citizen_inputs_for,
    may_read_citizen_input,
)
from hearings.forms import HearingAdminForm
from hearings.models import (
    Hearing,
    HearingDocument,
    HearingResponsePage,
    HearingStatus,
    Theme,
)
from hearings.models.hearing import HEARING_FIELDS
from hearings.selectors import (
    LIST_ORDERING,
    dashboard_hearings,
    deadline_words,
    hearing_deletion_refusal,
    hearing_response,
    hearings_for_list,
    hearings_for_user,
    may_write_response,
)
from hearings.views import HearingHistoryView, HearingRestoreView, ResponseStartView
from pages.contributions import ANNUAL_PLAN_ITEMS, CALENDAR_EVENTS, HOME_PAGE_SECTIONS
from workflows.member_reading import MEMBER_READABLE_PAGE_TYPES
from workflows.member_views import member_reading_url

# Permissions -------------------------------------------------------------


class CouncilHearingPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and on top: a hearing is only ever acted on by the
    staff of its own council, and is not deleted once it has a response."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if not _serves_council(user, instance.council_id):
            return False
        if action == "delete":
            return hearing_deletion_refusal(hearing=instance) is None
        return True

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(
            self.user_has_permission_for_instance(user, action, instance)
            for action in actions
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return Hearing.objects.none()
        return hearings_for_user(user=user)


def _serves_council(user, council_id):
    if user.is_superuser:
        return True
    return council_sites_for_user(user=user).filter(pk=council_id).exists()


HEARING_PERMISSIONS = CouncilHearingPermissionPolicy(Hearing)
register_permission_policy(Hearing, HEARING_PERMISSIONS)


# Views scoped to the user's council ---------------------------------------


class OwnCouncilObjectMixin:
    """Generic object views look objects up among the user's hearings only."""

    def get_queryset(self):
        return hearings_for_user(user=self.request.user)

    def get_base_object_queryset(self):
        return hearings_for_user(user=self.request.user)


class HearingCreateView(snippet_views.CreateView):
    """A newly registered hearing opens at once, where its response is begun."""

    def get_success_url(self):
        return reverse("hearings_hearing:edit", args=[self.object.pk])

    def get_success_buttons(self):
        # The message is shown in the hearing's editor: "edit" would lead
        # where the secretary already is.
        if not may_write_response(user=self.request.user, hearing=self.object):
            return []
        url = reverse("hearings_hearing:respond", args=[self.object.pk])
        return [admin_messages.button(url, _("Write the response"))]


class HearingEditView(OwnCouncilObjectMixin, snippet_views.EditView):
    """The hearing editor, with the way to the response, and the way to the
    hearing's history when a save from an older form is refused."""

    def form_invalid(self, form):
        if getattr(form, "newer_version", None) is not None:
            admin_messages.warning(
                self.request,
                _(
                    "See what was changed since you opened the hearing, then save "
                    "again."
                ),
                buttons=[
                    admin_messages.button(
                        reverse("hearings_hearing:history", args=[self.object.pk]),
                        _("Show the history"),
                        new_window=True,
                    )
                ],
            )
        return super().form_invalid(form)

    @cached_property
    def header_buttons(self):
        """The hearing's next step, in plain sight: writing its response."""
        buttons = list(super().header_buttons)
        user, hearing = self.request.user, self.object
        if may_write_response(user=user, hearing=hearing):
            response = hearing_response(hearing=hearing)
            buttons.append(
                HeaderButton(
                    _("Continue the response") if response else _("Write the response"),
                    reverse("hearings_hearing:respond", args=[hearing.pk]),
                    icon_name="edit",
                )
            )
        return buttons

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        buttons.append(
            Button(
                _("Write or continue the response"),
                reverse("hearings_hearing:respond", args=[self.object.pk]),
                icon_name="edit",
                priority=5,
            )
        )
        if may_read_citizen_input(
            user=self.request.user, council_id=self.object.council_id
        ):
            count = citizen_inputs_for(hearing=self.object).count()
            buttons.append(
                Button(
                    _("Input from citizens (%(count)d)") % {"count": count},
                    reverse("hearings_hearing:citizen_input", args=[self.object.pk]),
                    icon_name="mail",
                    priority=6,
                )
            )
        return buttons


class HearingDeleteView(OwnCouncilObjectMixin, snippet_views.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        refusal = hearing_deletion_refusal(hearing=self.object)
        if refusal:
            messages.error(request, refusal)
            return redirect("hearings_hearing:edit", self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class HearingUsageView(snippet_views.UsageView):
    """Its listing is the hearing's usage, so only the object is scoped."""

    def get_base_object_queryset(self):
        return hearings_for_user(user=self.request.user)


class HearingInspectView(snippet_views.InspectView):
    """Read-only view of a hearing, e.g. for council members: its facts
    ("not given" for what is not known), its documents and its response."""

    def get_object(self, queryset=None):
        return get_object_or_404(
            hearings_for_user(user=self.request.user), pk=unquote(str(self.pk))
        )

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return gettext("Not given") if value in (None, "") else value

    def get_fields_context(self):
        return [
            *super().get_fields_context(),
            {
                "label": _("Hearing documents"),
                "value": None,
                "component": HearingMaterialComponent(self.object, self.request.user),
            },
        ]


class HearingMaterialComponent(Component):
    """The hearing's documents and the way to its draft response, for the
    read-only view."""

    template_name = "hearings/admin/hearing_material.html"

    def __init__(self, hearing, user):
        self.hearing = hearing
        self.user = user

    def get_context_data(self, parent_context):
        response = hearing_response(hearing=self.hearing)
        return {
            "documents": [
                item.document
                for item in self.hearing.documents.select_related("document")
            ],
            "response": response,
            "response_url": (
                member_reading_url(user=self.user, page=response) if response else None
            ),
        }


class OwnCouncilChooserMixin:
    def get_object_list(self):
        return hearings_for_user(user=self.request.user)


class HearingChooseView(OwnCouncilChooserMixin, snippet_chooser.ChooseView):
    pass


class HearingChooseResultsView(
    OwnCouncilChooserMixin, snippet_chooser.ChooseResultsView
):
    pass


class HearingChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return hearings_for_user(user=self.request.user).get(pk=pk)


class HearingChooserCreateView(View):
    """Hearings are registered in the hearings admin, with their documents
    and deadline, never half-made from a chooser: the chooser's create step
    (which Wagtail answers with an error when no form is set) is not there."""

    def dispatch(self, request, *args, **kwargs):
        raise Http404


class HearingChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    create_view_class = HearingChooserCreateView
    choose_view_class = HearingChooseView
    choose_results_view_class = HearingChooseResultsView
    chosen_view_class = HearingChosenView


# The hearing snippet ------------------------------------------------------


def _default_locale_themes(request):
    return Theme.objects.filter(locale=Locale.get_default())


class HearingFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=HearingStatus.choices, field_name="status"
    )
    themes = django_filters.ModelMultipleChoiceFilter(
        label=_("Themes"),
        queryset=_default_locale_themes,
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = django_filters.DateFromToRangeFilter(
        label=_("Deadline"), widget=DateRangePickerWidget
    )
    year = django_filters.NumberFilter(
        label=_("Year received"), field_name="received_on", lookup_expr="year"
    )

    class Meta:
        model = Hearing
        fields = []


class HearingViewSet(SnippetViewSet):
    model = Hearing
    icon = "doc-full-inverse"
    menu_label = _("Hearings")
    menu_name = "hearings"
    menu_order = 150
    add_to_admin_menu = True
    url_namespace = "hearings_hearing"
    url_prefix = "hearings"
    list_display = [
        "title",
        "committee",
        Column("deadline", label=_("Deadline"), sort_key="deadline"),
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor=lambda hearing: HearingStatus(hearing.status).label,
            primary=lambda hearing: hearing.status == HearingStatus.OVERDUE,
        ),
        Column("deadline_words", label=_("Time left"), accessor=deadline_words),
    ]
    filterset_class = HearingFilterSet
    search_fields = ["title", "committee", "case_number"]
    search_backend_name = None
    ordering = LIST_ORDERING
    copy_view_enabled = False
    inspect_view_enabled = True
    # A committee chosen from the list shows as its name (the committee field).
    inspect_view_fields = [
        *(name for name in HEARING_FIELDS if name != "municipal_committee"),
        "themes",
    ]
    inspect_view_class = HearingInspectView
    add_view_class = HearingCreateView
    edit_view_class = HearingEditView
    delete_view_class = HearingDeleteView
    usage_view_class = HearingUsageView
    chooser_viewset_class = HearingChooserViewSet

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("council"),
                    FieldPanel("title"),
                    FieldPanel("summary"),
                    MultiFieldPanel(
                        [
                            FieldPanel("municipal_committee"),
                            FieldPanel("committee"),
                            FieldPanel("case_number"),
                            FieldPanel("contact_email"),
                        ],
                        heading=_("From the municipality"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("received_on"), FieldPanel("deadline")],
                        heading=_("Dates"),
                    ),
                    FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                    InlinePanel(
                        "documents",
                        label=_("Hearing document"),
                        heading=_("Hearing documents (PDF, DOCX or ODT)"),
                        panels=[FieldPanel("document")],
                    ),
                ],
                heading=_("Hearing"),
            ),
            ObjectList(
                [
                    FieldPanel("decided_on"),
                    FieldPanel("decision_summary"),
                    FieldPanel("decision_url"),
                    FieldPanel("points_used"),
                ],
                heading=_("Outcome"),
            ),
        ],
        base_form_class=HearingAdminForm,
    )

    def get_queryset(self, request):
        return hearings_for_list(hearings_for_user(user=request.user))

    history_view_class = HearingHistoryView
    history_template_name = HearingHistoryView.template_name

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(
            edit_url_name=self.get_url_name("edit"),
            index_url_name=self.get_url_name("list"),
            restore_url_name=self.get_url_name("restore"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "restore/<int:pk>/<int:history_id>/",
                HearingRestoreView.as_view(
                    history_url_name=self.get_url_name("history")
                ),
                name="restore",
            ),
            path(
                "respond/<int:pk>/",
                ResponseStartView.as_view(edit_url_name=self.get_url_name("edit")),
                name="respond",
            ),
            path(
                "input/<int:pk>/",
                CitizenInputView.as_view(),
                name="citizen_input",
            ),
            path(
                "input/<int:pk>/delete/<int:input_id>/",
                CitizenInputDeleteView.as_view(),
                name="citizen_input_delete",
            ),
        ]


class ThemeChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    # Themes are made in their own editor: the chooser has no creation form,
    # and Wagtail's create step fails without one.
    create_view_class = HearingChooserCreateView


class ThemeViewSet(SnippetViewSet):
    """The shared theme vocabulary; managed by the platform's administrators."""

    model = Theme
    chooser_viewset_class = ThemeChooserViewSet
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None
    ordering = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(HearingViewSet)
register_snippet(ThemeViewSet)


class HearingSnippetEditView(View):
    """wagtail-localize links each snippet to the URL name
    "wagtailsnippets_<app>_<model>:edit"; a hearing's editor has its own name
    (hearings_hearing:edit), so that name leads there."""

    model = Hearing

    def get(self, request, pk):
        return redirect("hearings_hearing:edit", pk)


@hooks.register("register_admin_urls")
def register_hearing_snippet_edit_name():
    patterns = [path("edit/<int:pk>/", HearingSnippetEditView.as_view(), name="edit")]
    return [
        path(
            "snippets/hearings/hearing/",
            include((patterns, "wagtailsnippets_hearings_hearing")),
        )
    ]


@hooks.register("before_copy_page")
def refuse_copying_a_response(request, page):
    """A copy would be a second response to the same hearing."""
    if isinstance(page.specific, HearingResponsePage):
        messages.error(
            request,
            _(
                "A hearing response cannot be copied: each hearing has one "
                "response. Write a new response from the hearing instead."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


# Dashboard ------------------------------------------------------------------


class OpenHearingsPanel(Component):
    """The secretary's and chair's first question: what is due, and when."""

    name = "open_hearings"
    template_name = "hearings/admin/open_hearings_panel.html"
    order = 50

    def __init__(self, hearings, add_url=None):
        self.hearings = hearings
        self.add_url = add_url

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = [_dashboard_row(hearing) for hearing in self.hearings]
        context["add_url"] = self.add_url
        context["csrf_token"] = parent_context.get("csrf_token")
        context["request"] = parent_context.get("request")
        return context


def _dashboard_row(hearing):
    response = hearing.response_pages[0] if hearing.response_pages else None
    return {
        "hearing": hearing,
        "status": HearingStatus(hearing.status),
        "overdue": hearing.status == HearingStatus.OVERDUE,
        "deadline_words": deadline_words(hearing),
        "response": response,
        "edit_url": reverse("hearings_hearing:edit", args=[hearing.pk]),
        "respond_url": reverse("hearings_hearing:respond", args=[hearing.pk]),
        "response_url": (
            reverse("wagtailadmin_pages:edit", args=[response.pk]) if response else None
        ),
    }


@hooks.register("construct_homepage_panels")
def add_open_hearings_panel(request, panels):
    roles = {CouncilRole.SECRETARIAT, CouncilRole.CHAIRS}
    sites = council_sites_for_user(user=request.user)
    if not sites.filter(
        council_groups__role__in=roles, council_groups__group__user=request.user
    ).exists():
        return
    may_add = HEARING_PERMISSIONS.user_has_permission(request.user, "add")
    panels.append(
        OpenHearingsPanel(
            dashboard_hearings(user=request.user),
            add_url=reverse("hearings_hearing:add") if may_add else None,
        )
    )


@hooks.register(MEMBER_READABLE_PAGE_TYPES)
def responses_are_read_by_members():
    """Council members read and comment on draft responses."""
    return [HearingResponsePage]


# Documents ------------------------------------------------------------------


@hooks.register(PUBLIC_DOCUMENT_HOOK)
def hearing_material_is_public(*, document, councils):
    """A hearing's documents are public by nature: the municipality sent
    them out for hearing, and the council's public page lists them."""
    return HearingDocument.objects.filter(
        document=document, hearing__council_id__in=councils
    ).exists()


# The public site (pages.contributions) -------------------------------------


@hooks.register(HOME_PAGE_SECTIONS)
def hearing_home_sections(*, site_root, site):
    return public_contributions.home_sections(site_root=site_root, site=site)


@hooks.register(CALENDAR_EVENTS)
def hearing_deadline_events(*, site, request=None):
    return public_contributions.deadline_events(site=site, request=request)


@hooks.register(ANNUAL_PLAN_ITEMS)
def hearing_deadline_year_items(*, site, year, request=None):
    return public_contributions.deadline_year_items(
        site=site, year=year, request=request
    )


# History entries of deliveries -----------------------------------------------


@hooks.register("register_log_actions")
def register_delivery_log_actions(actions):
    @actions.register_action(deliveries.DELIVERED)
    class Delivered(LogFormatter):
        label = _("Response delivered")

        def format_message(self, log_entry):
            return gettext("Response sent by e-mail to %(recipient)s") % {
                "recipient": log_entry.data.get("recipient", "?")
            }

    @actions.register_action(deliveries.DELIVERY_FAILED)
    class DeliveryFailed(LogFormatter):
        label = _("Response delivery failed")

        def format_message(self, log_entry):
            return gettext(
                "The response could not be sent to %(recipient)s (attempt "
                "%(attempt)s); it will be tried again."
            ) % {
                "recipient": log_entry.data.get("recipient", "?"),
                "attempt": log_entry.data.get("attempt", "?"),
            }
