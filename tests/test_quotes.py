"""The quotes page as a visitor reads it: every quote of the series, newest edition first,
filtered by edition and by speaker, paginated, each with a permalink that exists in every
language the quote is translated into, and is shared as itself."""

import datetime
import json
import uuid

import pytest

from tests.factories import (
    EditionPageFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    HomePageFactory,
    OrganisationPageFactory,
    QuoteIndexPageFactory,
    SpeakerPageFactory,
    VenueFactory,
    translate_page,
    translate_pages,
)
from tests.html import get_page, text_of
from tests.queries import counted_get

pytestmark = pytest.mark.django_db


def quote_texts(soup):
    return [text_of(block) for block in soup.main.select(".quote__text")]


def options(soup, name):
    return [text_of(option) for option in soup.select(f"select[name={name}] option")][1:]


def filter_errors(soup):
    return " ".join(text_of(error) for error in soup.main.select(".filter-form__error"))


def permalinks(soup):
    return [link["href"] for link in soup.main.select("a.quote__permalink")]


@pytest.fixture
def quoted(site_tree, quote_index):
    return build_quoted(site_tree, quote_index)


def build_quoted(site_tree, quote_index):
    """Two editions with quotes by two people, plus quotes nobody may see: one from a draft
    edition, one by a person whose page is unpublished."""
    foundation = OrganisationPageFactory(
        parent=site_tree.partners,
        title="Synthetic Foundation",
        website="https://foundation.example.org/",
    )
    ada = SpeakerPageFactory(parent=site_tree.speakers, title="Ada Synthetic", family_name="Ada")
    bob = SpeakerPageFactory(parent=site_tree.speakers, title="Bob Synthetic", family_name="Bob")
    hidden = SpeakerPageFactory(parent=site_tree.speakers, title="Hidden Person", live=False)
    older = EditionPageFactory(
        parent=site_tree.editions,
        title="Edition 2016",
        start_date=datetime.date(2016, 10, 19),
        venue=VenueFactory(name="Synthetic hall", place="", city="Example City", country="FR"),
    )
    newer = EditionPageFactory(
        parent=site_tree.editions, title="Edition 2018", start_date=datetime.date(2018, 10, 17)
    )
    draft = EditionPageFactory(
        parent=site_tree.editions,
        title="Draft edition",
        start_date=datetime.date(2020, 10, 21),
        live=False,
    )
    EditionSpeakerFactory(
        page=older, speaker=ada, position="Synthetic position in 2016", organisation=foundation
    )
    quotes = {
        "ada-2016": EditionQuoteFactory(
            page=older, speaker=ada, text="Ada in 2016.", context="Synthetic press release"
        ),
        "bob-2016": EditionQuoteFactory(page=older, speaker=bob, text="Bob in 2016."),
        "ada-2018": EditionQuoteFactory(page=newer, speaker=ada, text="Ada in 2018."),
        "draft": EditionQuoteFactory(page=draft, speaker=ada, text="Not published yet."),
        "hidden": EditionQuoteFactory(page=newer, speaker=hidden, text="By a hidden person."),
    }
    return {
        "ada": ada,
        "bob": bob,
        "older": older,
        "newer": newer,
        "draft": draft,
        "organisation": foundation,
        **quotes,
    }


# The list


def test_the_quotes_page_lists_published_quotes_newest_edition_first(client, quote_index, quoted):
    soup = get_page(client, quote_index.url)

    assert quote_texts(soup) == ["Ada in 2018.", "Ada in 2016.", "Bob in 2016."]
    captions = [" ".join(caption.get_text().split()) for caption in soup.select(".quote__caption")]
    assert captions[1] == "Ada Synthetic, Synthetic press release · Edition 2016 Link to this quote"
    assert text_of(soup.main.select_one(".search-summary")) == "3 quotes"
    speaker_link = soup.main.select(".quote__speaker")[0]
    assert speaker_link["href"] == quoted["ada"].url
    edition_link = soup.main.select(".quote__edition")[0]
    assert edition_link["href"] == quoted["newer"].url


def test_the_filters_offer_only_editions_and_speakers_with_published_quotes(
    client, quote_index, quoted
):
    soup = get_page(client, quote_index.url)

    assert options(soup, "edition") == ["Edition 2018", "Edition 2016"]
    assert options(soup, "speaker") == ["Ada Synthetic", "Bob Synthetic"]


