"""The public search: editions, speakers, organisations, news and quotes, in the visitor's
language only, through Wagtail's search backend (the database backend: SQLite FTS5 locally,
PostgreSQL full-text search in production).

Matching pages come first, by relevance, then matching quotes, by relevance: they are two
searches (quotes are not pages), chained into one list that the paginator counts and slices,
so that a page of results costs the same few queries however many results there are.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.backends import get_search_backend

from core.links import follow
from core.pagination import paginate
from core.visibility import visible
from editions.models import EditionPage, EditionQuote
from quotes.models import quote_permalink
from speakers.models import SpeakerPage

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10

# Only letters and digits reach the search backend: quotation marks, brackets, stars, colons
# and the like are operators for SQLite FTS5 or PostgreSQL's tsquery, where a stray one is a
# syntax error rather than a word to look for.
WORD = re.compile(r"[^\W_]+")

# Control characters (NUL among them, which PostgreSQL refuses in text) and lone surrogates
# (which are not UTF-8) can be neither stored, nor searched, nor shown.
UNUSABLE_CATEGORIES = {"Cc", "Cs"}

QUOTE_KIND = _("Quote")


@dataclass(frozen=True)
class SearchResult:
    kind: str
    title: str
    url: str | None
    snippet: str = ""
    is_quote: bool = False
    attribution: str = ""


def clean_query(raw):
    """The query as it is searched for and shown: without unusable characters, its spaces
    collapsed, at most MAX_QUERY_LENGTH characters, cut between words where it has several.
    Returns (query, whether it was shortened)."""
    usable = "".join(
        char
        for char in raw
        if char.isspace() or unicodedata.category(char) not in UNUSABLE_CATEGORIES
    )
    query = " ".join(unicodedata.normalize("NFC", usable).split())
    if len(query) <= MAX_QUERY_LENGTH:
        return query, False
    head = query[: MAX_QUERY_LENGTH + 1]
    return (head.rsplit(" ", 1)[0] if " " in head else head[:MAX_QUERY_LENGTH]), True


def search_terms(query):
    """The words of the query, separated by single spaces; empty when it has none."""
    return " ".join(WORD.findall(query))


def searched_page_types():
    """The page types search lists: those that give their results a label
    (``search_result_label``, core.pages.SitePage)."""
    return [model for model in get_page_models() if getattr(model, "search_result_label", None)]


class ChainedResults:
    """Several search results one after the other, counted and sliced as one list: a slice
    fetches only the rows it holds, from the searches it overlaps."""

    def __init__(self, *searches):
        self.searches = searches

    def count(self):
        return sum(search.count() for search in self.searches)

    def __getitem__(self, key):
        # The paginator only ever asks for a slice, [bottom:top].
        start, stop = key.start or 0, key.stop
        rows = []
        for search in self.searches:
            size = search.count()
            if start < size and stop > 0:
                rows.extend(search[max(start, 0) : min(stop, size)])
            start, stop = start - size, stop - size
        return rows


def find(terms, locale):
    """Visible pages of the searched types and quotes by visible speakers at visible
    editions, in the locale, that contain every word of ``terms``."""
    backend = get_search_backend()
    # The search backend only filters on plain fields: the rule is applied as a subquery.
    pages = Page.objects.filter(pk__in=visible(Page.objects.all(), locale).values("pk"))
    found_pages = backend.search(
        terms, pages.exact_type(*searched_page_types()).specific(), operator="and"
    )
    quotes = EditionQuote.objects.filter(
        page__in=pages.type(EditionPage).values("pk"),
        speaker__in=SpeakerPage.objects.visible(),
    ).select_related("page", "speaker")
    found_quotes = backend.search(terms, quotes, operator="and")
    return ChainedResults(found_pages, found_quotes)


def present(rows, request, locale):
    """One SearchResult per page or quote, in order. A quote leads to its permalink (or, in a
    series without a quotes page, to its edition); its speaker is shown in the visitor's
    language (page relations point at the source language: core.links)."""
    follow([row for row in rows if isinstance(row, EditionQuote)], "speaker")
    results = []
    for row in rows:
        if isinstance(row, EditionQuote):
            url = quote_permalink(row, request)
            if url is None:
                edition_url = row.page.get_url(request)
                url = f"{edition_url}#quotes" if edition_url else None
            results.append(
                SearchResult(
                    kind=QUOTE_KIND,
                    title=row.page.title,
                    url=url,
                    snippet=row.text,
                    is_quote=True,
                    attribution=row.speaker.title,
                )
            )
        else:
            results.append(
                SearchResult(
                    kind=row.search_result_label,
                    title=row.title,
                    url=row.get_url(request),
                    snippet=row.search_snippet(),
                )
            )
    return results


@require_safe
def search(request):
    query, shortened = clean_query(request.GET.get("q", ""))
    terms = search_terms(query)
    locale = None
    if terms:
        locale = Locale.objects.filter(language_code=translation.get_language()).first()
    matches = find(terms, locale) if locale else []
    results = paginate(matches, request, RESULTS_PER_PAGE)
    results.object_list = present(results.object_list, request, locale) if matches else []
    if query:
        heading = gettext("Search results for “%(query)s”") % {"query": query}
    else:
        heading = gettext("Search")
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "heading": heading,
            "search_query": query,
            "search_results": results,
            "query_shortened": shortened,
            "max_query_length": MAX_QUERY_LENGTH,
            "pagination_query": urlencode({"q": query}),
        },
    )
