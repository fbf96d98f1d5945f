"""The Atom feeds of the news (/en/news/feed/) and of the editions (/en/editions/feed/), parsed
back as a feed reader would read them, in each language."""

import datetime
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    EditionPageFactory,
    NewsPageFactory,
    NewsPageTopicFactory,
    TopicFactory,
    VenueFactory,
    translate_page,
)
from tests.queries import counted_get

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PARIS = ZoneInfo("Europe/Paris")

SMALL, LARGE = 2, 10

# Pinned counts: lower them when a change saves a query; never raise them to hide growth.
NEWS_FEED_QUERIES = 11
EDITIONS_FEED_QUERIES = 9


def get_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ElementTree.fromstring(response.content)


def text(element, tag):
    found = element.find(f"{ATOM}{tag}")
    return None if found is None else found.text


def entries(feed):
    return [
        {
            "title": text(entry, "title"),
            "link": entry.find(f"{ATOM}link[@rel='alternate']").get("href"),
            "id": text(entry, "id"),
            "updated": datetime.datetime.fromisoformat(text(entry, "updated")),
            "published": text(entry, "published")
            and datetime.datetime.fromisoformat(text(entry, "published")),
            "summary": text(entry, "summary"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def published(page, **fields):
    """Publish the page (with ``fields`` changed) through a revision, as an editor does."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def russian_indexes(site_tree):
    translate_page(site_tree.home, "ru", title="Синтетическая серия конференций")
    return {
        "editions": translate_page(
            site_tree.editions, "ru", title="Конференции", intro="Синтетический архив."
        ),
        "news": translate_page(
            site_tree.news, "ru", title="Новости", intro="Синтетические новости серии."
        ),
    }


@pytest.fixture
def news(site_tree):
    """Three live news items, the latest dated 3 March 2021, and a draft."""
    topic = TopicFactory(name="Synthetic topic")
    items = [
        NewsPageFactory(
            parent=site_tree.news,
            title=f"Synthetic news of {date:%B}",
            lead=f"Synthetic lead of {date:%B}.",
            date=date,
        )
        for date in (
            datetime.date(2021, 1, 15),
            datetime.date(2021, 3, 3),
            datetime.date(2021, 2, 10),
        )
    ]
    NewsPageTopicFactory(page=items[1], topic=topic)
    NewsPageFactory(parent=site_tree.news, title="Synthetic draft news", live=False)
    return [published(item) for item in items]


# News


def test_news_feed_lists_the_live_news_newest_first(client, site_tree, news):
    feed = get_feed(client, "/en/news/feed/")

    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == "en"
    assert text(feed, "title") == "News – Synthetic conference series"
    assert text(feed, "subtitle") == "Synthetic introduction to the news."
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/en/news/"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/en/news/feed/"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Synthetic conference series"
    found = entries(feed)
    assert [entry["title"] for entry in found] == [
        "Synthetic news of March",
        "Synthetic news of February",
        "Synthetic news of January",
    ]
    march = found[0]
    assert march["link"] == f"http://testserver{news[1].url}"
    assert march["summary"] == "<p>Synthetic lead of March.</p>"
    assert march["categories"] == ["Synthetic topic"]
    assert march["published"] == datetime.datetime(2021, 3, 3, tzinfo=PARIS)
    # Published on the site after the date of the news: updated then.
    assert march["updated"] == news[1].last_published_at
    assert datetime.datetime.fromisoformat(text(feed, "updated")) == max(
        item.last_published_at for item in news
    )
    assert len({entry["id"] for entry in found}) == 3
    assert all(entry["id"].startswith("urn:uuid:") for entry in found)


def test_news_feed_in_russian_lists_only_the_russian_news(client, site_tree, news, russian_indexes):
    translate_page(news[1], "ru", title="Синтетическая новость марта", lead="Синтетический лид.")
    english = get_feed(client, "/en/news/feed/")

    russian = get_feed(client, "/ru/news/feed/")

    assert russian.get(XML_LANG) == "ru"
    assert text(russian, "title") == "Новости – Синтетическая серия конференций"
    assert text(russian, "subtitle") == "Синтетические новости серии."
    assert russian.find(f"{ATOM}link[@rel='alternate']").get("href") == (
        "http://testserver/ru/news/"
    )
    assert russian.find(f"{ATOM}author/{ATOM}name").text == "Синтетическая серия конференций"
    (entry,) = entries(russian)
    assert entry["title"] == "Синтетическая новость марта"
    assert entry["summary"] == "<p>Синтетический лид.</p>"
    assert entry["link"] == f"http://testserver/ru/news/{news[1].slug}/"
    # Another text of the same news: an entry of its own.
    assert entry["id"] not in {english_entry["id"] for english_entry in entries(english)}


def test_news_entry_keeps_its_id_when_renamed_and_moved(client, news):
    before = entries(get_feed(client, "/en/news/feed/"))[0]
    published(news[1], title="Synthetic news, renamed", slug="synthetic-renamed")

    after = entries(get_feed(client, "/en/news/feed/"))[0]

    assert after["title"] == "Synthetic news, renamed"
    assert after["link"] == "http://testserver/en/news/synthetic-renamed/"
    assert after["id"] == before["id"]


def test_news_index_announces_and_links_its_feed(client, site_tree, news):
    soup = BeautifulSoup(client.get("/en/news/").content, "html.parser")

    discovered = soup.find("link", rel="alternate", type="application/atom+xml")
    assert discovered["href"] == "/en/news/feed/"
    assert discovered["title"] == "News"
    assert soup.find("a", string="Subscribe to the feed")["href"] == discovered["href"]
    assert len(entries(get_feed(client, discovered["href"]))) == 3


# Editions


@pytest.fixture
def editions(site_tree):
    venue = VenueFactory(name="Synthetic Hypercube", city="Skolkovo", country="RU")
    return [
        published(
            EditionPageFactory(
                parent=site_tree.editions,
                title=f"Synthetic conference {year}",
                lead=f"Synthetic lead of {year}.",
                theme="",
                start_date=datetime.date(year, 10, 19),
                end_date=datetime.date(year, 10, 20),
                venue=venue,
            )
        )
        for year in (2016, 2018, 2017)
    ]


def test_editions_feed_lists_the_editions_latest_first_with_dates_and_venue(client, editions):
    feed = get_feed(client, "/en/editions/feed/")

    assert text(feed, "title") == "Editions – Synthetic conference series"
    assert text(feed, "subtitle") == "Synthetic introduction to the archive."
    found = entries(feed)
    assert [entry["title"] for entry in found] == [
        "Synthetic conference 2018",
        "Synthetic conference 2017",
        "Synthetic conference 2016",
    ]
    latest = found[0]
    assert latest["link"] == f"http://testserver{editions[1].url}"
    assert latest["summary"] == (
        "<p>19–20 October 2018, Synthetic Hypercube, Skolkovo, Russia</p>"
        "<p>Synthetic lead of 2018.</p>"
    )
    assert latest["updated"] == editions[1].last_published_at
    assert latest["published"] == editions[1].first_published_at


def test_editions_feed_in_russian_lists_the_russian_editions_in_russian(
    client, editions, russian_indexes
):
    translate_page(editions[0], "ru", title="Синтетическая конференция 2016", lead="Лид.")

    feed = get_feed(client, "/ru/editions/feed/")

    assert text(feed, "title") == "Конференции – Синтетическая серия конференций"
    (entry,) = entries(feed)
    assert entry["title"] == "Синтетическая конференция 2016"
    assert entry["link"] == f"http://testserver/ru/editions/{editions[0].slug}/"
    # The interface's part of the text is Russian too: dates and country.
    assert entry["summary"].startswith("<p>19–20 октября 2016, ")
    assert "Россия" in entry["summary"]


def test_edition_archive_announces_and_links_its_feed(client, editions):
    soup = BeautifulSoup(client.get("/en/editions/").content, "html.parser")

    discovered = soup.find("link", rel="alternate", type="application/atom+xml")
    assert discovered["href"] == "/en/editions/feed/"
    assert soup.find("a", string="Subscribe to the feed")["href"] == discovered["href"]
    assert len(entries(get_feed(client, discovered["href"]))) == 3


def test_empty_feeds_are_still_valid_atom(client, site_tree):
    for url in ("/en/news/feed/", "/en/editions/feed/"):
        feed = get_feed(client, url)
        assert entries(feed) == []
        assert text(feed, "updated")
        assert text(feed, "id") == f"http://testserver{url.removesuffix('feed/')}"


@pytest.mark.parametrize(
    "path",
    ["/en/news/feed/extra/", "/en/news/feeds/", "/en/news/feed.xml", "/en/editions/feed/extra/"],
)
def test_unknown_feed_paths_are_not_found(client, site_tree, path):
    assert client.get(path).status_code == 404


# Query counts


def queries_for(client, url):
    count, response = counted_get(client, url)
    return count, entries(ElementTree.fromstring(response.content))


def test_news_feed_queries_do_not_grow_with_news(client, site_tree):
    counts = []
    for size in (SMALL, LARGE):
        while len(site_tree.news.get_children()) < size:
            item = NewsPageFactory(parent=site_tree.news)
            NewsPageTopicFactory(page=item)
        count, found = queries_for(client, "/en/news/feed/")
        assert len(found) == size
        assert all(entry["categories"] for entry in found)
        counts.append(count)

    assert counts == [NEWS_FEED_QUERIES, NEWS_FEED_QUERIES]


def test_editions_feed_queries_do_not_grow_with_editions(client, site_tree):
    counts = []
    for size in (SMALL, LARGE):
        while len(site_tree.editions.get_children()) < size:
            EditionPageFactory(parent=site_tree.editions, venue=VenueFactory())
        count, found = queries_for(client, "/en/editions/feed/")
        assert len(found) == size
        counts.append(count)

    assert counts == [EDITIONS_FEED_QUERIES, EDITIONS_FEED_QUERIES]
