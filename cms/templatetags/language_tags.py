from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms.selectors import page_versions

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """Every live language version of the page, with absolute URLs.

    Used both by the language switcher and for the hreflang alternates; pages
    that are not Wagtail pages (search, errors) fall back to the home page.
    """
    request = context.get("request")
    page = page or context.get("page") or context.get("site_root")
    if page is None or not hasattr(page, "translation_key"):
        return []
    versions = page_versions(page=page)
    for version in versions:
        # Absolute for hreflang (search engines need it); relative for the
        # link people click, so it stays on the host they came in on.
        version["url"] = version["page"].get_full_url(request)
        version["link"] = version["page"].get_url(request)
    return versions


@register.simple_tag
def untranslated_lang():
    """` lang="da"` for text that exists only in the site's first language
    (what the municipality sent, the hearing's facts) when the page around it
    is in another, so screen readers switch voice (WCAG 3.1.2); else nothing."""
    source = settings.LANGUAGE_CODE
    if (get_language() or source).split("-")[0] == source:
        return ""
    return mark_safe(f' lang="{source}"')
