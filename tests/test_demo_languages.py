"""Wherever a visitor goes in the Russian and French demo, the interface speaks their language:
no interface string is left in English on any live page, nor on the error page."""

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(__file__).resolve().parent.parent / "site" / "locale"


def template_strings(language):
    """The catalogue's strings used in public templates whose translation differs from the
    English (a French "Programme" is still "Programme"), without placeholders."""
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    return {
        entry.msgid
        for entry in po
        if entry.msgstr
        and entry.msgstr != entry.msgid
        and "%" not in entry.msgid
        and len(entry.msgid) > 3
        and any(path.endswith(".html") for path, _line in entry.occurrences)
        and not any(path.startswith("localisation/templates") for path, _line in entry.occurrences)
    }


def visible_text_in(html, language):
    """The page's visible text, without what is marked as another language (the language
    switcher names each language in its own)."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "head"]):
        element.decompose()
    for element in soup.select("[lang]"):
        if element.name != "html" and element["lang"] != language:
            element.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" ", strip=True))


def english_left_in(text, strings):
    return sorted(s for s in strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_every_demo_page_has_its_interface_in_the_language(client, demo, language):
    strings = template_strings(language)
    pages = Page.objects.live().filter(locale__language_code=language).specific()
    urls = [page.url for page in pages]
    assert len(urls) == 14  # home, 5 indexes, 3 organisations, 3 speakers, the edition, the news

    leftovers = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, url
        found = english_left_in(visible_text_in(html, language), strings)
        if found:
            leftovers[url] = found

    assert leftovers == {}


@pytest.mark.parametrize(
    ("language", "heading"), [("ru", "Страница не найдена"), ("fr", "Page introuvable")]
)
def test_the_404_page_speaks_the_language_of_its_prefix(client, demo, language, heading):
    response = client.get(f"/{language}/no-such-page/")

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True) == heading
