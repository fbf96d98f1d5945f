import factory
import wagtail_factories

from speakers.models import SpeakerIndexPage, SpeakerLink, SpeakerPage


class SpeakerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Speakers"
    intro = "Synthetic introduction to the speaker directory."

    class Meta:
        model = SpeakerIndexPage


class SpeakerPageFactory(wagtail_factories.PageFactory):
    """A synthetic person. ``family_name`` is left blank so that the model derives it."""

    title = factory.Sequence(lambda n: f"Synthetic speaker {n}")
    position = factory.Sequence(lambda n: f"Synthetic current position {n}")

    class Meta:
        model = SpeakerPage


class SpeakerLinkFactory(factory.django.DjangoModelFactory):
    """A link on a speaker page: ``SpeakerLinkFactory(page=speaker)``."""

    label = factory.Sequence(lambda n: f"Synthetic profile {n}")
    url = factory.Sequence(lambda n: f"https://example.org/people/{n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = SpeakerLink
