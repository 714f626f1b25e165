"""StreamField blocks of a hearing response."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from pages.blocks import HeadingBlock, ParagraphBlock


class QuoteBlock(blocks.StructBlock):
    """A quotation, e.g. a member's own words, with whom it is from."""

    text = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "components/quote_block.html"
        preview_value = {
            "text": "Det hjælper ikke at få en tid på et kontor, "
            "man ikke tør gå ind på.",
            "source": "Rådsmedlem med egen erfaring",
        }


class RecommendationsBlock(blocks.StructBlock):
    """The council's numbered recommendations: the part of a response that the
    municipality acts on, so it is kept apart and numbered for citing."""

    heading = blocks.CharBlock(
        label=_("Heading"), max_length=200, default=_("The council recommends")
    )
    items = blocks.ListBlock(
        blocks.TextBlock(label=_("Recommendation")),
        label=_("Recommendations"),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        label = _("The council recommends")
        template = "components/recommendations_block.html"
        preview_value = {
            "heading": "Rådet anbefaler",
            "items": [
                "At varmestuen holder åbent i weekenden.",
                "At brugerne inddrages, før tilbuddet ændres.",
            ],
        }


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, e.g. an appendix to the response."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "components/document_link_block.html"
        preview_value = {"label": "Bilag: rådets bemærkninger"}


class ResponseBodyBlock(blocks.StreamBlock):
    """The body of a hearing response."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    recommendations = RecommendationsBlock()
    document = DocumentLinkBlock()

    class Meta:
        icon = "doc-full"
