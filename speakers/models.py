import unicodedata
from urllib.parse import urlencode

from django import forms
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.models import Rendition
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from conference_site.api_fields import EditionsTakenPartField
from conference_site.filters import PageFilterForm
from localisation.fields import SYNCHRONISED_SLUG, overridable, synchronised
from localisation.links import follow_language, localized_page

# Directory order. Names are compared letter by letter with accents set aside, so "Émile" files
# with "Eliot", and "Ёлкин" with "Ефимов" as Russian indexes do, while "Йошкин" keeps a letter of
# its own. Scripts come in the reader's order: Cyrillic first on the Russian site, Latin first
# elsewhere. Python's own order (code points) would put "Élodie" after "Zola", "Ёлкин" before
# "Абрамов".

LATIN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The letters a Russian name can start with: no hard sign, yeru or soft sign, and no yo, filed
# with ye.
ALPHABETS = {"ru": "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"}
SCRIPT_ORDERS = {"ru": ("CYRILLIC", "LATIN")}
DEFAULT_SCRIPT_ORDER = ("LATIN", "CYRILLIC")
# Latin letters that Unicode does not decompose into a base letter and an accent.
LATIN_SPELLED_OUT = {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
CYRILLIC_YO, CYRILLIC_YE = "\N{CYRILLIC SMALL LETTER IO}", "\N{CYRILLIC SMALL LETTER IE}"
# The heading for names that start with a digit or with no letter at all; it comes last.
OTHER_INITIAL = "#"


def _language(language=None):
    return (language or get_language() or "").split("-")[0]


def _script(char):
    return unicodedata.name(char, "").split(" ", 1)[0]


def _base_letters(text):
    """The letters and digits of ``text``, lowercase, without their accents."""
    for char in unicodedata.normalize("NFC", text).casefold():
        if not char.isalnum():
            continue
        if char == CYRILLIC_YO:
            yield CYRILLIC_YE
        elif _script(char) == "CYRILLIC":
            yield char
        elif char in LATIN_SPELLED_OUT:
            yield from LATIN_SPELLED_OUT[char]
        else:
            decomposed = unicodedata.normalize("NFD", char)
            yield from (part for part in decomposed if not unicodedata.combining(part))


def alphabetical_key(text, language=None):
    """A sort key that files ``text`` as a reader of ``language`` (default: the active one)
    expects: accents aside, their own script first, digits after letters."""
    scripts = SCRIPT_ORDERS.get(_language(language), DEFAULT_SCRIPT_ORDER)

    def rank(char):
        if char.isdigit():
            return len(scripts) + 1
        script = _script(char)
        return scripts.index(script) if script in scripts else len(scripts)

    return tuple((rank(char), char) for char in _base_letters(text)), text.casefold()


def initial(text):
    """The letter ``text`` is filed under, uppercase: "Émile" and "eliot" under "E", "Ёлкин"
    under the Cyrillic ye, "42" under "#"."""
    for char in _base_letters(text):
        return OTHER_INITIAL if char.isdigit() else char.upper()
    return OTHER_INITIAL


def letter_order(letters, language=None):
    """``letters`` in the order of the reader's alphabet, the catch-all "#" last."""
    return sorted(
        letters, key=lambda letter: (letter == OTHER_INITIAL, alphabetical_key(letter, language))
    )


def alphabet(language=None):
    """The letters a directory always shows for the language, linked or not."""
    return ALPHABETS.get(_language(language), LATIN_ALPHABET)


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

    # Inline rows point at source-language pages (page relations are synchronised), so people
    # and organisations are matched on translation_key, and editions kept to this language and
    # this series (the editions under the same home page).

    def speakers(self):
        """The live people of this directory."""
        return SpeakerPage.objects.child_of(self).live()

    def participations_in_series(self):
        """The speaker rows of the live editions of this series in this directory's language."""
        from editions.models import EditionSpeaker

        return EditionSpeaker.objects.filter(
            page__live=True,
            page__locale_id=self.locale_id,
            page__path__startswith=self._get_parent_path_from_path(self.path),
        )

    def organisations_of_speakers(self):
        """The live organisations, in this language, that a person of the directory belongs to
        now or represented at an edition of the series."""
        from partners.models import OrganisationPage

        speakers = self.speakers()
        represented = self.participations_in_series().filter(
            speaker__translation_key__in=speakers.values("translation_key")
        )
        return (
            OrganisationPage.objects.live()
            .filter(locale_id=self.locale_id)
            .filter(
                Q(translation_key__in=speakers.values("organisation__translation_key"))
                | Q(translation_key__in=represented.values("organisation__translation_key"))
            )
        )

    def editions_with_speakers(self):
        """The live editions of the series, in this language, that a person of the directory
        took part in, newest first."""
        from editions.models import EditionPage

        participations = self.participations_in_series().filter(
            speaker__translation_key__in=self.speakers().values("translation_key")
        )
        return (
            EditionPage.objects.live()
            .filter(pk__in=participations.values("page_id"))
            .order_by("-start_date")
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
            organisation=sorted(
                self.organisations_of_speakers(),
                key=lambda page: alphabetical_key(page.title, language),
            ),
            edition=self.editions_with_speakers(),
        )
        applied = filters.applied()
        speakers = (
            self.speakers_matching(**filters.selected_pages())
            .select_related("organisation", "photo")
            .prefetch_related(Prefetch("photo__renditions", queryset=Rendition.objects.all()))
        )
        speakers = sorted(
            follow_language(speakers, "organisation", self.locale_id),
            key=lambda speaker: (
                alphabetical_key(speaker.family_name or speaker.title, language),
                alphabetical_key(speaker.title, language),
            ),
        )
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

    # The JSON API (conference_site.api): relations point at pages in this page's language.
    api_fields = [
        APIField("family_name"),
        APIField("position"),
        APIField("organisation"),
        APIField("photo", serializer=ImageRenditionField("fill-480x480")),
        APIField("biography"),
        APIField("links"),
        APIField("editions", serializer=EditionsTakenPartField()),
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
    api_fields = [APIField("label"), APIField("url")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("link")

    def __str__(self):
        return self.label
