"""Admin views of the workflows app."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from workflows.checks import lix

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
