"""Every parameter of every API endpoint, given a value it cannot use, is answered with a JSON
message (400) or, when the value happens to be usable, a normal listing: never a server error,
never HTML."""

import json

import pytest
from wagtail.models import Page

from api.router import api_router
from tests.factories import (
    EditionPageFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    SpeakerPageFactory,
)

pytestmark = pytest.mark.integration

# One of each kind of trouble: not a number, a negative number, a number no database holds,
# a NUL, bytes that are not UTF-8, and the syntax of ?fields= where it means nothing.
HOSTILE_VALUES = ["abc", "-1", "99999999999999999999999999", "%00", "%FF%FE", "a,b(c)"]


def parameters_of(endpoint):
    """What a query string may name on the endpoint: its operations (fields, limit, locale,
    ...) and every field it filters on (?year=..., ?slug=...)."""
    model = getattr(endpoint, "model", None) or Page
    filters = endpoint.get_available_fields(model, db_fields_only=True)
    return sorted((set(endpoint.known_query_parameters) | set(filters)) - {"_"})


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """One edition with a speaker and a quote, so that every relation has something to show."""
    from django.db import transaction

    from tests.conftest import build_site_tree

    with django_db_blocker.unblock(), transaction.atomic():
        tree = build_site_tree()
        edition = EditionPageFactory(parent=tree.editions)
        speaker = SpeakerPageFactory(parent=tree.speakers)
        EditionSpeakerFactory(page=edition, speaker=speaker)
        quote = EditionQuoteFactory(page=edition, speaker=speaker)
        yield {
            "editions": edition.pk,
            "pages": edition.pk,
            "speakers": speaker.pk,
            "quotes": quote.pk,
        }
        transaction.set_rollback(True)


def problems_with(client, url):
    response = client.get(url)
    if response.status_code not in (200, 400, 404):
        return f"{url[:90]}: {response.status_code}"
    if not response["Content-Type"].startswith("application/json"):
        return f"{url[:90]}: {response['Content-Type']}"
    data = json.loads(response.content)
    if response.status_code != 200 and not data.get("message"):
        return f"{url[:90]}: {response.status_code} without a message"
    return None


@pytest.mark.parametrize("name", sorted(api_router._endpoints))
def test_every_listing_parameter_with_a_hostile_value_is_answered_in_json(client, archive, name):
    endpoint = api_router._endpoints[name]
    urls = [
        f"/api/v2/{name}/?{parameter}={value}"
        for parameter in parameters_of(endpoint)
        for value in HOSTILE_VALUES
    ]

    problems = [problem for url in urls if (problem := problems_with(client, url))]

    assert len(urls) > 5 * len(HOSTILE_VALUES)
    assert problems == []


@pytest.mark.parametrize("name", ["editions", "pages", "speakers", "quotes"])
def test_every_detail_parameter_with_a_hostile_value_is_answered_in_json(client, archive, name):
    urls = [
        f"/api/v2/{name}/{archive[name]}/?{parameter}={value}"
        for parameter in ("fields", "format", "rich_text_format", "site", "locale", "colour")
        for value in HOSTILE_VALUES
    ]

    problems = [problem for url in urls if (problem := problems_with(client, url))]

    assert problems == []
