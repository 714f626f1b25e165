"""The Atom feed of a council's newly published hearing responses."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.models import CouncilSettings


class HearingResponseFeed(Feed):
    """Only live responses; drafts and other councils' pages never appear."""

    feed_type = Atom1Feed
    item_count = 20

    def get_object(self, request, index):
        self.request = request
        self.site = Site.find_for_request(request) or index.get_site()
        slug = request.GET.get("theme", "")
        self.theme = index.themes_in_use().filter(slug=slug).first() if slug else None
        self.unknown_theme = bool(slug) and self.theme is None
        return index

    def _council_name(self, index):
        if self.site is None:
            return index.title
        if self.site == Site.find_for_request(self.request):
            council = CouncilSettings.for_request(self.request)  # read once
        else:
            council = CouncilSettings.for_site(self.site)
        return council.name or index.title

    def title(self, index):
        title = _("Hearing responses from %(council)s") % {
            "council": self._council_name(index)
        }
        if self.theme is not None:
            title += f": {self.theme.display_name}"
        return title

    def link(self, index):
        return index.get_url(self.request)

    def feed_guid(self, index):
        """An id that stays the same whatever Host a reader used (RFC 4151
        tag URI on the council's own hostname)."""
        theme = f"/{self.theme.slug}" if self.theme is not None else ""
        return f"{_tag_authority(self.site, index)}:hearing-responses/{index.pk}{theme}"

    def author_name(self, index):
        return self._council_name(index)

    def subtitle(self, index):
        return index.introduction or _(
            "The council's answers to the municipality's hearings."
        )

    def items(self, index):
        if self.unknown_theme:
            return []
        theme = self.theme.slug if self.theme is not None else None
        return index.published_responses(theme=theme)[: self.item_count]

    def item_guid(self, page):
        return f"{_tag_authority(self.site, page)}:hearing-response/{page.pk}"

    item_guid_is_permalink = False

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.easy_read_summary or page.introduction or page.hearing.title

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.original_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [theme.name for theme in page.hearing.themes.all()]


def _tag_authority(site, page):
    """ "tag:<hostname>,<date>" for ids: the council's hostname and the day
    the page was first published (or created), which never change."""
    hostname = site.hostname if site else "localhost"
    when = page.first_published_at or page.latest_revision_created_at
    day = when.date().isoformat() if when else "2026-01-01"
    return f"tag:{hostname},{day}"
