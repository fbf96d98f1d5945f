"""{% load quote_tags %}: a quote's permalink, wherever a quote is shown."""

from django import template

from quotes.models import quote_permalink as find_quote_permalink

register = template.Library()


@register.simple_tag(takes_context=True)
def quote_permalink(context, quote):
    """{% quote_permalink quote as url %}: the quote's own address on the quotes page of its
    language, or None where there is no quotes page (quotes.models.quote_permalink)."""
    return find_quote_permalink(quote, context.get("request"))
