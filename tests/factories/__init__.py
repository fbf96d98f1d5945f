"""Factories for every model of the site, one module per app.

Every piece of data they make up is clearly synthetic ("Synthetic speaker 3", example.org
addresses): no real person or organisation is ever invented. Pages are created with
``parent=``; inline rows with ``page=`` an already saved page (the locale then comes from it).
"""

from tests.factories.editions import (
    EditionContactFactory,
    EditionIndexPageFactory,
    EditionObjectiveFactory,
    EditionPageFactory,
    EditionPartnerFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    ProgrammeSessionFactory,
    VenueFactory,
    build_edition,
)
from tests.factories.home import HomePageFactory
from tests.factories.images import ImageFactory
from tests.factories.news import (
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsPageTopicFactory,
    TopicFactory,
)
from tests.factories.partners import OrganisationPageFactory, PartnerIndexPageFactory
from tests.factories.quotes import QuoteIndexPageFactory
from tests.factories.speakers import SpeakerIndexPageFactory, SpeakerLinkFactory, SpeakerPageFactory
from tests.factories.translations import translate_page, translate_pages

__all__ = [
    "EditionContactFactory",
    "EditionIndexPageFactory",
    "EditionObjectiveFactory",
    "EditionPageFactory",
    "EditionPartnerFactory",
    "EditionQuoteFactory",
    "EditionSpeakerFactory",
    "HomePageFactory",
    "ImageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "NewsPageTopicFactory",
    "OrganisationPageFactory",
    "PartnerIndexPageFactory",
    "ProgrammeSessionFactory",
    "QuoteIndexPageFactory",
    "SpeakerIndexPageFactory",
    "SpeakerLinkFactory",
    "SpeakerPageFactory",
    "TopicFactory",
    "VenueFactory",
    "build_edition",
    "translate_page",
    "translate_pages",
]
