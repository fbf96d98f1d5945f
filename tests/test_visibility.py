"""One rule for what a visitor may see (core.visibility), checked in every public output.

Each kind of page (an edition, a speaker, an organisation, a news item, an index with the pages
under it) is hidden in each way Wagtail offers (unpublished; restricted by password, to logged-in
users, to groups), and then no public output may name it: the pages, home-page blocks,
previous/next links, feeds, calendars, the sitemap, search, the API's listings and relations,
quote permalinks and the language switcher. A control test shows every output does name it when
nothing is hidden, so that the table cannot pass by reading empty pages.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from core.visibility import visible
from editions.models import EditionPage, EditionQuote
from speakers.models import SpeakerPage
from tests.conftest import build_site_tree
from tests.factories import (
    EditionPageFactory,
    EditionPartnerFactory,
    EditionQuoteFactory,
    EditionSpeakerFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    ProgrammeSessionFactory,
    QuoteIndexPageFactory,
    SpeakerPageFactory,
    translate_page,
)

# Search is one of the outputs checked: the index must follow every change.
pytestmark = [pytest.mark.integration, pytest.mark.search_index]

# A word only the page to hide (and what it says) carries, per kind of page.
MARKERS = {
    "edition": "Zephyrine",
    "speaker": "Quillondrake",
    "organisation": "Brackwater",
    "news": "Ombrellino",
    "index": "Quillondrake",  # the speaker directory: the person listed under it vanishes too
}

# Every public output, as addresses on the tree below.
OUTPUTS = [
    "/en/",
    "/en/editions/",
    "/en/editions/2016/",
    "/en/editions/2017/",
    "/en/editions/feed/",
    "/en/editions/calendar/",
    "/en/editions/2016/calendar/",
    "/en/speakers/",
    "/en/speakers/synthetic-speaker-control/",
    "/en/partners/",
    "/en/partners/synthetic-organisation-control/",
    "/en/news/",
    "/en/news/feed/",
    "/en/quotes/",
    "/en/search/?q=Synthetic",
    "/sitemap.xml",
    "/api/v2/pages/?limit=20",
    "/api/v2/editions/?fields=*",
    "/api/v2/speakers/?fields=*",
    "/api/v2/organisations/?fields=*",
    "/api/v2/news/?fields=*",
    "/api/v2/quotes/?fields=*",
]

# Which outputs show each page to hide while it is visible: the control test's table, and where
# the hidden page must no longer appear. Every output of OUTPUTS shows some kind.
SHOWN_IN = {
    "edition": [
        "/en/",
        "/en/editions/",
        "/en/editions/2017/",
        "/en/editions/feed/",
        "/en/editions/calendar/",
        "/en/speakers/synthetic-speaker-control/",
        "/en/partners/synthetic-organisation-control/",
        "/en/quotes/",
        "/en/search/?q=Synthetic",
        "/api/v2/editions/?fields=*",
        "/api/v2/speakers/?fields=*",
        "/api/v2/quotes/?fields=*",
        "/api/v2/news/?fields=*",
    ],
    "speaker": [
        "/en/editions/2016/",
        "/en/editions/2016/calendar/",
        "/en/speakers/",
        "/en/partners/synthetic-organisation-control/",
        "/en/quotes/",
        "/en/search/?q=Synthetic",
        "/sitemap.xml",
        "/api/v2/speakers/?fields=*",
        "/api/v2/editions/?fields=*",
        "/api/v2/quotes/?fields=*",
    ],
    "organisation": [
        "/en/editions/2016/",
        "/en/partners/",
        "/en/speakers/",
        "/en/speakers/synthetic-speaker-control/",
        "/en/search/?q=Synthetic",
        "/api/v2/organisations/?fields=*",
        "/api/v2/editions/?fields=*",
        "/api/v2/speakers/?fields=*",
    ],
    "news": [
        "/en/",
        "/en/news/",
        "/en/news/feed/",
        "/en/editions/2016/",
        "/en/search/?q=Synthetic",
        "/api/v2/news/?fields=*",
        "/api/v2/pages/?limit=20",
    ],
}
SHOWN_IN["index"] = SHOWN_IN["speaker"]
# Outputs that list every kind of page.
EVERY_KIND = ["/sitemap.xml", "/en/search/?q=Synthetic", "/api/v2/pages/?limit=20"]


@pytest.fixture(scope="module")
def tree(django_db_setup, django_db_blocker):
    """A small series, built once for the module and rolled back after it: two visible
    editions (2016 and 2017) and the one to hide (2035, which 2017's next link and the home
    page would show), people, partners and news, each kind with one page to hide."""
    with django_db_blocker.unblock(), transaction.atomic():
        site = build_site_tree()
        QuoteIndexPageFactory(parent=site.home, slug="quotes", title="Quotes")
        control_org = OrganisationPageFactory(
            parent=site.partners, title="Synthetic Organisation Control"
        )
        hidden_org = OrganisationPageFactory(
            parent=site.partners, title="Synthetic Organisation Brackwater"
        )
        control = SpeakerPageFactory(
            parent=site.speakers, title="Synthetic Speaker Control", organisation=hidden_org
        )
        hidden_speaker = SpeakerPageFactory(
            parent=site.speakers,
            title="Synthetic Speaker Quillondrake",
            organisation=control_org,
        )
        hidden_edition = EditionPageFactory(
            parent=site.editions,
            title="Synthetic Edition Zephyrine",
            start_date=datetime.date(2035, 5, 4),
            slug="2035",
        )
        shown = EditionPageFactory(
            parent=site.editions,
            title="Synthetic Edition 2016",
            start_date=datetime.date(2016, 10, 19),
            slug="2016",
        )
        EditionPageFactory(
            parent=site.editions,
            title="Synthetic Edition 2017",
            start_date=datetime.date(2017, 10, 19),
            slug="2017",
        )
        EditionSpeakerFactory(page=hidden_edition, speaker=control, organisation=control_org)
        EditionQuoteFactory(page=hidden_edition, speaker=control, text="What Zephyrine heard.")
        EditionPartnerFactory(page=hidden_edition, organisation=control_org)
        EditionSpeakerFactory(page=shown, speaker=control, organisation=hidden_org)
        EditionSpeakerFactory(page=shown, speaker=hidden_speaker, organisation=control_org)
        EditionQuoteFactory(page=shown, speaker=hidden_speaker, text="Synthetic words said.")
        EditionPartnerFactory(page=shown, organisation=hidden_org)
        ProgrammeSessionFactory(
            page=shown,
            title="Synthetic session",
            speakers=[("speaker", hidden_speaker), ("speaker", control)],
        )
        NewsPageFactory(
            parent=site.news, title="Synthetic News Ombrellino", edition=shown, slug="ombrellino"
        )
        NewsPageFactory(
            parent=site.news,
            title="Synthetic News Control",
            edition=hidden_edition,
            date=datetime.date(2000, 1, 1),
        )
        targets = {
            "edition": hidden_edition,
            "speaker": hidden_speaker,
            "organisation": hidden_org,
            "news": Page.objects.get(slug="ombrellino"),
            "index": site.speakers,
        }
        yield {kind: page.pk for kind, page in targets.items()}
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def pages(tree, db):
    """The pages to hide, fresh from the database: a test's changes to them are rolled back
    after it, but not in the objects a wider-scoped fixture would keep."""
    return {kind: Page.objects.get(pk=pk) for kind, pk in tree.items()}


def is_visible(page):
    return visible(Page.objects.filter(pk=page.pk)).exists()


def hide(page, way):
    if way == "unpublished":
        page.specific.unpublish()
    elif way == "groups":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name="Synthetic reviewers"))
    else:
        PageViewRestriction.objects.create(
            page=page,
            restriction_type=way,
            password="synthetic" if way == PageViewRestriction.PASSWORD else "",
        )


def read(client, url):
    """What the address shows, lowercased: markers are looked for in titles and addresses."""
    response = client.get(url)
    assert response.status_code < 500, url
    return response.content.decode().lower()


@pytest.mark.parametrize("way", ["unpublished", "password", "login", "groups"])
@pytest.mark.parametrize("kind", sorted(MARKERS))
def test_a_hidden_page_appears_in_no_public_output(client, pages, kind, way):
    page = pages[kind]
    hide(page, way)
    cache.clear()
    assert not is_visible(page)
    # Where the page shows when visible (the control test below), and what lists every kind.
    outputs = dict.fromkeys([*SHOWN_IN[kind], *EVERY_KIND])
    shown = [url for url in outputs if MARKERS[kind].lower() in read(client, url)]
    assert shown == []
    # Its own address answers without its content (a password form, a login, a 404).
    own = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert page.title not in own.get_text(" ")


def test_the_table_covers_every_output():
    assert set(OUTPUTS) == {url for urls in SHOWN_IN.values() for url in urls} | set(EVERY_KIND)


@pytest.mark.parametrize("kind", sorted(MARKERS))
def test_each_page_to_hide_shows_in_its_outputs_when_visible(client, pages, kind):
    assert is_visible(pages[kind])
    missing = [url for url in SHOWN_IN[kind] if MARKERS[kind].lower() not in read(client, url)]
    assert missing == []


def test_a_hidden_edition_links_its_neighbours_past_itself(client, pages):
    hide(pages["edition"], "login")
    assert "synthetic edition 2016" in read(client, "/en/editions/2017/")
    assert "synthetic edition 2017" in read(client, "/en/editions/2016/")


def test_under_an_unpublished_index_pages_are_not_served_either(client, pages):
    hide(pages["index"], "unpublished")
    assert client.get("/en/speakers/synthetic-speaker-control/").status_code == 404


def test_visible_pages_of_a_language_are_those_of_that_locale(pages):
    english = pages["edition"].locale
    assert set(visible(SpeakerPage.objects.all(), english).values_list("title", flat=True)) == {
        "Synthetic Speaker Control",
        "Synthetic Speaker Quillondrake",
    }


@pytest.mark.parametrize("way", ["unpublished", "password"])
def test_a_hidden_translation_is_neither_an_alternate_nor_offered_by_the_switcher(
    client, pages, way
):
    edition = EditionPage.objects.get(slug="2016")
    home = edition.get_parent().get_parent()
    translate_page(home, "fr")
    translate_page(edition.get_parent(), "fr")
    french = translate_page(edition, "fr", title="Édition synthétique 2016")
    assert '<link rel="alternate" hreflang="fr"' in read(client, edition.url)

    hide(french, way)
    english = BeautifulSoup(client.get(edition.url).content, "html.parser")

    assert english.select('link[rel="alternate"][hreflang="fr"]') == []
    switcher = english.select_one('.language-switcher a[hreflang="fr"]')
    # The French home page, with the note, in French, that the page is not translated yet.
    assert switcher["href"] == "/fr/"
    assert "pas encore traduite" in switcher.get_text()


def test_the_permalink_of_a_quote_from_a_hidden_edition_is_not_found(client, pages):
    quote = EditionQuote.objects.get(text="What Zephyrine heard.")
    address = f"/en/quotes/{quote.translation_key}/"
    assert client.get(address).status_code == 200

    hide(pages["edition"], "groups")

    assert client.get(address).status_code == 404
