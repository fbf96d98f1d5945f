"""Fixtures shared by the whole suite.

The page tree mirrors the real site: the Wagtail root, a HomePage (the default Site's root),
and under it the four index pages. Each level is its own fixture so a test asks only for
what it needs; ``site_tree`` bundles them.
"""

from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from editions.models import EditionIndexPage
from home.models import HomePage
from localisation.catalogues import compile_catalogues
from news.models import NewsIndexPage
from partners.models import PartnerIndexPage
from quotes.models import QuoteIndexPage
from speakers.models import SpeakerIndexPage
from tests.database import demo_loaded, test_databases
from tests.factories import (
    EditionIndexPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    PartnerIndexPageFactory,
    QuoteIndexPageFactory,
    SpeakerIndexPageFactory,
)


def pytest_collection_modifyitems(items):
    """Layer the suite: a test that touches the database is an integration test, any other a
    unit test (``pytest -m unit`` runs in seconds). A test may say so itself."""
    for item in items:
        if item.get_closest_marker("unit") or item.get_closest_marker("integration"):
            continue
        # django_db_blocker is in every test's closure (pytest-django's autouse fixtures use
        # it): a test reaches the database through these.
        uses_database = item.get_closest_marker("django_db") or {
            "db",
            "transactional_db",
            "django_db_setup",
        } & set(getattr(item, "fixturenames", ()))
        item.add_marker(pytest.mark.integration if uses_database else pytest.mark.unit)


@pytest.fixture(scope="session", autouse=True)
def no_reference_index():
    """Wagtail's reference index (where each object is used, for the admin's "usage" views)
    is rebuilt on every save of a page or row: no test reads it, and it costs a fifth of the
    suite's time."""
    with disable_reference_index_auto_update():
        yield


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,  # a database per xdist worker: test_<name>_gw0, ...
    django_db_keepdb,
    django_db_createdb,
):
    """The migrated test database, copied from a file built once for the current migrations
    (tests/database.py), without Wagtail's placeholder "Welcome" page."""
    keepdb = django_db_keepdb and not django_db_createdb
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock(), test_databases(verbosity, keepdb=keepdb):
        yield


def _search_index_updates(connect):
    """Connect or disconnect the search backend's handlers, which index an object on every
    save (a fifth of a page's saving time)."""
    for model in search_index.get_indexed_models():
        if getattr(model, "search_auto_update", True):
            for signal, handler in (
                (post_save, post_save_signal_handler),
                (post_delete, post_delete_signal_handler),
            ):
                (signal.connect if connect else signal.disconnect)(handler, sender=model)


@pytest.fixture(scope="session", autouse=True)
def no_search_index_updates():
    """Only the tests that search keep the search index up to date: mark a module or a test
    with ``@pytest.mark.search_index``."""
    _search_index_updates(connect=False)
    yield
    _search_index_updates(connect=True)


@contextmanager
def search_index_updates(node):
    if node.get_closest_marker("search_index"):
        _search_index_updates(connect=True)
        yield
        _search_index_updates(connect=False)
    else:
        yield


@pytest.fixture(scope="module", autouse=True)
def search_index_for_marked_modules(request):
    with search_index_updates(request.node):
        yield


@pytest.fixture(autouse=True)
def search_index_for_marked_tests(request):
    if request.node.parent.get_closest_marker("search_index"):
        yield  # the module's fixture keeps it up to date already
        return
    with search_index_updates(request.node):
        yield


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The interface translations, compiled from site/locale/*.po before any test renders a page
    (`make test` compiles them too; this covers a bare `pytest`)."""
    compile_catalogues()


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """Each test starts in the site's default language: a request (to /fr/, or with a Russian
    Accept-Language) leaves its language active in the thread (LocaleMiddleware activates,
    nothing deactivates), and reverse() and gettext would follow it into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo in three languages (``manage.py load_demo``) for the whole test module, loaded
    once per version of the code and copied in (tests/database.py); each test's own changes
    are rolled back after the test. Its value is the loader's output.

    Keep tests that build their own tree out of modules that use it: the demo stays in the
    database until the module ends.
    """
    with django_db_blocker.unblock(), demo_loaded() as output:
        yield output


@pytest.fixture
def root_page(db):
    """Wagtail's tree root (depth 1), the parent of every home page."""
    return Page.get_first_root_node()


def make_home_page(root_page):
    """A HomePage under the root, made the default Site's root page, as the demo loader does
    (the test database has no Wagtail placeholder "Welcome" page: tests/database.py)."""
    home = HomePageFactory(parent=root_page, slug="home-page")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def home_page(root_page) -> HomePage:
    return make_home_page(root_page)


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


def build_site_tree():
    """The skeleton of ``site_tree``, for fixtures of a wider scope than a test's."""
    root = Page.get_first_root_node()
    home = make_home_page(root)
    return SiteTree(
        root=root,
        home=home,
        editions=EditionIndexPageFactory(parent=home, slug="editions"),
        speakers=SpeakerIndexPageFactory(parent=home, slug="speakers"),
        partners=PartnerIndexPageFactory(parent=home, slug="partners"),
        news=NewsIndexPageFactory(parent=home, slug="news"),
    )


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
