"""The site stays up when what it leans on fails: with Redis down every page and the API are
served from the database; with the database down a visitor gets a short page in their language,
503 with Retry-After, never a bare 500, and the next request after the database returns is
served."""

import logging
import socket
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import Client, override_settings

from conference_site.settings.base import redis_cache
from tests.factories import EditionPageFactory, SpeakerPageFactory
from tests.html import soup_of, text_of

pytestmark = pytest.mark.integration


def closed_port():
    """A port on 127.0.0.1 that nothing listens on: connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down():
    # Cache errors are logged once a minute: start each test with a clean slate.
    for once_a_minute in logging.getLogger("django_redis.cache").filters:
        once_a_minute.last_seen.clear()
    with override_settings(CACHES={"default": redis_cache(f"redis://127.0.0.1:{closed_port()}/0")}):
        yield caches["default"]


@pytest.fixture
def edition(site_tree):
    return EditionPageFactory(parent=site_tree.editions, title="Synthetic Edition 2031")


def test_with_redis_down_pages_the_api_and_the_sitemap_are_served(
    client, site_tree, edition, redis_down, caplog
):
    SpeakerPageFactory(parent=site_tree.speakers, title="Synthetic Speaker Redisless")

    with caplog.at_level(logging.ERROR, logger="django_redis.cache"):
        home = client.get("/en/")
        edition_page = client.get(edition.url)
        speakers = client.get("/en/speakers/")
        api = client.get("/api/v2/editions/")
        sitemap = client.get("/sitemap.xml")

    assert home.status_code == edition_page.status_code == speakers.status_code == 200
    assert text_of(soup_of(edition_page).h1) == "Synthetic Edition 2031"
    assert "Synthetic Speaker Redisless" in text_of(soup_of(speakers).main)
    assert [item["title"] for item in api.json()["items"]] == ["Synthetic Edition 2031"]
    assert edition.full_url.encode() in sitemap.content
    # Logged once, on one line, however many cache calls failed: enough to see Redis is away.
    [logged] = [record for record in caplog.records if record.name == "django_redis.cache"]
    assert logged.getMessage().startswith("Exception ignored: ConnectionError: ")
    assert logged.exc_info is None


def test_a_cache_that_cannot_be_reached_answers_a_miss_within_a_second(redis_down):
    redis_down.set("key", "value")

    assert redis_down.get("key", "a miss") == "a miss"


def failing_database(*args, **kwargs):
    raise OperationalError(
        "connection to server at 127.0.0.1, port 5432 failed: Connection refused"
    )


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/", "Back in a moment"),
        ("/ru/", "Сейчас вернёмся"),
        ("/fr/editions/", "De retour dans un instant"),
    ],
)
def test_with_the_database_down_a_visitor_reads_a_503_in_their_language(site_tree, path, heading):
    visitor = Client(raise_request_exception=False)

    with mock.patch.object(connection, "ensure_connection", failing_database):
        response = visitor.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Cache-Control"] == "no-store"
    page = BeautifulSoup(response.content, "html.parser")
    assert text_of(page.h1) == heading
    assert page.html["lang"] == path.split("/")[1]


def test_the_first_request_after_the_database_returns_is_served(site_tree, edition):
    visitor = Client(raise_request_exception=False)
    url = edition.url
    with mock.patch.object(connection, "ensure_connection", failing_database):
        assert visitor.get(url).status_code == 503

    response = visitor.get(url)

    assert response.status_code == 200
    assert text_of(soup_of(response).h1) == "Synthetic Edition 2031"


def test_any_other_failure_is_the_500_page_in_the_visitors_language(site_tree):
    visitor = Client(raise_request_exception=False)

    with mock.patch("home.models.HomePage.get_context", side_effect=ValueError("a bug")):
        response = visitor.get("/fr/")

    assert response.status_code == 500
    assert "Retry-After" not in response
    assert text_of(BeautifulSoup(response.content, "html.parser").h1) == "Un problème est survenu"
