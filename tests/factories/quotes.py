import wagtail_factories

from quotes.models import QuoteIndexPage


class QuoteIndexPageFactory(wagtail_factories.PageFactory):
    title = "Quotes"
    intro = "Synthetic introduction to the quotes page."

    class Meta:
        model = QuoteIndexPage
