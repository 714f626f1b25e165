"""The council's people, managed by its own secretariat in the admin:
who they are, inviting a person, their role, deactivating them, and their
choices about being named and reached (writes: cms.people).

Only the secretariat of a council (and the platform administrator) opens
these screens; chairs and members get 404, as does anyone asking for a
person of another council (the admin door, cms.admin_guard, checks the id
first; these views check again that the person is one of the councils the
user manages).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms import people
from cms.models import MemberProfile
from cms.people_forms import (
    MemberProfileForm,
    OwnChoicesForm,
    PersonInviteForm,
    PersonRoleForm,
)
from cms.selectors import (
    council_people,
    councils_managed_by,
    person_roles,
    user_display_name,
)
from cms.tenancy import user_council_ids

INDEX_URL = "cms_people"
INVITE_URL = "cms_people_invite"
PERSON_URL = "cms_person"
URL_NAMES = (INDEX_URL, INVITE_URL, PERSON_URL)


def _managed_councils(request):
    councils = list(councils_managed_by(user=request.user))
    if not councils:
        raise Http404
    return councils


def _form_errors(form, error):
    """A service's ValidationError shown on the form's fields."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)


class PeopleIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The council's people: name, e-mail, role, active or not."""

    template_name = "cms/people/index.html"
    page_title = gettext_lazy("The council's people")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.councils = _managed_councils(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            councils=[
                (council, council_people(council=council)) for council in self.councils
            ],
            invite_url=reverse(INVITE_URL),
            **kwargs,
        )


class PersonInviteView(WagtailAdminTemplateMixin, TemplateView):
    """Invite a person into one of the council's roles, by e-mail."""

    template_name = "cms/people/invite.html"
    page_title = gettext_lazy("Invite a person")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.councils = _managed_councils(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse(INDEX_URL), "label": _("The council's people")},
            {"url": "", "label": self.page_title},
        ]

    def post(self, request, *args, **kwargs):
        form = PersonInviteForm(request.POST, councils=self.councils)
        if form.is_valid():
            data = form.cleaned_data
            try:
                person = people.person_invite(
                    council=form.cleaned_council(),
                    name=data["name"],
                    email=data["email"],
                    role=data["role"],
                )
            except ValidationError as error:
                _form_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "%(name)s is invited. A mail with a link is on its way "
                        "to %(email)s."
                    )
                    % {"name": user_display_name(person), "email": person.email},
                )
                return redirect(INDEX_URL)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", PersonInviteForm(councils=self.councils))
        return super().get_context_data(**kwargs)


class PersonView(WagtailAdminTemplateMixin, TemplateView):
    """One person of the council: their role, whether they may log in, and
    their choices. Each form posts its own "action"."""

    template_name = "cms/people/person.html"
    header_icon = "user"
    # The person (the admin door policy reads the model of "pk").
    model = get_user_model()
    ACTIONS = ("role", "deactivate", "reactivate", "profile", "delete_phone", "resend")

    def dispatch(self, request, *args, **kwargs):
        councils = _managed_councils(request)
        self.person = get_object_or_404(self.model, pk=kwargs["pk"])
        self.council = next(
            (c for c in councils if person_roles(council=c, person=self.person)), None
        )
        if self.council is None:
            raise Http404
        self.profile = MemberProfile.objects.filter(user=self.person).first()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return user_display_name(self.person)

    def get_page_subtitle(self):
        return self.council.site_name

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse(INDEX_URL), "label": _("The council's people")},
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action not in self.ACTIONS:
            raise Http404
        forms = {}
        try:
            done = getattr(self, f"_{action}")(request, forms)
        except ValidationError as error:
            if not forms:
                messages.error(request, " ".join(error.messages))
                return redirect(PERSON_URL, self.person.pk)
            _form_errors(next(iter(forms.values())), error)
            done = None
        if done:
            messages.success(request, done)
            return redirect(PERSON_URL, self.person.pk)
        return self.render_to_response(self.get_context_data(**forms), status=400)

    def _role(self, request, forms):
        form = forms["role_form"] = PersonRoleForm(request.POST)
        if not form.is_valid():
            return None
        people.person_role_set(
            council=self.council, person=self.person, role=form.cleaned_data["role"]
        )
        return _("The role of %(name)s is changed.") % self._named()

    def _deactivate(self, request, forms):
        people.person_active_set(
            council=self.council, person=self.person, active=False, by=request.user
        )
        return _("%(name)s is deactivated and can no longer log in.") % self._named()

    def _reactivate(self, request, forms):
        people.person_active_set(
            council=self.council, person=self.person, active=True, by=request.user
        )
        return _("%(name)s can log in again.") % self._named()

    def _profile(self, request, forms):
        form = forms["profile_form"] = MemberProfileForm(
            request.POST, instance=self._profile_instance()
        )
        if not form.is_valid():
            return None
        form.save()
        return _("The choices of %(name)s are saved.") % self._named()

    def _delete_phone(self, request, forms):
        people.member_phone_delete(person=self.person)
        return _("The mobile number of %(name)s is deleted.") % self._named()

    def _resend(self, request, forms):
        people.person_invitation_resend(council=self.council, person=self.person)
        return _("The invitation is sent again to %(email)s.") % {
            "email": self.person.email
        }

    def _named(self):
        return {"name": user_display_name(self.person)}

    def _profile_instance(self):
        return self.profile or MemberProfile(user=self.person)

    def get_context_data(self, **kwargs):
        roles = person_roles(council=self.council, person=self.person)
        kwargs.setdefault(
            "role_form", PersonRoleForm(initial={"role": roles[0] if roles else None})
        )
        kwargs.setdefault(
            "profile_form", MemberProfileForm(instance=self._profile_instance())
        )
        return super().get_context_data(
            person=self.person,
            council=self.council,
            profile=self.profile,
            is_self=self.person.pk == self.request.user.pk,
            awaits_password=not self.person.has_usable_password(),
            **kwargs,
        )


def admin_urlpatterns():
    """Mounted under the admin by register_admin_urls (cms.wagtail_hooks)."""
    return [
        path("personer/", PeopleIndexView.as_view(), name=INDEX_URL),
        path("personer/inviter/", PersonInviteView.as_view(), name=INVITE_URL),
        path("personer/<int:pk>/", PersonView.as_view(), name=PERSON_URL),
    ]


class PeopleMenuItem(MenuItem):
    """Shown to those who manage a council's people: its secretariat."""

    def is_shown(self, request):
        return councils_managed_by(user=request.user).exists()


def people_menu_item():
    return PeopleMenuItem(
        gettext_lazy("The council's people"),
        reverse(INDEX_URL),
        icon_name="group",
        order=850,
        name="council-people",
    )


class OwnChoicesPanel(BaseSettingsPanel):
    """A council's person keeps their own choices in their account (Wagtail's
    account settings panels): being named in public, a mobile number with
    their consent (emptied, it is deleted), and how they are reminded."""

    name = "member_choices"
    title = gettext_lazy("Your choices in the council")
    order = 350
    form_class = OwnChoicesForm

    def is_active(self):
        return bool(user_council_ids(self.user))

    def get_form(self):
        instance = MemberProfile.objects.filter(user=self.user).first()
        kwargs = {
            "instance": instance or MemberProfile(user=self.user),
            "prefix": self.name,
        }
        if self.request.method == "POST":
            return self.form_class(self.request.POST, **kwargs)
        return self.form_class(**kwargs)
