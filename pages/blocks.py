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
