from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from hearings.blocks import ResponseBodyBlock
from hearings.forms import HearingResponsePageForm
from pages.models import BasePage


class HearingResponsePage(RoutablePageMixin, BasePage):
    """The council's answer to one hearing: drafted, approved by the chair
    through the workflow, and published for the citizens the council speaks for.

    It points at its Hearing with a plain foreign key rather than a one-to-one
    field because translations of the response are pages of their own that
    answer the same hearing; "one response per hearing" is checked in clean().
    """

    hearing = models.ForeignKey(
        "hearings.Hearing",
        verbose_name=_("hearing"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    readability_fields = ("easy_read_summary",)
    easy_read_summary = models.TextField(
        _("in short (easy-read)"),
        blank=True,
        help_text=_(
            "Short sentences and everyday words. Shown first on the public page."
        ),
    )
    body = StreamField(ResponseBodyBlock(), verbose_name=_("response"), blank=True)
    signed_by = models.CharField(_("signed by"), max_length=200, blank=True)
    signer_role = models.CharField(
        _("role of the signer"),
        max_length=200,
        blank=True,
        help_text=_("For example: chair of the council."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    change_note = models.CharField(
        _("public change note"),
        max_length=255,
        blank=True,
        help_text=_(
            "When you change a published response: one line for readers "
            "saying what changed. Shown with the date it was republished."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("hearing"),
        FieldPanel("easy_read_summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("signed_by"),
                FieldPanel("signer_role"),
                FieldPanel("signed_on"),
            ],
            heading=_("Signature"),
        ),
        FieldPanel("change_note"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("easy_read_summary"),
        index.SearchField("body"),
        index.FilterField("hearing"),
    ]

    base_form_class = HearingResponsePageForm
    parent_page_types = ["hearings.HearingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("hearing response")
        verbose_name_plural = _("hearing responses")

    def get_context(self, request, *args, **kwargs):
        # Imported here: the selectors module imports this one.
        from hearings import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(
            hearing=selectors.response_hearing(page=self),
            public_update=selectors.response_public_update(page=self),
        )
        return context

    @path("opslag/", name="poster")
    def poster(self, request):
        """The A4 poster ("Opslag") of this response, to print and hang up."""
        from hearings.printing import response_poster

        return response_poster(request, self)

    @path("brev/", name="letter")
    def letter(self, request):
        """This response as a PDF letter to the municipality."""
        from hearings.printing import response_letter

        return response_letter(request, self)

    def clean(self):
        super().clean()
        self._hearing_clean()

    def minimal_clean(self):
        # Drafts are saved with only this check; one response per hearing
        # must hold for drafts too, not only when publishing.
        super().minimal_clean()
        self._hearing_clean()

    def _hearing_clean(self):
        if not self.hearing_id:
            raise ValidationError(
                {"hearing": _("Choose the hearing this response answers.")}
            )
        other = (
            HearingResponsePage.objects.filter(hearing_id=self.hearing_id)
            .exclude(translation_key=self.translation_key)
            .first()
        )
        if other is not None:
            raise ValidationError(
                {
                    "hearing": _(
                        "This hearing already has a response: “%(title)s”. "
                        "Edit that one instead of writing a second."
                    )
                    % {"title": other.title}
                }
            )
