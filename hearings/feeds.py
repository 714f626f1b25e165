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
        return index

    def title(self, index):
        site = Site.find_for_request(self.request)
        council = CouncilSettings.for_site(site).name if site else ""
        return _("Hearing responses from %(council)s") % {
            "council": council or index.title
        }

    def link(self, index):
        return index.get_url(self.request)

    def subtitle(self, index):
        return index.introduction or _(
            "The council's answers to the municipality's hearings."
        )

    def items(self, index):
        return index.published_responses()[: self.item_count]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.easy_read_summary or page.introduction or page.hearing.title

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [theme.name for theme in page.hearing.themes.all()]