@pytest.mark.parametrize(
    ("filters", "texts"),
    [
        pytest.param({"edition": "older"}, ["Ada in 2016.", "Bob in 2016."], id="edition"),
        pytest.param({"speaker": "ada"}, ["Ada in 2018.", "Ada in 2016."], id="speaker"),
        pytest.param({"edition": "older", "speaker": "ada"}, ["Ada in 2016."], id="both"),
        pytest.param({"edition": "newer", "speaker": "bob"}, [], id="nothing-matches"),
    ],
)
def test_filters_combine(client, quote_index, quoted, filters, texts):
    query = "&".join(f"{name}={quoted[key].pk}" for name, key in filters.items())

    soup = get_page(client, f"{quote_index.url}?{query}")

    assert quote_texts(soup) == texts
    if not texts:
        assert "No quotes match these filters." in text_of(soup.main)
        assert soup.main.find("a", string="Clear filters")["href"] == "./"


@pytest.mark.parametrize("key", ["draft", "organisation"])
def test_a_page_that_is_not_a_choice_is_reported_and_ignored(client, quote_index, quoted, key):
    soup = get_page(client, f"{quote_index.url}?edition={quoted[key].pk}&speaker={quoted[key].pk}")

    assert len(quote_texts(soup)) == 3
    assert "No quote of this edition is published, so the filter was ignored." in filter_errors(
        soup
    )
    assert "No quote of this speaker is published, so the filter was ignored." in filter_errors(
        soup
    )


def test_a_series_without_quotes_says_so(client, site_tree, quote_index):
    soup = get_page(client, quote_index.url)

    assert "No quotes have been published yet." in text_of(soup.main)
    assert soup.main.select("form.filter-form") == []


# Pagination


@pytest.fixture
def many_quotes(site_tree, quote_index):
    """A function adding quotes to one edition, by one person, numbered in order."""
    person = SpeakerPageFactory(parent=site_tree.speakers)
    edition = EditionPageFactory(parent=site_tree.editions, start_date=datetime.date(2016, 10, 19))
    organisation = OrganisationPageFactory(parent=site_tree.partners)
    EditionSpeakerFactory(page=edition, speaker=person, organisation=organisation)

    def add(count):
        first = edition.quotes.count()
        for number in range(first, first + count):
            EditionQuoteFactory(
                page=edition, speaker=person, text=f"Quote {number}.", sort_order=number
            )
        return edition, person

    return add


def test_quotes_come_twenty_a_page_and_the_links_keep_the_filters(client, quote_index, many_quotes):
    edition, person = many_quotes(25)
    query = f"edition={edition.pk}&speaker={person.pk}"

    first = get_page(client, f"{quote_index.url}?{query}")
    second = get_page(client, f"{quote_index.url}?{query}&page=2")

    assert quote_texts(first) == [f"Quote {n}." for n in range(20)]
    assert quote_texts(second) == [f"Quote {n}." for n in range(20, 25)]
    assert text_of(first.main.select_one(".search-summary")) == "25 quotes"
    assert first.select_one(".pagination a[rel=next]")["href"] == f"?{query}&page=2"
    assert second.select_one(".pagination a[rel=prev]")["href"] == f"?{query}&page=1"


@pytest.mark.parametrize(("number", "first_text"), [("abc", "Quote 0."), ("99", "Quote 20.")])
def test_a_page_number_out_of_range_shows_the_nearest_page(
    client, quote_index, many_quotes, number, first_text
):
    many_quotes(25)

    soup = get_page(client, f"{quote_index.url}?page={number}")

    assert quote_texts(soup)[0] == first_text


# Permalinks


def permalink(quote_index, quote):
    return f"{quote_index.url}{quote.translation_key}/"


def test_every_listed_quote_links_its_permalink(client, quote_index, quoted):
    soup = get_page(client, quote_index.url)

    assert permalinks(soup) == [
        permalink(quote_index, quoted[key]) for key in ("ada-2018", "ada-2016", "bob-2016")
    ]


def test_a_permalink_shows_the_quote_who_said_it_then_and_where(client, quote_index, quoted):
    soup = get_page(client, permalink(quote_index, quoted["ada-2016"]))

    assert quote_texts(soup) == ["Ada in 2016."]
    assert text_of(soup.h1) == "Ada Synthetic"
    caption = text_of(soup.main.select_one(".quote__caption"))
    assert caption == (
        "Ada Synthetic Synthetic position in 2016, Synthetic Foundation Synthetic press release"
    )
    tagline = soup.select_one(".page-header__tagline")
    assert " ".join(tagline.get_text().split()) == "Edition 2016, 19–20 October 2016"
    assert tagline.a["href"] == quoted["older"].url
    assert soup.title.string == "Ada Synthetic, Edition 2016 – Synthetic conference series"
    related = {text_of(a): a["href"] for a in soup.main.select(".related-links a")}
    assert related == {
        "More quotes by this speaker": f"{quote_index.url}?speaker={quoted['ada'].pk}",
        "More quotes from this edition": f"{quote_index.url}?edition={quoted['older'].pk}",
    }


