"""The council member's admin views: read a draft as it will be published,
and comment on it (workflows.member_comments)."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from workflows.member_comments import MAX_COMMENT_CHARS, page_comment_create
from workflows.member_reading import (
    comment_targets,
    member_may_read,
    page_comments,
    reading_revision,
    reading_version,
    target_label,
)


def readable_page(request, page_id):
    """The page, if the user may read it as a member; else 404 (another
    council's page is not found, as if it did not exist)."""
    page = get_object_or_404(Page, pk=page_id)
    if not member_may_read(user=request.user, page=page):
        raise Http404
    return page.specific


class MemberCommentForm(forms.Form):
    contentpath = forms.ChoiceField(label=gettext_lazy("What is your comment about?"))
    text = forms.CharField(
        label=gettext_lazy("Your comment"),
        max_length=MAX_COMMENT_CHARS,
        widget=forms.Textarea({"rows": 5}),
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contentpath"].choices = [
            (target.contentpath, target.label) for target in targets
        ]


class MemberDraftView(WagtailAdminTemplateMixin, TemplateView):
    """One draft for a member: the preview, the comments so far and a form
    to comment on the whole text or one part of it."""

    template_name = "workflows/admin/member_draft.html"
    page_title = gettext_lazy("Read and comment")
    header_icon = "comment"

    def dispatch(self, request, page_id):
        self.page = readable_page(request, page_id)
        self.version = reading_version(page=self.page)
        self.targets = comment_targets(version=self.version)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.version.title

    def post(self, request, page_id):
        form = MemberCommentForm(request.POST, targets=self.targets)
        if form.is_valid():
            try:
                page_comment_create(
                    page=self.page, user=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Thank you. Your comment has been sent to the council.")
                )
                return redirect("workflows_member_draft", self.page.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comments = [
            (
                comment,
                target_label(targets=self.targets, contentpath=comment.contentpath),
            )
            for comment in page_comments(page=self.page)
        ]
        context.update(
            page=self.page,
            version=self.version,
            awaiting_chairs=self.page.workflow_in_progress,
            preview_url=reverse("workflows_member_preview", args=[self.page.pk]),
            comments=comments,
            form=kwargs.get("form") or MemberCommentForm(targets=self.targets),
        )
        return context


def add_service_errors(form, error):
    """A service's ValidationError on the form, each message on its field."""
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def member_preview(request, page_id):
    """The draft as the public will see it: the version awaiting the chairs
    (what their own preview shows), else the latest draft."""
    return reading_preview(request, readable_page(request, page_id))


def reading_preview(request, page):
    """The preview of the version members read (also behind a personal
    link, workflows.personal_link_public)."""
    revision = reading_revision(page=page)
    version = revision.as_object() if revision else page
    attrs = {"revision_id": revision.pk} if revision else {}
    return version.make_preview_request(
        request, version.default_preview_mode, extra_request_attrs=attrs
    )


def member_reading_url(*, user, page):
    """Where a person opens a council page's draft from a list: the editor
    for those who may edit it, the members' reading view for members, else
    nowhere (None)."""
    if page.permissions_for_user(user).can_edit():
        return reverse("wagtailadmin_pages:edit", args=[page.pk])
    if member_may_read(user=user, page=page):
        return reverse("workflows_member_draft", args=[page.pk])
    return None
