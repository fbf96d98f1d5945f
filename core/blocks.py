"""StreamField blocks shared by every page body (editions, news, organisations)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        description = _("A heading that starts a new section of the text.")
        preview_value = {"text": "Key objectives of the Conference", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"
        description = _("Running text with bold, italic, links and lists.")
        preview_value = (
            "<p>The biotechnology market is one of the most dynamically developing "
            "and attractive for business.</p>"
        )


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure.html"
        description = _("A picture with an optional caption. Describe it for screen readers.")


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        max_length=200,
        help_text=_("Who said it, for example “Alexis Michel, Embassy of France in Russia”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "blocks/pull_quote.html"
        description = _("A quotation set apart from the text.")
        preview_value = {
            "text": "From the point of view of globalization, biotech is the most indicative "
            "industry.",
            "attribution": "Kirill Kaem",
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Button text"), max_length=80)
    url = blocks.URLBlock(label=_("Link"))

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        description = _("A prominent link, for example to registration or a programme PDF.")
        preview_value = {"text": "Register", "url": "https://example.org/register"}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    pull_quote = PullQuoteBlock()
    call_to_action = CallToActionBlock()
