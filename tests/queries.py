"""Counting the queries a visitor's request costs, for the pinned query counts."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def counted_get(client, url):
    """(number of queries, response) of a GET of ``url``, after a first GET that warms what
    is cached between requests (site root paths, renditions). Both must answer 200."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response
