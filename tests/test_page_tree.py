"""The page tree the admin allows: a home page under the root, one index of each kind under a
home page, and each kind of content under its own index, nowhere else."""

import itertools

import pytest
from django.urls import reverse
from wagtail.models import Page

from editions.models import EditionIndexPage, EditionPage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from partners.models import OrganisationPage, PartnerIndexPage
from quotes.models import QuoteIndexPage
from speakers.models import SpeakerIndexPage, SpeakerPage
from tests.factories import (
    EditionPageFactory,
    HomePageFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    SpeakerPageFactory,
)

INDEX_MODELS = [EditionIndexPage, SpeakerIndexPage, PartnerIndexPage, NewsIndexPage, QuoteIndexPage]
PAGE_MODELS = [
    HomePage,
    *INDEX_MODELS,
    EditionPage,
    SpeakerPage,
    OrganisationPage,
    NewsPage,
]

# Where an editor may put each page.
PARENTS = [
    "root",
    "home without indexes",
    "home with its indexes",
    "edition archive",
    "speaker directory",
    "partner directory",
    "news index",
    "edition",
    "speaker",
    "organisation",
    "news item",
]
CAN_CREATE = {
    (HomePage, "root"),
    (EditionIndexPage, "home without indexes"),
    (SpeakerIndexPage, "home without indexes"),
    (PartnerIndexPage, "home without indexes"),
    (NewsIndexPage, "home without indexes"),
    (QuoteIndexPage, "home without indexes"),
    (EditionPage, "edition archive"),
    (SpeakerPage, "speaker directory"),
    (OrganisationPage, "partner directory"),
    (NewsPage, "news index"),
}


@pytest.fixture
def make_parent(request, db):
    """Builds the page named in PARENTS, creating only the part of the tree it needs."""

    def fixture(name):
        return request.getfixturevalue(name)

    def home_with_its_indexes():
        fixture("quote_index")  # the one index site_tree leaves out
        return fixture("site_tree").home

    builders = {
        "root": lambda: fixture("root_page"),
        "home without indexes": lambda: fixture("home_page"),
        "home with its indexes": lambda: home_with_its_indexes(),
        "edition archive": lambda: fixture("edition_index"),
        "speaker directory": lambda: fixture("speaker_index"),
        "partner directory": lambda: fixture("partner_index"),
        "news index": lambda: fixture("news_index"),
        "edition": lambda: EditionPageFactory(parent=fixture("edition_index")),
        "speaker": lambda: SpeakerPageFactory(parent=fixture("speaker_index")),
        "organisation": lambda: OrganisationPageFactory(parent=fixture("partner_index")),
        "news item": lambda: NewsPageFactory(parent=fixture("news_index")),
    }
    return lambda name: builders[name]()


@pytest.mark.parametrize(
    ("model", "parent", "allowed"),
    [
        pytest.param(
            model,
            parent,
            (model, parent) in CAN_CREATE,
            id=f"{model.__name__}-under-{parent.replace(' ', '-')}-"
            + ("allowed" if (model, parent) in CAN_CREATE else "refused"),
        )
        for model, parent in itertools.product(PAGE_MODELS, PARENTS)
    ],
)
def test_page_can_be_created_only_where_it_belongs(make_parent, model, parent, allowed):
    assert model.can_create_at(make_parent(parent)) is allowed


@pytest.mark.parametrize(
    ("model", "parent_models", "subpage_models"),
    [
        pytest.param(HomePage, [Page], INDEX_MODELS, id="HomePage"),
        *(
            pytest.param(index, [HomePage], content, id=index.__name__)
            for index, content in zip(
                INDEX_MODELS,
                # The quotes page has no pages below it: its quotes are the editions'.
                [[EditionPage], [SpeakerPage], [OrganisationPage], [NewsPage], []],
                strict=True,
            )
        ),
        pytest.param(EditionPage, [EditionIndexPage], [], id="EditionPage"),
        pytest.param(SpeakerPage, [SpeakerIndexPage], [], id="SpeakerPage"),
        pytest.param(OrganisationPage, [PartnerIndexPage], [], id="OrganisationPage"),
        pytest.param(NewsPage, [NewsIndexPage], [], id="NewsPage"),
    ],
)
def test_page_type_declares_its_parents_and_children(model, parent_models, subpage_models):
    assert set(model.allowed_parent_page_models()) == set(parent_models)
    assert set(model.allowed_subpage_models()) == set(subpage_models)


@pytest.mark.parametrize("index_model", INDEX_MODELS, ids=lambda model: model.__name__)
def test_home_page_holds_one_index_of_each_kind(site_tree, quote_index, root_page, index_model):
    other_home = HomePageFactory(parent=root_page, slug="other-home")

    assert index_model.max_count_per_parent == 1
    assert not index_model.can_create_at(site_tree.home)
    assert index_model.can_create_at(other_home)


def test_home_page_cannot_be_created_under_a_plain_page_other_than_the_root(root_page):
    placeholder = root_page.add_child(instance=Page(title="Welcome placeholder", slug="welcome"))

    assert not HomePage.can_create_at(placeholder)


# Through the admin


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def assert_refused_with_a_message(response, client):
    """Wagtail answers a refused page type by sending the editor to the dashboard."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    dashboard = client.get(response["Location"])
    assert "Sorry, you do not have permission to access this area." in [
        str(message).strip() for message in dashboard.context["messages"]
    ]


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        pytest.param(EditionPage, "home", id="edition-under-home"),
        pytest.param(EditionPage, "speakers", id="edition-under-speaker-directory"),
        pytest.param(SpeakerPage, "editions", id="speaker-under-edition-archive"),
        pytest.param(EditionIndexPage, "home", id="second-edition-archive"),
    ],
)
def test_admin_refuses_to_open_the_create_form_where_the_page_cannot_go(
    superuser_client, site_tree, model, parent
):
    response = superuser_client.get(add_url(model, getattr(site_tree, parent)))

    assert_refused_with_a_message(response, superuser_client)


def test_admin_refuses_to_create_an_edition_under_a_home_page(superuser_client, site_tree):
    pages_before = Page.objects.count()

    response = superuser_client.post(
        add_url(EditionPage, site_tree.home),
        {"title": "Misplaced synthetic edition", "slug": "misplaced", "year": "2016"},
    )

    assert_refused_with_a_message(response, superuser_client)
    assert Page.objects.count() == pages_before
    assert not EditionPage.objects.exists()


def test_admin_offers_only_the_missing_indexes_under_a_home_page(
    superuser_client, home_page, edition_index, news_index
):
    response = superuser_client.get(reverse("wagtailadmin_pages:add_subpage", args=(home_page.pk,)))

    offered = {
        model_name for _label, _app, model_name, _description in response.context["page_types"]
    }
    assert offered == {"speakerindexpage", "partnerindexpage", "quoteindexpage"}


def test_admin_goes_straight_to_the_edition_form_in_the_archive(superuser_client, edition_index):
    """The archive accepts editions only, so the admin skips the choice of page type."""
    response = superuser_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=(edition_index.pk,))
    )

    assert response.status_code == 302
    assert response["Location"] == add_url(EditionPage, edition_index)
