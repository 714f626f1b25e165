"""Template tags shared by every public page: menu, breadcrumbs, icons, paging."""

import re

from django import template
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail.models import Site

from cms.page_cache import council_fragment
from pages import selectors

register = template.Library()


@register.simple_tag
def icon(name, extra_class=""):
    """An icon from DKFDS' sprite, hidden from screen readers (text says it)."""
    classes = f"icon-svg {extra_class}".strip()
    href = f"{static('dkfds/img/all-svg-icons.svg')}#{name}"
    return format_html(
        '<svg class="{}" focusable="false" aria-hidden="true"><use href="{}"></use>'
        "</svg>",
        classes,
        href,
    )


def _council_part(request, site_root, name, compute):
    """Computed once per council and language until its pages change."""
    site = Site.find_for_request(request) if request is not None else None
    return council_fragment(
        site_id=site.pk if site is not None else None,
        name=f"{name}:{site_root.pk}",
        compute=compute,
        request=request,
    )


@register.simple_tag(takes_context=True)
def main_menu_items(context):
    """The menu as dicts: title, url, and whether it is, or contains, this page."""
    site_root = context.get("site_root")
    if site_root is None:
        return []
    request = context.get("request")
    page = context.get("page")
    path = getattr(page, "path", "")
    sections = _council_part(
        request,
        site_root,
        "main-menu",
        lambda: [
            {"title": item.title, "url": item.get_url(request), "path": item.path}
            for item in selectors.menu_pages(site_root=site_root)
        ],
    )
    return [
        {
            "title": section["title"],
            "url": section["url"],
            "current": path == section["path"],
            "active": bool(path) and path.startswith(section["path"]),
        }
        for section in sections
    ]


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """Title and URL of every page above the current one, home page first."""
    site_root = context.get("site_root")
    page = context.get("page")
    request = context.get("request")
    if site_root is None:
        return []
    if page is None or not hasattr(page, "path"):
        return [{"title": site_root.title, "url": site_root.get_url(request)}]
    return [
        {"title": crumb.title, "url": crumb.get_url(request)}
        for crumb in selectors.breadcrumb_pages(page=page, site_root=site_root)
    ]


@register.simple_tag(takes_context=True)
def accessibility_statement_url(context):
    site_root = context.get("site_root")
    if site_root is None:
        return ""
    request = context.get("request")

    def statement_url():
        statement = selectors.accessibility_statement(site_root=site_root)
        return (statement.get_url(request) or "") if statement else ""

    return _council_part(request, site_root, "accessibility-statement", statement_url)


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with only the page number changed."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else {}
    if hasattr(query, "setlist"):
        query["page"] = number
        return "?" + query.urlencode()
    return f"?page={number}"


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current page; None where numbers are left out."""
    ellipsis = page_obj.paginator.ELLIPSIS
    return [
        None if number == ellipsis else number
        for number in page_obj.paginator.get_elided_page_range(
            page_obj.number, on_each_side=1, on_ends=1
        )
    ]


@register.filter
def dkfds_widget(bound_field):
    """Render a form field's widget with the DKFDS class for its kind."""
    widget = bound_field.field.widget
    kind = "form-select" if getattr(widget, "input_type", "") == "select" else ""
    classes = f"{widget.attrs.get('class', '')} {kind or 'form-input'}".strip()
    return bound_field.as_widget(attrs={"class": classes})


@register.simple_tag(takes_context=True)
def subpage_url(context, page, route_name):
    """The URL of one of a routable page's own routes (e.g. a poster), or ""
    while the page has no address on this site."""
    url = page.get_url(context.get("request"))
    return url + page.reverse_subpage(route_name) if url else ""


SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@register.filter
def teaser(text, max_words=30):
    """The text's first whole sentences, as many as fit in max_words: a
    teaser ends where a sentence ends, never in the middle of one (a first
    sentence longer than that is shown whole)."""
    sentences = SENTENCE_END.split(" ".join(str(text or "").split()))
    kept, words = [], 0
    for sentence in sentences:
        count = len(sentence.split())
        if kept and words + count > int(max_words):
            break
        kept.append(sentence)
        words += count
    return " ".join(kept)
