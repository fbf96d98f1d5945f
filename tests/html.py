"""Reading pages as a visitor does: parsed HTML and the text it shows."""

import re

from bs4 import BeautifulSoup


def get_page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def text_of(element):
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True))


def section(soup, section_id):
    found = soup.find(id=section_id)
    assert found is not None, f"no section #{section_id}"
    return found


def soup_of(response):
    """The parsed HTML of a response that must answer 200."""
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")
