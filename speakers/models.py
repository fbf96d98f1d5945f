from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images.models import Rendition
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from localisation.fields import SYNCHRONISED_SLUG, overridable, synchronised
from localisation.links import follow_language, localized_page


class SpeakerIndexPage(Page):
    """The directory of everyone who spoke at an edition of the series."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown above the list of speakers."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    override_translatable_fields = SYNCHRONISED_SLUG

    parent_page_types = ["home.HomePage"]
    subpage_types = ["speakers.SpeakerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("speaker directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        speakers = (
            SpeakerPage.objects.child_of(self)
            .live()
            .select_related("organisation", "photo")
            .prefetch_related(Prefetch("photo__renditions", queryset=Rendition.objects.all()))
            .order_by("family_name", "title")
        )
        context["speakers"] = follow_language(speakers, "organisation", self.locale_id)
        return context


class SpeakerPage(Page):
    """A person, followed across every edition they took part in."""

    family_name = models.CharField(
        _("family name"),
        max_length=100,
        blank=True,
        help_text=_("Used to sort the directory. Leave blank to use the last word of the name."),
    )
    position = models.CharField(
        _("current position"),
        max_length=255,
        blank=True,
        help_text=_("Today's job title. Positions held at past editions are set on each edition."),
    )
    organisation = models.ForeignKey(
        "partners.OrganisationPage",
        verbose_name=_("current organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="current_people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait, ideally square. Optional."),
    )
    biography = RichTextField(
        _("biography"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("family_name"),
        MultiFieldPanel(
            [FieldPanel("position"), FieldPanel("organisation")],
            heading=_("Current position and organisation"),
        ),
        FieldPanel("photo"),
        FieldPanel("biography"),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
    ]
    override_translatable_fields = [*SYNCHRONISED_SLUG, *synchronised("organisation", "photo")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("position"),
        index.SearchField("biography"),
        index.FilterField("family_name"),
    ]

    parent_page_types = ["speakers.SpeakerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("speaker")

    def save(self, *args, **kwargs):
        if not self.family_name and self.title:
            self.family_name = self.title.split()[-1]
        super().save(*args, **kwargs)

    # Inline rows point at the source-language speaker page (page relations are synchronised,
    # not translated), so history is matched on translation_key and kept to this language.

    def editions_taken_part(self):
        """Every live edition this person took part in, newest first, with their role and the
        position they held then."""
        from editions.models import EditionSpeaker

        return (
            EditionSpeaker.objects.filter(
                speaker__translation_key=self.translation_key,
                page__live=True,
                page__locale_id=self.locale_id,
            )
            .select_related("page", "page__venue", "organisation")
            .order_by("-page__start_date", "sort_order")
        )

    def all_quotes(self):
        from editions.models import EditionQuote

        return (
            EditionQuote.objects.filter(
                speaker__translation_key=self.translation_key,
                page__live=True,
                page__locale_id=self.locale_id,
            )
            .select_related("page")
            .order_by("-page__start_date", "sort_order")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participations"] = follow_language(
            self.editions_taken_part(), "organisation", self.locale_id
        )
        context["quotes"] = self.all_quotes()
        context["current_organisation"] = localized_page(self.organisation, self.locale_id)
        return context


class SpeakerLink(TranslatableMixin, Orderable):
    page = ParentalKey(SpeakerPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(
        _("label"), max_length=100, help_text=_("For example “Profile at Skolkovo”.")
    )
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]
    override_translatable_fields = overridable("url")

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("link")

    def __str__(self):
        return self.label
