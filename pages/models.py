from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class BasePage(Page):
    """Shared shape of every Talerør page.

    Panel fragments are named so page types compose their editor from the
    same parts instead of repeating them, and every page gets a plain-text
    introduction that listings and search results can show.
    """

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences shown at the top and in lists."),
    )

    intro_panels = [FieldPanel("introduction")]
    content_panels = Page.content_panels + intro_panels
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The front page of one council's site; the root of its tree."""

    body = RichTextField(_("welcome text"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "hearings.HearingIndexPage",
        "pages.MeetingIndexPage",
        "pages.ContentPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("council home page")
        verbose_name_plural = _("council home pages")


class ContentPage(BasePage):
    """Ordinary pages: about the council, its policy, how to get in touch."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class MeetingIndexPage(BasePage):
    """Lists the council's meetings, next first."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.MeetingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("meeting index")
        verbose_name_plural = _("meeting indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        meetings = MeetingPage.objects.child_of(self).live().specific()
        now = timezone.now()
        context["upcoming_meetings"] = meetings.filter(starts_at__gte=now).order_by(
            "starts_at"
        )
        context["past_meetings"] = meetings.filter(starts_at__lt=now).order_by(
            "-starts_at"
        )
        return context


class MeetingPage(BasePage):
    """One council meeting with its agenda, minutes and easy-read minutes."""

    starts_at = models.DateTimeField(_("starts at"))
    location = models.CharField(_("location"), max_length=255, blank=True)
    agenda = StreamField(BodyBlock(), verbose_name=_("agenda"), blank=True)
    minutes = StreamField(BodyBlock(), verbose_name=_("minutes"), blank=True)
    easy_read_minutes = models.TextField(
        _("easy-read minutes"),
        blank=True,
        help_text=_("Short sentences and everyday words. Shown before the minutes."),
    )

    meeting_panels = [
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("location")], heading=_("Meeting")
        )
    ]
    content_panels = (
        BasePage.content_panels
        + meeting_panels
        + [
            FieldPanel("agenda"),
            FieldPanel("easy_read_minutes"),
            FieldPanel("minutes"),
        ]
    )
    search_fields = BasePage.search_fields + [
        index.SearchField("agenda"),
        index.SearchField("minutes"),
        index.SearchField("easy_read_minutes"),
        index.FilterField("starts_at"),
    ]

    parent_page_types = ["pages.MeetingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
