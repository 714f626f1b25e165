"""Admin views of the workflows app."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import Locale, Page

from cms.text_checks import lix
from workflows.translation_submit import (
    translation_submit as translation_submit_service,
)
from workflows.translation_submit import translation_submit_problems

# Longer texts are not easy-read summaries; this keeps the endpoint cheap.
MAX_READABILITY_CHARS = 20_000


@require_POST
def readability(request):
    """The LIX of a text and its band, in words, for the live meter shown
    under easy-read fields (static/workflows/js/readability.js)."""
    text = request.POST.get("text", "")[:MAX_READABILITY_CHARS]
    result = lix(text)
    if not result.words:
        message = _("LIX: write the text to see how easy it is to read.")
    else:
        message = _(
            "LIX %(score)s: %(band)s. Aim for 34 or less: short sentences "
            "and short words."
        ) % {"score": result.score, "band": result.band_label}
    return JsonResponse(
        {
            "score": result.score,
            "band": result.band,
            "words": result.words,
            "sentences": result.sentences,
            "message": message,
        }
    )


def translation_submit(request, page_id):
    """Confirm, then send a translation to the chairs (workflows.translation_submit)."""
    page = get_object_or_404(Page, pk=page_id).specific
    problems = translation_submit_problems(page=page, user=request.user)
    if request.method == "POST" and not problems:
        try:
            translation_submit_service(page=page, user=request.user)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(
                request,
                _("“%(title)s” has been sent to the chairs for approval.")
                % {"title": page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    if problems and not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return TemplateResponse(
        request,
        "workflows/translation_submit.html",
        {
            "page": page,
            "problems": problems,
            "source": page.get_translation_or_none(Locale.get_default()),
        },
        status=400 if request.method == "POST" and problems else 200,
    )
