import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; create it under the Wagtail root: ``HomePageFactory(parent=root)``."""

    title = "Synthetic conference series"
    tagline = "A synthetic series of conferences, for tests"
    intro = "Synthetic introduction to the series."

    class Meta:
        model = HomePage
