from django import forms
from django.db import models
from django.db.models import F, prefetch_related_objects
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from core import seo
from core.alphabet import alphabetical_key, by_name
from core.api_fields import CountryDetailsField, RelationField
from core.fields import SYNCHRONISED_SLUG, overridable, synchronised
from core.filters import FilterForm
from core.images import with_renditions
from core.pages import IndexPage, SitePage, plain_text
from core.relations import relation
from editions.models import EditionPage, EditionPartner, EditionSpeaker
from partners.serializers import represent_partnership
from partners.structured_data import organisation_data
from speakers.models import SpeakerPage, grouped_by_person


class OrganisationKind(models.TextChoices):
    FOUNDATION = "foundation", _("Foundation")
    GOVERNMENT = "government", _("Government body or embassy")
    COMPANY = "company", _("Company")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    UNIVERSITY = "university", _("University")
    HOSPITAL = "hospital", _("Hospital")
    CLUSTER = "cluster", _("Cluster or association")
    INVESTOR = "investor", _("Investor")
    MEDIA = "media", _("Media")
    OTHER = "other", _("Other")


class CountryCodeField(forms.ChoiceField):
    """A country code, whatever its case: "?country=fr" means France too."""

    def to_python(self, value):
        return super().to_python(value).strip().upper()

    def prepare_value(self, value):
        # The select shows the country the filter applied, however the address spelt it.
        return value.strip().upper() if isinstance(value, str) else value


class PartnerFilterForm(FilterForm):
    """The partner directory's filter, sent with GET. A country no organisation of the
    directory is based in is reported and ignored."""

    country = CountryCodeField(
        label=_("Country"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "No organisation in the directory is based in this country, so the filter was "
                "ignored."
            )
        },
    )

    def __init__(self, data, *, countries):
        super().__init__(data)
        self.fields["country"].choices = [
            ("", _("All countries")),
            *((country.code, country.name) for country in countries),
        ]


class PartnerIndexPage(IndexPage):
    """The directory of every organisation that took part in the series."""

    subpage_types = ["partners.OrganisationPage"]

    class Meta:
        verbose_name = _("partner directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        language = get_language()
        organisations = by_name(
            OrganisationPage.objects.child_of(self)
            .visible()
            .select_related("logo")
            .prefetch_related(with_renditions("logo")),
            language,
        )
        # The countries on offer are those of the organisations listed, named (and sorted) in
        # the reader's language.
        countries = {org.country.code: org.country for org in organisations if org.country}
        filters = PartnerFilterForm(
            request.GET,
            countries=sorted(
                countries.values(),
                key=lambda country: alphabetical_key(str(country.name), language),
            ),
        )
        applied = filters.applied()
        has_organisations = bool(organisations)
        if "country" in applied:
            organisations = [org for org in organisations if org.country == applied["country"]]
        groups = {}
        for organisation in organisations:
            groups.setdefault(organisation.kind, []).append(organisation)
        context.update(
            organisation_groups=[
                (label, groups[value])
                for value, label in OrganisationKind.choices
                if value in groups
            ],
            filter_form=filters,
            is_filtered=bool(applied),
            has_organisations=has_organisations,
        )
        return context


class OrganisationPage(SitePage):
    """A partner organisation: foundation, embassy, company, institute, ..."""

    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("An acronym or short form used in lists, for example “RAS”."),
    )
    kind = models.CharField(
        _("kind"), max_length=30, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_("Where the organisation is based (for an embassy: the country it represents)."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = RichTextField(
        _("description"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the organisation does, in a paragraph or two."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("short_name"), FieldPanel("kind"), FieldPanel("country")],
            heading=_("Identity"),
        ),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    override_translatable_fields = [
        *SYNCHRONISED_SLUG,
        *synchronised("kind", "country", "logo"),
        *overridable("website"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    # The JSON API (api/): relations point at pages in this page's language.
    api_fields = [
        APIField("short_name"),
        APIField("kind"),
        APIField("kind_display", serializer=CharField(source="get_kind_display", read_only=True)),
        APIField("country", serializer=CountryDetailsField()),
        APIField("website"),
        APIField("logo", serializer=ImageRenditionField("max-320x160", preserve_svg=True)),
        APIField("description"),
        APIField(
            "editions",
            serializer=RelationField("editions_partnered", represent_partnership),
        ),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    rich_description_fields = ("description",)
    share_images = (seo.ShareImageSpec("logo", seo.LOGO, large=False),)
    search_result_label = _("Organisation")

    class Meta:
        verbose_name = _("organisation")

    # Rows of an edition point at the source-language page of an organisation or a person
    # (page relations are synchronised, not translated), so history is matched on
    # translation_key, in the visible editions of this page's language.

    @relation
    def editions_partnered(organisations):
        """Each organisation's role at every visible edition, newest edition first."""
        rows = (
            EditionPartner.objects.filter(
                organisation__translation_key__in={page.translation_key for page in organisations},
                page__in=EditionPage.objects.visible().filter(
                    locale_id__in={page.locale_id for page in organisations}
                ),
            )
            .annotate(key=F("organisation__translation_key"))
            .select_related("page")
            .order_by("-page__start_date", "sort_order")
        )
        return grouped_by_person(rows, organisations)

    def people(self):
        """The visible people affiliated with this organisation now or at a visible edition,
        in this page's language, with their current organisation preloaded."""
        represented_at_an_edition = EditionSpeaker.objects.filter(
            organisation__translation_key=self.translation_key,
            page__in=EditionPage.objects.visible(self.locale_id),
        ).values("speaker__translation_key")
        people = list(
            SpeakerPage.objects.visible(self.locale_id)
            .filter(
                models.Q(organisation__translation_key=self.translation_key)
                | models.Q(translation_key__in=represented_at_an_edition)
            )
            .select_related("organisation")
            .order_by("family_name", "title")
        )
        SpeakerPage.current_organisation.preload(people)
        return people

    @classmethod
    def api_prefetch(cls, organisations, fields):
        if "logo" in fields:
            prefetch_related_objects(organisations, "logo", with_renditions("logo"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partnerships"] = self.editions_partnered()
        context["people"] = self.people()
        return context

    def structured_data(self, context, meta, home):
        return organisation_data(self, context, meta, home)

    def search_snippet(self):
        return plain_text(self.description)
