from collections import defaultdict
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.db.models import F, Q, prefetch_related_objects
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from core import seo
from core.alphabet import alphabet, by_name, initial, letter_order
from core.api_fields import PageLinkField, RelationField
from core.fields import SYNCHRONISED_SLUG, overridable, synchronised
from core.filters import PageFilterForm
from core.images import with_renditions
from core.links import follow, visible_targets
from core.pages import IndexPage, SitePage, TranslatableRow, home_path
from core.relations import relation
from core.visibility import with_visibility
from editions.models import EditionPage, EditionQuote, EditionSpeaker
from speakers.serializers import represent_participation
from speakers.structured_data import speaker_person


class SpeakerFilterForm(PageFilterForm):
    organisation = forms.ChoiceField(
        label=_("Organisation"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "This organisation is not in the directory, so the filter was ignored."
            )
        },
    )
    edition = forms.ChoiceField(
        label=_("Edition"),
        required=False,
        error_messages={
            "invalid_choice": _("This edition is not in the directory, so the filter was ignored.")
        },
    )
    all_labels = {"organisation": _("All organisations"), "edition": _("All editions")}


class SpeakerIndexPage(IndexPage):
    """The directory of everyone who spoke at an edition of the series."""

    subpage_types = ["speakers.SpeakerPage"]

    class Meta:
        verbose_name = _("speaker directory")

    # Inline rows point at source-language pages (page relations are synchronised), so people
    # and organisations are matched on translation_key, and editions kept to this language and
    # this series (the editions under the same home page).

    def speakers(self):
        """The visible people of this directory."""
        return SpeakerPage.objects.child_of(self).visible()

    def participations_in_series(self):
        """The speaker rows of the visible editions of this series in this directory's
        language."""
        editions = EditionPage.objects.visible(self.locale_id).filter(
            path__startswith=home_path(self)
        )
        return EditionSpeaker.objects.filter(page__in=editions)

    def organisations_of_speakers(self):
        """The visible organisations, in this language, that a person of the directory belongs
        to now or represented at an edition of the series."""
        organisation_model = SpeakerPage.organisation.field.related_model
        speakers = self.speakers()
        represented = self.participations_in_series().filter(
            speaker__translation_key__in=speakers.values("translation_key")
        )
        return organisation_model.objects.visible(self.locale_id).filter(
            Q(translation_key__in=speakers.values("organisation__translation_key"))
            | Q(translation_key__in=represented.values("organisation__translation_key"))
        )

    def editions_with_speakers(self):
        """The visible editions of the series, in this language, that a person of the
        directory took part in, newest first."""
        participations = self.participations_in_series().filter(
            speaker__translation_key__in=self.speakers().values("translation_key")
        )
        return EditionPage.objects.filter(pk__in=participations.values("page_id")).order_by(
            "-start_date"
        )

    def speakers_matching(self, organisation=None, edition=None):
        """The people of the directory who belong to ``organisation`` now or represented it at
        an edition of the series, and who took part in ``edition``; None matches everyone."""
        speakers = self.speakers()
        participations = self.participations_in_series()
        if organisation is not None:
            key = organisation.translation_key
            represented = participations.filter(organisation__translation_key=key)
            speakers = speakers.filter(
                Q(organisation__translation_key=key)
                | Q(translation_key__in=represented.values("speaker__translation_key"))
            )
        if edition is not None:
            took_part = participations.filter(page_id=edition.pk)
            speakers = speakers.filter(
                translation_key__in=took_part.values("speaker__translation_key")
            )
        return speakers

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        filters = SpeakerFilterForm(
            request.GET,
            organisation=by_name(self.organisations_of_speakers(), language),
            edition=self.editions_with_speakers(),
        )
        applied = filters.applied()
        speakers = list(
            self.speakers_matching(**filters.selected_pages())
            .select_related("photo", "organisation")
            .prefetch_related(with_renditions("photo"))
        )
        SpeakerPage.current_organisation.preload(speakers)
        speakers = by_name(speakers, language)
        by_letter = {}
        for speaker in speakers:
            by_letter.setdefault(initial(speaker.family_name or speaker.title), []).append(speaker)

        # Every letter of the reader's alphabet is shown, plus any other a name starts with;
        # only those with someone to show (under the other filters) are links.
        letters = letter_order(set(alphabet(language)) | set(by_letter), language)
        current_letter, letter_error = None, ""
        requested_letter = request.GET.get("letter", "").strip()
        if len(requested_letter) == 1 and initial(requested_letter) in letters:
            current_letter = initial(requested_letter)
        elif requested_letter:
            letter_error = _("There is no such letter in the directory, so it was ignored.")

        context.update(
            filter_form=filters,
            letters=[
                {
                    "letter": letter,
                    "url": f"?{urlencode({**applied, 'letter': letter})}"
                    if letter in by_letter
                    else None,
                    "is_current": letter == current_letter,
                }
                for letter in letters
            ],
            all_letters_url=f"?{urlencode(applied)}" if applied else "./",
            current_letter=current_letter,
            letter_error=letter_error,
            speaker_groups=[
                (letter, by_letter[letter])
                for letter in letters
                if letter in by_letter and current_letter in (None, letter)
            ],
            speakers=by_letter.get(current_letter, []) if current_letter else speakers,
            is_filtered=bool(applied or current_letter),
            # The filters only offer organisations and editions someone is listed under.
            has_speakers=bool(speakers or applied),
        )
        return context


