"""The site search (search/views.py): editions, speakers, organisations, news and quotes, in
the visitor's language only, through Wagtail's database search backend.

CI runs this module on SQLite (FTS5) and on PostgreSQL (full-text search): whatever a visitor
types and whatever page number they ask for, they get a normal page, never a server error.
"""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from editions.models import EditionQuote
from search.views import MAX_QUERY_LENGTH, clean_query, search_terms
from tests.factories import (
    EditionPageFactory,
    EditionQuoteFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    SpeakerPageFactory,
    translate_page,
    translate_pages,
)
from tests.html import soup_of
from tests.queries import counted_get

pytestmark = [pytest.mark.django_db, pytest.mark.search_index]

# A made-up word that no factory writes: only what a test plants contains it.
WORD = "quasarbiotic"

# Pinned: lower it when a change saves a query; never raise it to hide growth.
SEARCH_PAGE_QUERIES = 11


def get_search(client, query=None, *, page=None, language="en"):
    params = {}
    if query is not None:
        params["q"] = query
    if page is not None:
        params["page"] = page
    response = client.get(f"/{language}/search/", params)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True))


def results(soup):
    """Each result as the visitor reads it: (label, title, link, text under the title)."""
    shown = []
    for article in soup.select("main article.search-result"):
        title = article.find("h2")
        link = title.find("a")
        rest = [text_of(element) for element in article.select(".search-result__title ~ *")]
        shown.append(
            (
                text_of(article.select_one(".search-result__kind")),
                text_of(title),
                link["href"] if link else None,
                " ".join(rest),
            )
        )
    return shown


def titles(soup):
    return [title for _kind, title, _link, _text in results(soup)]


def heading(soup):
    return text_of(soup.find("h1"))


@pytest.fixture
def russian_tree(site_tree, locales):
    translate_pages(
        [site_tree.home, site_tree.editions, site_tree.speakers, site_tree.partners],
        "ru",
    )
    translate_page(site_tree.news, "ru")
    return site_tree


# What is found, and how it is shown


def test_search_finds_each_kind_of_content_with_its_label_snippet_and_link(client, site_tree):
    edition = EditionPageFactory(
        parent=site_tree.editions,
        title="Synthetic edition 2030",
        lead=f"The {WORD} edition.",
        start_date=datetime.date(2030, 10, 1),
    )
    speaker = SpeakerPageFactory(
        parent=site_tree.speakers, title="Synthetic Speaker", position=f"Head of {WORD} research"
    )
    organisation = OrganisationPageFactory(
        parent=site_tree.partners,
        title="Synthetic Institute",
        description=f'<p>The <a href="https://example.org/">{WORD}</a> institute &amp; co</p>',
    )
    news = NewsPageFactory(
        parent=site_tree.news, title="Synthetic news", lead=f"News about {WORD} things."
    )
    quoted = SpeakerPageFactory(parent=site_tree.speakers, title="Quoted Person", position="")
    EditionQuoteFactory(page=edition, speaker=quoted, text=f"We believe in {WORD} cooperation.")

    shown = results(get_search(client, WORD))

    assert sorted(shown[:4]) == sorted(
        [
            ("Edition", "Synthetic edition 2030", edition.url, f"The {WORD} edition."),
            ("Speaker", "Synthetic Speaker", speaker.url, f"Head of {WORD} research"),
            ("Organisation", "Synthetic Institute", organisation.url, f"The {WORD} institute & co"),
            ("News", "Synthetic news", news.url, f"News about {WORD} things."),
        ]
    )
    # Quotes come after the pages; a quote leads to its edition's quotes.
    assert shown[4:] == [
        (
            "Quote",
            "Synthetic edition 2030",
            f"{edition.url}#quotes",
            f"We believe in {WORD} cooperation. Quoted Person",
        )
    ]


def test_a_result_contains_every_word_of_the_query(client, site_tree):
    NewsPageFactory(parent=site_tree.news, title="Both words", lead=f"{WORD} cooperation")
    NewsPageFactory(parent=site_tree.news, title="One word", lead=f"{WORD} only")

    assert titles(get_search(client, f"{WORD} cooperation")) == ["Both words"]


def test_only_editions_speakers_organisations_news_and_quotes_are_searched(client, site_tree):
    for index in (site_tree.editions, site_tree.speakers, site_tree.partners, site_tree.news):
        index.intro = f"An index page about {WORD}."
        index.save_revision().publish()
    site_tree.home.intro = f"A home page about {WORD}."
    site_tree.home.save_revision().publish()

    soup = get_search(client, WORD)

    assert results(soup) == []
    assert f"No results for “{WORD}”." in text_of(soup.main)


