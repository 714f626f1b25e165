"""A link to a draft's editor, opened by a council member, leads to the
draft's reading view (workflows.member_views) instead of "no permission".

The secretary pastes the address of the page they are working on into a
mail to the council; for a member, who may not edit, Wagtail's editor
refuses it. The member wanted to read the draft, so that is where they go.
"""

from django.shortcuts import redirect
from wagtail.models import Page

from workflows.member_reading import member_council_ids, member_may_read

# Admin views that show a page's draft to those who may edit it.
DRAFT_VIEWS = ("wagtailadmin_pages:edit", "wagtailadmin_pages:view_draft")


class MemberDraftLinkMiddleware:
    """Sends a member's GET of a draft's editor to its reading view. Runs
    after the admin's door (cms.admin_guard), so another council's page is
    still not found."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not _draft_view_get(request):
            return None
        user = getattr(request, "user", None)
        if user is None or user.is_superuser or not member_council_ids(user=user):
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None or page.permissions_for_user(user).can_edit():
            return None
        if not member_may_read(user=user, page=page):
            return None
        return redirect("workflows_member_draft", page.pk)


def _draft_view_get(request):
    match = request.resolver_match
    return (
        request.method == "GET"
        and match is not None
        and (match.view_name in DRAFT_VIEWS)
    )