class SpeakerPage(SitePage):
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

    # The JSON API (api/): relations point at pages in this page's language.
    api_fields = [
        APIField("family_name"),
        APIField("position"),
        APIField("organisation", serializer=PageLinkField(source="current_organisation")),
        APIField("photo", serializer=ImageRenditionField("fill-480x480")),
        APIField("biography"),
        APIField("links"),
        APIField(
            "editions",
            serializer=RelationField("editions_taken_part", represent_participation),
        ),
    ]

    parent_page_types = ["speakers.SpeakerIndexPage"]
    subpage_types = []

    rich_description_fields = ("biography",)
    og_type = "profile"
    share_images = (seo.ShareImageSpec("photo", seo.PORTRAIT, large=False),)
    search_result_label = _("Speaker")

    class Meta:
        verbose_name = _("speaker")

    def save(self, *args, **kwargs):
        if not self.family_name and self.title:
            self.family_name = self.title.split()[-1]
        super().save(*args, **kwargs)

    # Rows of an edition point at the source-language speaker page (page relations are
    # synchronised, not translated), so a person's history is matched on translation_key, in
    # the visible editions of the page's own language.

    @relation
    def editions_taken_part(speakers):
        """Every visible edition each person took part in, newest first, with their role and
        the position and organisation they held then (organisation as a link in the page's
        language)."""
        rows = follow(
            with_visibility(EditionSpeaker.objects, "organisation")
            .filter(
                speaker__translation_key__in={page.translation_key for page in speakers},
                page__in=EditionPage.objects.visible().filter(
                    locale_id__in={page.locale_id for page in speakers}
                ),
            )
            .annotate(key=F("speaker__translation_key"))
            .select_related("page", "page__venue", "organisation")
            .order_by("-page__start_date", "sort_order"),
            "organisation",
        )
        return grouped_by_person(rows, speakers)

    @relation
    def current_organisation(speakers):
        """Where each person works now, as a link in the page's language."""
        prefetch_related_objects(speakers, "organisation")
        targets = visible_targets([(page.organisation, page.locale_id) for page in speakers])
        return {
            page.pk: page.organisation and targets[page.organisation.pk, page.locale_id]
            for page in speakers
        }

    def all_quotes(self):
        """What this person said at the visible editions in the page's language, newest
        edition first."""
        return (
            EditionQuote.objects.filter(
                speaker__translation_key=self.translation_key,
                page__in=EditionPage.objects.visible(self.locale_id),
            )
            .select_related("page")
            .order_by("-page__start_date", "sort_order")
        )

    @classmethod
    def api_prefetch(cls, speakers, fields):
        if "photo" in fields:
            prefetch_related_objects(speakers, "photo", with_renditions("photo"))
        if "organisation" in fields:
            cls.current_organisation.preload(speakers)
        if "links" in fields:
            prefetch_related_objects(speakers, "links")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Loaded once for the page and its JSON-LD, which reads it again.
        SpeakerPage.current_organisation.preload([self])
        context["participations"] = self.editions_taken_part()
        context["quotes"] = self.all_quotes()
        context["current_organisation"] = self.current_organisation()
        return context

    def structured_data(self, context, meta, home):
        return speaker_person(self, context, meta, home)

    def search_snippet(self):
        return self.position


def grouped_by_person(rows, pages):
    """{page pk: rows} of rows annotated with the translation key of their person or
    organisation (``key``), each page given the rows of editions in its own language."""
    by_key_and_locale = defaultdict(list)
    for row in rows:
        by_key_and_locale[row.key, row.page.locale_id].append(row)
    return {page.pk: by_key_and_locale[page.translation_key, page.locale_id] for page in pages}


class SpeakerLink(TranslatableRow):
    page = ParentalKey(SpeakerPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(
        _("label"), max_length=100, help_text=_("For example “Profile at Skolkovo”.")
    )
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]
    override_translatable_fields = overridable("url")
    api_fields = [APIField("label"), APIField("url")]

    class Meta(TranslatableRow.Meta):
        verbose_name = _("link")

    def __str__(self):
        return self.label