def test_drafts_private_pages_and_unpublished_changes_are_not_found(client, site_tree):
    speaker = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Speaker")
    draft = EditionPageFactory(parent=site_tree.editions, live=False, lead=f"Draft {WORD}")
    EditionQuoteFactory(page=draft, speaker=speaker, text=f"Said at a draft {WORD} edition.")
    private = EditionPageFactory(parent=site_tree.editions, lead=f"Private {WORD}")
    EditionQuoteFactory(page=private, speaker=speaker, text=f"Said at a private {WORD} edition.")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="synthetic"
    )
    news = NewsPageFactory(parent=site_tree.news, title="Synthetic news", lead="Old words.")
    news.lead = f"Unpublished {WORD} words."
    news.save_revision()

    assert results(get_search(client, WORD)) == []
    assert titles(get_search(client, "Old words")) == ["Synthetic news"]


def test_the_index_follows_publishing_editing_and_unpublishing(client, site_tree):
    news = NewsPageFactory(parent=site_tree.news, title="Synthetic news", lead="Old words.")

    news.lead = f"New {WORD} words."
    news.save_revision().publish()
    assert titles(get_search(client, WORD)) == ["Synthetic news"]
    assert titles(get_search(client, "Old")) == []

    news.unpublish()
    assert titles(get_search(client, WORD)) == []


def test_quotes_added_and_removed_through_the_edition_are_found_then_forgotten(client, site_tree):
    edition = EditionPageFactory(parent=site_tree.editions, title="Synthetic edition")
    speaker = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Speaker")

    # As the admin does it: the quote is part of the edition's revision, written on publishing.
    edition.quotes.add(EditionQuote(speaker=speaker, text=f"{WORD} said."))
    edition.save_revision().publish()
    assert results(get_search(client, WORD)) == [
        ("Quote", "Synthetic edition", f"{edition.url}#quotes", f"{WORD} said. Synthetic Speaker")
    ]

    edition.refresh_from_db()
    edition.quotes.remove(edition.quotes.get())
    edition.save_revision().publish()
    assert results(get_search(client, WORD)) == []


# Languages


def test_results_are_in_the_visitors_language_only(client, russian_tree):
    site_tree = russian_tree
    speaker = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Speaker")
    edition = EditionPageFactory(
        parent=site_tree.editions, title="Synthetic edition", lead=f"The {WORD} edition."
    )
    EditionQuoteFactory(page=edition, speaker=speaker, text=f"An English {WORD} quotation.")
    russian = translate_page(edition, "ru", title="Синтетический форум", lead=f"Форум {WORD}.")
    russian_quote = russian.quotes.get()
    russian_quote.text = f"Русская цитата о {WORD}."
    russian_quote.save()

    english_results = titles(get_search(client, WORD, language="en"))
    russian_results = results(get_search(client, WORD, language="ru"))
    french = get_search(client, WORD, language="fr")

    assert english_results == ["Synthetic edition", "Synthetic edition"]
    assert [(title, text) for _kind, title, _link, text in russian_results] == [
        ("Синтетический форум", f"Форум {WORD}."),
        ("Синтетический форум", f"Русская цитата о {WORD}. Synthetic Speaker"),
    ]
    assert results(french) == []


def test_russian_words_find_russian_content_whatever_their_case(client, russian_tree):
    news = NewsPageFactory(parent=russian_tree.news, title="Synthetic news", lead="Skolkovo")
    translate_page(news, "ru", title="Новости форума", lead="Биотехнологический форум в Сколково.")

    for query in ("Сколково", "сколково", "СКОЛКОВО", "форум сколково"):
        assert titles(get_search(client, query, language="ru")) == ["Новости форума"], query
    assert titles(get_search(client, "Сколково", language="en")) == []


def test_a_quote_names_its_speaker_and_links_its_edition_in_the_visitors_language(
    client, russian_tree
):
    site_tree = russian_tree
    speaker = SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Speaker")
    translate_page(speaker, "ru", title="Синтетический спикер")
    edition = EditionPageFactory(parent=site_tree.editions, title="Synthetic edition")
    EditionQuoteFactory(page=edition, speaker=speaker, text=f"Цитата {WORD}.")
    russian = translate_page(edition, "ru", title="Синтетический форум")

    [(_kind, title, link, text)] = results(get_search(client, WORD, language="ru"))
    assert (title, link, text) == (
        "Синтетический форум",
        f"{russian.url}#quotes",
        f"Цитата {WORD}. Синтетический спикер",
    )


# Pages of results


def plant_news(site_tree, count, word=WORD):
    return [
        NewsPageFactory(parent=site_tree.news, title=f"Synthetic news {n:02}", lead=f"{word} {n}")
        for n in range(count)
    ]


