from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.search_terms import search_terms_from
from hearings.feeds import HearingResponseFeed
from hearings.forms import ResponseFilterForm
from hearings.models.hearing import Hearing, status_expression
from hearings.models.response import HearingResponsePage
from hearings.models.themes import themes_for_display
from pages.models import BasePage

# The index's address on every council's Danish site: /hoeringssvar/.
HEARING_INDEX_SLUG = "hoeringssvar"


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
        context = super().get_context(request, *args, **kwargs)
        form = ResponseFilterForm(
            request.GET, themes=self.themes_in_use(), years=self.response_years()
        )
        filters = form.filters()
        terms = search_terms_from(filters["query"])
        filters["query"] = terms.text
        responses = self.published_responses(**filters)
        paginator = Paginator(responses, self.responses_per_page)
        context.update(
            filter_form=form,
            filters_active=any(value not in (None, "") for value in filters.values()),
            search_shortened=terms.shortened,
            responses=paginator.get_page(request.GET.get("page")),
            feed_url=self.feed_url(request),
        )
        return context

    def feed_url(self, request):
        """The feed's address, or None while the index has none on this
        site (Wagtail cannot route to it: e.g. its site was just added)."""
        url = self.get_url(request)
        return None if url is None else url + self.reverse_subpage("feed")

    @path("feed/")
    def feed(self, request):
        return HearingResponseFeed()(request, index=self)

    def published_responses(self, *, theme=None, year=None, decided=None, query=""):
        """Live responses under this index, newest first, with their hearings."""
        responses = HearingResponsePage.objects.live().child_of(self)
        if theme:
            responses = responses.filter(hearing__themes__slug=theme)
        if year:
            responses = responses.filter(first_published_at__year=year)
        if decided is not None:
            responses = responses.filter(hearing__decided_on__isnull=not decided)
        if query:
            matching = HearingResponsePage.objects.live().child_of(self).search(query)
            responses = responses.filter(pk__in=[page.pk for page in matching])
        hearings = Hearing.objects.annotate(
            status=status_expression()
        ).prefetch_related(Prefetch("themes", queryset=themes_for_display()))
        return (
            responses.distinct()
            .prefetch_related(Prefetch("hearing", queryset=hearings))
            .order_by("-first_published_at", "-pk")
        )

    def response_years(self):
        """The years in which this index has published responses, newest first."""
        dates = (
            HearingResponsePage.objects.live()
            .child_of(self)
            .dates("first_published_at", "year", order="DESC")
        )
        return [d.year for d in dates]

    def themes_in_use(self):
        """Themes of the hearings that have a live response under this index."""
        live = HearingResponsePage.objects.live().child_of(self)
        # A translated response answers the same (Danish) hearing as its source.
        sources = HearingResponsePage.objects.filter(
            translation_key__in=live.values("translation_key")
        )
        return themes_for_display().filter(hearings__responses__in=sources).distinct()
