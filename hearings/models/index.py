from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from pages.models import BasePage


class HearingIndexPage(RoutablePageMixin, BasePage):
    """The council's list of published hearing responses ("Høringssvar"),
    with filters, search and an Atom feed of new responses at feed/."""

    responses_per_page = 10

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["hearings.HearingResponsePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hearing response index")
        verbose_name_plural = _("hearing response indexes")

    def get_context(self, request, *args, **kwargs):
        # Imported here: selectors and forms import this module's package.
        from hearings import selectors
        from hearings.forms import ResponseFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = ResponseFilterForm(
            request.GET,
            themes=selectors.themes_in_use(index=self),
            years=selectors.response_years(index=self),
        )
        filters = form.filters()
        responses = selectors.published_responses(index=self, **filters)
        paginator = Paginator(responses, self.responses_per_page)
        context.update(
            filter_form=form,
            filters_active=any(value not in (None, "") for value in filters.values()),
            responses=paginator.get_page(request.GET.get("page")),
            feed_url=self.get_url(request) + self.reverse_subpage("feed"),
        )
        return context

    @path("feed/")
    def feed(self, request):
        from hearings.feeds import HearingResponseFeed

        return HearingResponseFeed()(request, index=self)