def test_results_come_ten_a_page_and_the_page_links_keep_the_query(client, site_tree):
    plant_news(site_tree, 12)

    first = get_search(client, WORD)
    second = get_search(client, WORD, page=2)

    assert len(results(first)) == 10
    assert len(results(second)) == 2
    assert sorted(titles(first) + titles(second)) == [f"Synthetic news {n:02}" for n in range(12)]
    assert "12 results" in text_of(first.main)
    assert first.select_one("nav.pagination a[rel=next]")["href"] == f"?q={WORD}&page=2"
    assert second.select_one("nav.pagination a[rel=prev]")["href"] == f"?q={WORD}&page=1"
    assert second.select_one("main ol.search-results")["start"] == "11"


def test_pages_of_results_run_on_from_pages_into_quotes_without_gap_or_repeat(client, site_tree):
    plant_news(site_tree, 8)
    edition = EditionPageFactory(parent=site_tree.editions, title="Synthetic edition")
    speaker = SpeakerPageFactory(parent=site_tree.speakers)
    for n in range(5):
        EditionQuoteFactory(page=edition, speaker=speaker, text=f"{WORD} quotation {n}.")

    first = results(get_search(client, WORD))
    second = results(get_search(client, WORD, page=2))

    assert [kind for kind, *_rest in first] == ["News"] * 8 + ["Quote"] * 2
    assert [kind for kind, *_rest in second] == ["Quote"] * 3
    quoted = [text.split(".")[0] for kind, _title, _link, text in first + second if kind == "Quote"]
    assert sorted(quoted) == [f"{WORD} quotation {n}" for n in range(5)]


@pytest.mark.parametrize(
    ("page_param", "expected_page"),
    [
        ("", 1),
        ("abc", 1),
        ("2.5", 1),
        ("1e3", 1),
        ("\x00", 1),
        ("1" * 5000, 1),
        ("0", 2),
        ("-1", 2),
        ("999", 2),
        ("9" * 30, 2),
    ],
    ids=[
        "empty",
        "letters",
        "decimal",
        "exponent",
        "nul",
        "too-many-digits",
        "zero",
        "negative",
        "past-the-end",
        "huge",
    ],
)
def test_any_page_number_gives_the_first_or_last_page(client, site_tree, page_param, expected_page):
    plant_news(site_tree, 12)

    soup = get_search(client, WORD, page=page_param)

    assert len(results(soup)) == (10 if expected_page == 1 else 2)
    current = soup.select_one("nav.pagination a[aria-current=page]")
    assert text_of(current).endswith(str(expected_page))


# Whatever the query


def test_an_empty_query_asks_for_words_and_searches_nothing(client, site_tree):
    plant_news(site_tree, 1)

    for params in ({}, {"q": ""}, {"q": "   \t "}):
        response = client.get("/en/search/", params)
        soup = BeautifulSoup(response.content, "html.parser")
        assert response.status_code == 200
        assert heading(soup) == "Search"
        assert "Type one or more words to search" in text_of(soup.main)
        assert results(soup) == []
        assert "No results" not in text_of(soup.main)


def test_a_query_without_results_says_so(client, site_tree):
    plant_news(site_tree, 1)

    soup = get_search(client, "nothingmatchesthis")

    assert "No results for “nothingmatchesthis”." in text_of(soup.main)
    assert soup.select("main ol.search-results") == []


def test_the_search_page_names_the_query_and_is_kept_out_of_search_engines(client, site_tree):
    soup = get_search(client, WORD)

    assert soup.title.get_text().startswith(f"Search results for “{WORD}” – ")
    assert heading(soup) == f"Search results for “{WORD}”"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.select_one("main input[name=q]")["value"] == WORD


def test_a_long_query_is_cut_with_a_note(client, site_tree):
    plant_news(site_tree, 1)
    query = f"{WORD} " * 100

    soup = get_search(client, query)

    # Cut between words: as many whole words as fit.
    fitting = (MAX_QUERY_LENGTH + 1) // len(f"{WORD} ")
    assert soup.select_one("main input[name=q]")["value"] == " ".join([WORD] * fitting)
    assert f"only its first {MAX_QUERY_LENGTH} characters were used" in text_of(soup.main)
    assert titles(soup) == ["Synthetic news 00"]


