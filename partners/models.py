from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


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


class PartnerIndexPage(Page):
    """The directory of every organisation that took part in the series."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown above the list of organisations."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.OrganisationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        organisations = OrganisationPage.objects.child_of(self).live().specific().order_by("title")
        groups = {}
        for organisation in organisations:
            groups.setdefault(organisation.kind, []).append(organisation)
        context["organisation_groups"] = [
            (label, groups[value]) for value, label in OrganisationKind.choices if value in groups
        ]
        return context


class OrganisationPage(Page):
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

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_name"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("organisation")

    def partnerships(self):
        """This organisation's role at every live edition, newest edition first."""
        from editions.models import EditionPartner

        return (
            EditionPartner.objects.filter(organisation=self, page__live=True)
            .select_related("page")
            .order_by("-page__start_date", "sort_order")
        )

    def people(self):
        """Speakers affiliated with this organisation now or at any live edition."""
        from speakers.models import SpeakerPage

        return (
            SpeakerPage.objects.live()
            .filter(
                models.Q(organisation=self)
                | models.Q(participations__organisation=self, participations__page__live=True)
            )
            .distinct()
            .order_by("family_name", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partnerships"] = self.partnerships()
        context["people"] = self.people()
        return context
