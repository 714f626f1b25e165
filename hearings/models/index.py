from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Site

from cms.page_cache import council_fragment
from cms.search_terms import search_terms_from
from hearings import alert_views
from hearings.citizen_input import public_views as citizen_input_views
from hearings.feeds import HearingResponseFeed
from hearings.forms import ResponseFilterForm
from hearings.models.hearing import (
    Hearing,
    hearings_for_public_page,
    status_expression,
)
from hearings.models.response import HearingResponsePage
from hearings.models.themes import themes_for_display
from pages.models import BasePage, original_publication
from pages.word_forms import query_forms

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
        themes, years = self.filter_choices(request)
        form = ResponseFilterForm(request.GET, themes=themes, years=years)
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

    @path("abonnement/", name="alert_subscribe")
    def alert_subscribe(self, request):
        """E-mail alerts of this council's new responses, without an account."""
        return alert_views.alert_subscribe(request, index=self)

    @path("abonnement/sendt/", name="alert_sent")
    def alert_sent(self, request):
        return alert_views.alert_sent(request, index=self)

    @path("abonnement/bekraeft/<path:token>/", name="alert_confirm")
    def alert_confirm(self, request, token):
        return alert_views.alert_confirm(request, index=self, token=token)

    @path("hoering/<int:hearing_id>/", name="hearing")
    def hearing(self, request, hearing_id):
        """One hearing of this council, open or answered: what it is about,
        the deadline, the municipality's material, the council's response
        once it is published and the decision once it is known."""
        site = Site.find_for_request(request)
        hearing = get_object_or_404(
            hearings_for_public_page().filter(council=site), pk=hearing_id
        )
        response = (
            HearingResponsePage.objects.live().child_of(self).filter(hearing=hearing)
        ).first()
        return self.render(
            request,
            template="hearings/hearing.html",
            context_overrides={"hearing": hearing, "response": response},
        )

    @path("hoering/<int:hearing_id>/skriv/", name="citizen_input")
    def citizen_input(self, request, hearing_id):
        """Skriv til rådet: the form for the public's view on an open hearing."""
        return citizen_input_views.citizen_input_form(
            request, index=self, hearing=self.council_hearing(request, hearing_id)
        )

    @path("hoering/<int:hearing_id>/skriv/tak/", name="citizen_input_sent")
    def citizen_input_sent(self, request, hearing_id):
        """The receipt after sending the council one's view."""
        return citizen_input_views.citizen_input_sent(
            request, index=self, hearing=self.council_hearing(request, hearing_id)
        )

    def council_hearing(self, request, hearing_id):
        """The request's council's hearing with what its pages show; 404 for
        another council's or a missing one."""
        site = Site.find_for_request(request)
        return get_object_or_404(
            hearings_for_public_page().filter(council=site), pk=hearing_id
        )

    def citizen_input_url(self, hearing, request=None, *, sent=False):
        """The address of a hearing's "Skriv til rådet" form (or its
        receipt), or None when the index has no address."""
        url = self.get_url(request)
        if url is None:
            return None
        route = "citizen_input_sent" if sent else "citizen_input"
        return url + self.reverse_subpage(route, args=[hearing.pk])

    def get_sitemap_urls(self, request=None):
        """The index, and the public page of each of the council's hearings
        (routes of this page, which Wagtail's sitemap does not know)."""
        urls = super().get_sitemap_urls(request)
        site = self.get_site() or (Site.find_for_request(request) if request else None)
        hearings = Hearing.objects.filter(council=site).order_by("pk")
        return urls + [
            {"location": self.hearing_url(hearing, request, full=True)}
            for hearing in hearings
        ]

    def hearing_url(self, hearing, request=None, *, full=False):
        """The address of a hearing's public page under this index (with the
        scheme and host if full), or None when the index has no address."""
        url = self.get_full_url(request) if full else self.get_url(request)
        if url is None:
            return None
        return url + self.reverse_subpage("hearing", args=[hearing.pk])

    def published_responses(self, *, theme=None, year=None, decided=None, query=""):
        """Live responses under this index, newest first, with their hearings."""
        responses = (
            HearingResponsePage.objects.live()
            .child_of(self)
            .annotate(original_published_at=original_publication())
        )
        if theme:
            responses = responses.filter(hearing__themes__slug=theme)
        if year:
            responses = responses.filter(original_published_at__year=year)
        if decided is not None:
            responses = responses.filter(hearing__decided_on__isnull=not decided)
        if query:
            live = HearingResponsePage.objects.live().child_of(self)
            matching = live.search(query_forms(query))
            responses = responses.filter(pk__in=[page.pk for page in matching])
        hearings = Hearing.objects.annotate(
            status=status_expression()
        ).prefetch_related(Prefetch("themes", queryset=themes_for_display()))
        return (
            responses.distinct()
            .prefetch_related(Prefetch("hearing", queryset=hearings))
            .order_by("-original_published_at", "-pk")
        )

    def filter_choices(self, request):
        """The themes and years the filters offer: alike for every reader
        of the council, so kept with its other fragments (cms.page_cache)
        instead of counting all its responses on every request."""
        site = Site.find_for_request(request)
        return council_fragment(
            site_id=site.pk if site is not None else None,
            name=f"response-filters:{self.pk}:{get_language()}",
            compute=lambda: (list(self.themes_in_use()), self.response_years()),
            request=request,
        )

    def response_years(self):
        """The years in which this index has published responses, newest first."""
        dates = (
            HearingResponsePage.objects.live()
            .child_of(self)
            .annotate(original_published_at=original_publication())
            .dates("original_published_at", "year", order="DESC")
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