def test_a_permalink_is_shared_as_the_quote(client, quote_index, quoted):
    address = permalink(quote_index, quoted["ada-2016"])

    soup = get_page(client, address)

    head = soup.head
    assert head.find("link", rel="canonical")["href"] == f"http://localhost{address}"
    assert head.find("meta", property="og:url")["content"] == f"http://localhost{address}"
    assert head.find("meta", property="og:title")["content"] == "Ada Synthetic"
    assert head.find("meta", property="og:description")["content"] == "Ada in 2016."
    assert head.find("meta", property="og:type")["content"] == "article"
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data == {
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": "Ada in 2016.",
        "description": "Synthetic press release",
        "url": f"http://localhost{address}",
        "inLanguage": "en",
        "spokenByCharacter": {
            "@type": "Person",
            "name": "Ada Synthetic",
            "url": f"http://localhost{quoted['ada'].url}",
            "jobTitle": "Synthetic position in 2016",
            "affiliation": {
                "@type": "Organization",
                "name": "Synthetic Foundation",
                "url": f"http://localhost{quoted['organisation'].url}",
                "sameAs": "https://foundation.example.org/",
            },
        },
        "recordedAt": {
            "@type": "Event",
            "name": "Edition 2016",
            "url": f"http://localhost{quoted['older'].url}",
            "startDate": "2016-10-19",
            "endDate": "2016-10-20",
            "location": {
                "@type": "Place",
                "name": "Synthetic hall",
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": "Example City",
                    "addressCountry": "FR",
                },
                "url": data["recordedAt"]["location"]["url"],
            },
        },
    }


def test_the_quotes_page_itself_has_no_json_ld(client, quote_index, quoted):
    soup = get_page(client, quote_index.url)

    assert soup.find_all("script", type="application/ld+json") == []


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("draft", id="draft-edition"),
        pytest.param("hidden", id="unpublished-speaker"),
        pytest.param(None, id="unknown-key"),
    ],
)
def test_a_quote_nobody_may_see_has_no_permalink(client, quote_index, quoted, key):
    translation_key = quoted[key].translation_key if key else uuid.uuid4()

    response = client.get(f"{quote_index.url}{translation_key}/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "tail", ["not-a-uuid/", "1/", "%00/", "09e4c75b-6283-4ee7-a782-078a91208184/extra/"]
)
def test_a_malformed_permalink_is_a_404(client, quote_index, quoted, tail):
    assert client.get(f"{quote_index.url}{tail}").status_code == 404


def test_another_series_quotes_page_shows_none_of_this_series_quotes(
    quote_index, quoted, root_page
):
    other_home = HomePageFactory(parent=root_page, slug="other-series")
    other_quotes = QuoteIndexPageFactory(parent=other_home, slug="quotes")

    assert other_quotes.quotes().count() == 0
    assert quote_index.quotes().count() == 3


# Where quotes appear, they link their permalink


def test_edition_and_speaker_pages_link_each_quote_to_its_permalink(client, quote_index, quoted):
    edition = get_page(client, quoted["older"].url)
    speaker = get_page(client, quoted["ada"].url)

    assert permalinks(edition) == [
        permalink(quote_index, quoted["ada-2016"]),
        permalink(quote_index, quoted["bob-2016"]),
    ]
    assert permalinks(speaker) == [
        permalink(quote_index, quoted["ada-2018"]),
        permalink(quote_index, quoted["ada-2016"]),
    ]
    assert all(
        text_of(link) == "Link to this quote" for link in edition.select(".quote__permalink")
    )


def test_without_a_quotes_page_quotes_have_no_permalink(client, site_tree):
    person = SpeakerPageFactory(parent=site_tree.speakers)
    edition = EditionPageFactory(parent=site_tree.editions)
    EditionQuoteFactory(page=edition, speaker=person)

    soup = get_page(client, edition.url)

    assert len(quote_texts(soup)) == 1
    assert permalinks(soup) == []


def test_a_quote_found_by_search_leads_to_its_permalink(client, quote_index, quoted):
    from django.core.management import call_command

    call_command("update_index", verbosity=0)

    soup = get_page(client, "/en/search/?q=Bob")

    links = [a["href"] for a in soup.select(".search-result__title a")]
    assert permalink(quote_index, quoted["bob-2016"]) in links


# In other languages


