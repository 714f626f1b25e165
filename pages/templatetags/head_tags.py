"""What a public page says about itself in its <head>: the document title
and the description search engines and link previews show."""

from django import template
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from cms.models import CouncilSettings

register = template.Library()

DESCRIPTION_LENGTH = 160


def _council_name(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    # for_request keeps the settings on the request for the other tags.
    council = CouncilSettings.for_request(request) if site else None
    return getattr(council, "name", "") or "Talerør"


@register.simple_tag(takes_context=True)
def title_suffix(context, page=None):
    """ " – <council>" after a page's title; nothing when the title is the
    council's name already (its home page), so it is never said twice."""
    council = _council_name(context)
    if not isinstance(page, Page):
        return f" – {council}"
    title = (page.seo_title or page.title).strip()
    return "" if title == council else f" – {council}"


@register.simple_tag(takes_context=True)
def meta_description(context, page=None):
    """The page's search description, else its introduction, else a line
    about the council; one paragraph, cut at a word."""
    text = ""
    if isinstance(page, Page):
        text = page.search_description or getattr(page, "introduction", "")
    if not text:
        text = _(
            "%(council)s: its hearing responses to the municipality, its "
            "meetings and how to reach it."
        ) % {"council": _council_name(context)}
    text = " ".join(str(text).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)
