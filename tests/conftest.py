"""Fixtures shared by the whole suite.

The page tree mirrors the real site: the Wagtail root, a HomePage (the default Site's root),
and under it the four index pages. Each level is its own fixture so a test asks only for
what it needs; ``site_tree`` bundles them.
"""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page, Site

from editions.models import EditionIndexPage
from home.models import HomePage
from localisation.catalogues import compile_catalogues
from news.models import NewsIndexPage
from partners.models import PartnerIndexPage
from quotes.models import QuoteIndexPage
from speakers.models import SpeakerIndexPage
from tests.factories import (
    EditionIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    PartnerIndexPageFactory,
    QuoteIndexPageFactory,
    SpeakerIndexPageFactory,
)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The interface translations, compiled from site/locale/*.po before any test renders a page
    (`make test` compiles them too; this covers a bare `pytest`)."""
    compile_catalogues()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo in three languages (``manage.py load_demo``), built once per test module (it
    takes seconds) inside a transaction rolled back after the module; each test's own changes
    are rolled back after the test. Its value is the loader's output.

    Keep tests that build their own tree out of modules that use it: the demo stays in the
    database until the module ends.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    # Wagtail caches the site's root paths; they must not outlive the rolled-back pages.
    cache.clear()


@pytest.fixture
def root_page(db):
    """Wagtail's tree root (depth 1), the parent of every home page."""
    return Page.get_first_root_node()


@pytest.fixture
def home_page(root_page) -> HomePage:
    """A HomePage under the root, made the default Site's root page.

    Wagtail's placeholder "Welcome" page is removed, as the demo loader does, so that URLs
    and the tree look like the real site's.
    """
    home = HomePageFactory(parent=root_page, slug="home-page")
    site = Site.objects.get(is_default_site=True)
    placeholder = site.root_page
    site.root_page = home
    site.save()
    if placeholder.specific_class is Page and not placeholder.get_children().exists():
        placeholder.delete()
    return home


@pytest.fixture
def edition_index(home_page) -> EditionIndexPage:
    return EditionIndexPageFactory(parent=home_page, slug="editions")


@pytest.fixture
def speaker_index(home_page) -> SpeakerIndexPage:
    return SpeakerIndexPageFactory(parent=home_page, slug="speakers")


@pytest.fixture
def partner_index(home_page) -> PartnerIndexPage:
    return PartnerIndexPageFactory(parent=home_page, slug="partners")


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    return NewsIndexPageFactory(parent=home_page, slug="news")


@pytest.fixture
def quote_index(home_page) -> QuoteIndexPage:
    """The quotes page. Not part of ``site_tree``: it adds an entry to every page's menu."""
    return QuoteIndexPageFactory(parent=home_page, slug="quotes")


@dataclass(frozen=True)
class SiteTree:
    root: Page
    home: HomePage
    editions: EditionIndexPage
    speakers: SpeakerIndexPage
    partners: PartnerIndexPage
    news: NewsIndexPage


@pytest.fixture
def site_tree(root_page, home_page, edition_index, speaker_index, partner_index, news_index):
    """The whole skeleton: ``site_tree.home``, ``.editions``, ``.speakers``, ``.partners``,
    ``.news`` (the four index pages) and ``.root``."""
    return SiteTree(
        root=root_page,
        home=home_page,
        editions=edition_index,
        speakers=speaker_index,
        partners=partner_index,
        news=news_index,
    )


@pytest.fixture
def locales(db):
    """The three content languages as Locale rows, keyed by language code (the migrations
    create only the default, English)."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru", "fr")
    }


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="synthetic-superuser", email="superuser@example.org", password="unused"
    )


@pytest.fixture
def superuser_client(client, superuser):
    """A test client logged in to the Wagtail admin as a superuser."""
    client.force_login(superuser)
    return client
