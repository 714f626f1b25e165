from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level is chosen so the outline stays valid."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/heading_block.html"
        preview_value = {"text": "Rådets anbefalinger", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with the few formats plain language needs."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "components/paragraph_block.html"
        preview_value = "<p>Rådet mødes fire gange om året.</p>"


class BodyBlock(blocks.StreamBlock):
    """The body of ordinary content pages: headings and paragraphs."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()

    class Meta:
        icon = "doc-full"


class NonAccessibleContentBlock(blocks.StructBlock):
    """One known accessibility problem, said the way the EU model statement asks.

    The model statement sorts problems by why they remain: the site does not
    yet comply, fixing them would be a disproportionate burden, or the content
    is outside the law's scope. Each problem names its reason and, where there
    is one, an accessible alternative.
    """

    description = blocks.TextBlock(
        label=_("What is not accessible"),
        help_text=_("Say what the reader meets, in plain words."),
    )
    reason = blocks.ChoiceBlock(
        label=_("Why"),
        choices=[
            ("non_compliance", _("Not yet compliant with the law")),
            ("disproportionate_burden", _("Disproportionate burden")),
            ("outside_scope", _("Outside the scope of the law")),
        ],
        default="non_compliance",
    )
    alternative = blocks.TextBlock(
        label=_("Accessible alternative"),
        required=False,
        help_text=_("For example: call us and we will read the document aloud."),
    )

    class Meta:
        icon = "warning"
        label = _("Problem")
        template = "components/non_accessible_content_block.html"
        preview_value = {
            "description": "Ældre referater er scannede PDF-filer uden tekst.",
            "reason": "disproportionate_burden",
            "alternative": "Skriv til os, så sender vi referatet som tekst.",
        }
