import factory
import wagtail_factories

from partners.models import OrganisationKind, OrganisationPage, PartnerIndexPage


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    intro = "Synthetic introduction to the partner directory."

    class Meta:
        model = PartnerIndexPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Synthetic organisation {n}")
    short_name = factory.Sequence(lambda n: f"SO{n}")
    kind = OrganisationKind.COMPANY
    country = "FR"
    website = factory.Sequence(lambda n: f"https://organisation-{n}.example.org/")

    class Meta:
        model = OrganisationPage