@pytest.fixture
def french(site_tree, quote_index, quoted, locales):
    """The tree, Ada and the 2016 edition (with its quotes) in French; Bob stays English."""
    translate_pages(
        [site_tree.home, site_tree.editions, site_tree.speakers, site_tree.partners], "fr"
    )
    french_index = translate_page(quote_index, "fr", title="Citations")
    french_ada = translate_page(quoted["ada"], "fr", title="Ada en français")
    french_edition = translate_page(quoted["older"], "fr", title="Édition 2016")
    for french_quote in french_edition.quotes.all():
        french_quote.text = french_quote.text.replace("in 2016", "en 2016")
        french_quote.save()
    return {"index": french_index, "ada": french_ada, "edition": french_edition}


def test_the_french_quotes_page_lists_french_quotes_with_french_links(client, french):
    soup = get_page(client, french["index"].url)

    assert quote_texts(soup) == ["Ada en 2016.", "Bob en 2016."]
    speaker_links = [(text_of(a), a["href"]) for a in soup.main.select(".quote__speaker")]
    assert speaker_links[0] == ("Ada en français", french["ada"].url)
    # Bob has no French page yet: his English one is better than no link.
    assert speaker_links[1][1].startswith("/en/speakers/")
    assert text_of(soup.main.select_one(".search-summary")) == "2 citations"
    assert options(soup, "speaker") == ["Ada en français", "Bob Synthetic"]
    assert options(soup, "edition") == ["Édition 2016"]


def test_the_french_speaker_filter_takes_the_french_page(client, french, quoted):
    soup = get_page(client, f"{french['index'].url}?speaker={french['ada'].pk}")

    assert quote_texts(soup) == ["Ada en 2016."]


def test_a_permalink_leads_to_the_same_quote_in_each_language(client, quote_index, quoted, french):
    key = quoted["ada-2016"].translation_key
    english, in_french = f"/en/quotes/{key}/", f"/fr/quotes/{key}/"

    soup = get_page(client, in_french)

    assert quote_texts(soup) == ["Ada en 2016."]
    assert text_of(soup.h1) == "Ada en français"
    switcher = {
        item["lang"]: (item.a["href"], text_of(item.a))
        for item in soup.select(".language-switcher li")
    }
    assert switcher == {"en": (english, "English"), "fr": (in_french, "Français")}
    alternates = [(link["hreflang"], link["href"]) for link in soup.select("link[hreflang]")]
    assert alternates == [
        ("en", f"http://localhost{english}"),
        ("fr", f"http://localhost{in_french}"),
        ("x-default", f"http://localhost{english}"),
    ]
    assert soup.head.find("link", rel="canonical")["href"] == f"http://localhost{in_french}"
    assert soup.head.find("meta", property="og:locale")["content"] == "fr_FR"


def test_a_quote_not_translated_yet_has_no_permalink_in_that_language(
    client, quote_index, quoted, french
):
    key = quoted["ada-2018"].translation_key

    english = get_page(client, f"/en/quotes/{key}/")

    assert client.get(f"/fr/quotes/{key}/").status_code == 404
    switcher = {item["lang"]: item.a["href"] for item in english.select(".language-switcher li")}
    assert switcher == {"en": f"/en/quotes/{key}/", "fr": "/fr/"}
    assert [link["hreflang"] for link in english.select("link[hreflang]")] == ["en", "x-default"]


# Query counts: the same at a few quotes and at more than a page of them

# Pinned counts: lower them when a change saves a query; never raise them to hide growth.
QUOTES_PAGE_QUERIES = 16
QUOTES_PAGE_FILTERED_QUERIES = 16
PERMALINK_QUERIES = 15


def queries_for(client, address):
    return counted_get(client, address)[0]


def test_the_quotes_page_queries_do_not_grow_with_quotes(client, quote_index, many_quotes):
    counts = {}
    for size in (2, 30):
        edition, person = many_quotes(2 if size == 2 else 28)
        counts[size, "all"] = queries_for(client, quote_index.url)
        counts[size, "filtered"] = queries_for(
            client, f"{quote_index.url}?edition={edition.pk}&speaker={person.pk}&page=2"
        )
        quote = edition.quotes.first()
        counts[size, "permalink"] = queries_for(client, permalink(quote_index, quote))

    assert counts == {
        (2, "all"): QUOTES_PAGE_QUERIES,
        (30, "all"): QUOTES_PAGE_QUERIES,
        (2, "filtered"): QUOTES_PAGE_FILTERED_QUERIES,
        (30, "filtered"): QUOTES_PAGE_FILTERED_QUERIES,
        (2, "permalink"): PERMALINK_QUERIES,
        (30, "permalink"): PERMALINK_QUERIES,
    }
