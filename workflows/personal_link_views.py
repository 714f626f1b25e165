"""The secretariat's admin views of personal links: a draft's open links
with a form to make one, revoking one, and the sheet to print for a member
who takes part on paper (the address as a QR code, drawn here)."""

import segno
from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from cms.selectors import user_display_name
from workflows import mail
from workflows.member_views import add_service_errors
from workflows.models import PersonalLink
from workflows.personal_link_services import (
    personal_link_create,
    personal_link_revoke,
)
from workflows.personal_links import (
    DEFAULT_VALID_DAYS,
    MAX_VALID_DAYS,
    link_is_open,
    link_members,
    link_url,
    may_manage_links,
    open_links,
    page_council_id,
)


def managed_page(request, page_id):
    """The page, if the user makes its links; else 404 (another council's
    page is not found, as if it did not exist)."""
    page = get_object_or_404(Page, pk=page_id)
    if not may_manage_links(user=request.user, page=page):
        raise Http404
    return page.specific


def managed_link(request, link_id):
    link = get_object_or_404(
        PersonalLink.objects.select_related("page", "member", "site"), pk=link_id
    )
    if not may_manage_links(user=request.user, page=link.page):
        raise Http404
    return link


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_display_name(obj)


class PersonalLinkForm(forms.Form):
    member = MemberChoiceField(
        label=gettext_lazy("Member"), queryset=get_user_model().objects.none()
    )
    valid_days = forms.IntegerField(
        label=gettext_lazy("Valid for (days)"),
        initial=DEFAULT_VALID_DAYS,
        min_value=1,
        max_value=MAX_VALID_DAYS,
    )
    delivery = forms.ChoiceField(
        label=gettext_lazy("How the member gets the link"),
        choices=PersonalLink.Delivery.choices,
        initial=PersonalLink.Delivery.EMAIL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, site_id, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = link_members(site=site_id)

    def clean(self):
        data = super().clean()
        member = data.get("member")
        by_mail = data.get("delivery") == PersonalLink.Delivery.EMAIL
        if member is not None and by_mail and not mail.is_deliverable(member.email):
            self.add_error(
                "delivery",
                _(
                    "The member has no e-mail address mail can be sent to: "
                    "print the link instead."
                ),
            )
        return data


class PersonalLinksView(WagtailAdminTemplateMixin, TemplateView):
    """A draft's personal links: who has one and until when, each with
    revoke and print, and the form that makes a new one."""

    template_name = "workflows/admin/personal_links.html"
    page_title = gettext_lazy("Personal links")
    header_icon = "link"

    def dispatch(self, request, page_id):
        self.page = managed_page(request, page_id)
        self.site_id = page_council_id(page=self.page)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def post(self, request, page_id):
        form = PersonalLinkForm(request.POST, site_id=self.site_id)
        if form.is_valid():
            try:
                link = personal_link_create(
                    page=self.page, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self._created(link)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def _created(self, link):
        name = user_display_name(link.member)
        if link.delivery == PersonalLink.Delivery.PAPER:
            return redirect("workflows_personal_link_sheet", link.pk)
        messages.success(
            self.request,
            _("The link has been sent by e-mail to %(name)s.") % {"name": name},
        )
        return redirect("workflows_personal_links", self.page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page=self.page,
            links=open_links(page=self.page),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            form=kwargs.get("form") or PersonalLinkForm(site_id=self.site_id),
        )
        return context


@require_POST
def personal_link_revoke_view(request, link_id):
    link = managed_link(request, link_id)
    personal_link_revoke(link=link, user=request.user)
    messages.success(
        request,
        _("The link of %(name)s no longer works.")
        % {"name": user_display_name(link.member)},
    )
    return redirect("workflows_personal_links", link.page_id)


def personal_link_sheet(request, link_id):
    """One A4 sheet for the member: the draft's title, the QR code and the
    address written out, until when it works. Open links only."""
    link = managed_link(request, link_id)
    if not link_is_open(link=link):
        raise Http404
    url = link_url(link=link)
    context = {
        "link": link,
        "page": link.page.specific,
        "url": url,
        # An SVG data URI: drawn here, and allowed by the CSP's img-src.
        "qr_code": segno.make(url, error="m").svg_data_uri(scale=4, border=2),
        "links_url": reverse("workflows_personal_links", args=[link.page_id]),
    }
    return render(request, "workflows/admin/personal_link_sheet.html", context)