STRANGE_QUERIES = {
    "percent": "%",
    "percent-and-underscore": "100%_",
    "single-quote": "'",
    "double-quote": '"',
    "unbalanced-quotes": f'"{WORD}',
    "sql-injection": "'; DROP TABLE wagtailcore_page; --",
    "sql-or": "' OR '1'='1",
    "fts5-operators": f"{WORD} AND NOT OR NEAR(",
    "fts5-prefix-and-column": f"quasar* title:{WORD} ^{WORD}",
    "tsquery-operators": f"{WORD} & !x | (y) <-> z:*",
    "backslashes": "\\ \\\\ \\'",
    "html": "<script>alert(1)</script>",
    "emoji": "🧬",
    "emoji-around-a-word": f"🧬{WORD}🧬",
    "nul-inside-a-word": "quasar\x00biotic",
    "nul-only": "\x00",
    "control-characters": "\x01\x02\x1b[31m",
    "only-punctuation": "!?.,;:—…«»()[]{}*^~",
    "right-to-left-override": f"\u202e{WORD}",
    "combining-accent": "е\u0301",
    "one-long-word": "a" * 5000,
    "many-words": " ".join(["x"] * 150),
}


@pytest.mark.parametrize("query", STRANGE_QUERIES.values(), ids=STRANGE_QUERIES.keys())
def test_a_strange_query_gives_a_normal_page(client, site_tree, query):
    plant_news(site_tree, 1)

    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert b"<script>alert(1)" not in response.content
    shown, _shortened = clean_query(query)
    assert heading(soup) == (f"Search results for “{shown}”" if shown else "Search")
    if search_terms(shown) == WORD:
        assert titles(soup) == ["Synthetic news 00"]


@pytest.mark.parametrize(
    "encoded",
    ["%ED%A0%80", "%FF%FE", "%F0%9F", "%00", "%C0%AF", f"{WORD}%ED%B0%80"],
    ids=["lone-surrogate", "not-utf8", "cut-emoji", "nul", "overlong", "word-and-surrogate"],
)
def test_bytes_that_are_not_text_give_a_normal_page(client, site_tree, encoded):
    plant_news(site_tree, 1)

    response = client.get(f"/en/search/?q={encoded}&page={encoded}")

    assert response.status_code == 200
    assert BeautifulSoup(response.content, "html.parser").find("h1") is not None


def test_unusable_characters_are_dropped_and_the_query_is_cut():
    assert clean_query("quasar\x00biotic") == ("quasarbiotic", False)
    assert clean_query("a\ud800b\udfff") == ("ab", False)
    assert clean_query("  several \t\n spaces  ") == ("several spaces", False)
    assert clean_query("x" * (MAX_QUERY_LENGTH + 1)) == ("x" * MAX_QUERY_LENGTH, True)
    words = "abc " * MAX_QUERY_LENGTH
    assert clean_query(words) == (words[: MAX_QUERY_LENGTH - 1].rstrip(), True)


def test_only_letters_and_digits_are_searched_for():
    assert search_terms("'; DROP TABLE page; --") == "DROP TABLE page"
    assert search_terms('"Biotech" RusFrance-2016*') == "Biotech RusFrance 2016"
    assert search_terms("Сколково, «Гиперкуб»!") == "Сколково Гиперкуб"
    assert search_terms("!?🧬_%") == ""


# The header


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_page_has_a_search_form_in_its_header(client, russian_tree, language):
    soup = BeautifulSoup(client.get(f"/{language}/").content, "html.parser")

    form = soup.select_one("header form[role=search]")
    assert form["action"] == f"/{language}/search/"
    field = form.find("input", attrs={"name": "q"})
    label = form.find("label", attrs={"for": field["id"]})
    assert "visually-hidden" in label["class"]
    assert text_of(label)


# Cost


def results_of_size(site_tree, speakers, quotes):
    """Matching speakers and quotes; the first page of results shows both at any size."""
    for _ in range(speakers):
        SpeakerPageFactory(parent=site_tree.speakers, position=f"{WORD} researcher")
    edition = EditionPageFactory(parent=site_tree.editions)
    person = SpeakerPageFactory(parent=site_tree.speakers, position="")
    for _ in range(quotes):
        EditionQuoteFactory(page=edition, speaker=person, text=f"A {WORD} quotation.")


def queries_for_search(client):
    count, response = counted_get(client, f"/en/search/?q={WORD}")
    return count, soup_of(response)


def test_search_page_queries_do_not_grow_with_the_number_of_results(client, site_tree):
    results_of_size(site_tree, speakers=1, quotes=1)
    small_count, small = queries_for_search(client)

    results_of_size(site_tree, speakers=4, quotes=24)  # 30 matching in all
    large_count, large = queries_for_search(client)

    assert [kind for kind, *_rest in results(small)] == ["Speaker", "Quote"]
    assert [kind for kind, *_rest in results(large)] == ["Speaker"] * 5 + ["Quote"] * 5
    assert "30 results" in text_of(large.main)
    assert (small_count, large_count) == (SEARCH_PAGE_QUERIES, SEARCH_PAGE_QUERIES)
