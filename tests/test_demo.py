"""The demo series is built from the 2016 press release, once, and never twice."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from editions.models import EditionPage, Venue
from home.models import HomePage
from news.models import NewsPage, Topic
from partners.models import OrganisationPage
from speakers.models import SpeakerPage

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def content_snapshot():
    """Everything the demo creates, as comparable data."""
    return {
        "pages": sorted(
            Page.objects.values_list("url_path", "content_type__model", "live", "title")
        ),
        "venues": sorted(Venue.objects.values_list("name", "place", "city", "country")),
        "topics": sorted(Topic.objects.values_list("name", flat=True)),
        "edition_rows": [
            (
                edition.objectives.count(),
                edition.participations.count(),
                edition.quotes.count(),
                edition.partners.count(),
                edition.contacts.count(),
            )
            for edition in EditionPage.objects.order_by("year")
        ],
        "sites": list(Site.objects.values_list("root_page__url_path", "is_default_site")),
    }


@pytest.fixture
def fresh_wagtail_site(db):
    """The site as a new Wagtail project has it: Wagtail's "Welcome" page as the default site's
    root (the test database starts without it: tests/database.py)."""
    welcome = Page(title="Welcome to your new Wagtail site!", slug="home")
    Page.get_first_root_node().add_child(instance=welcome)
    site = Site.objects.get(is_default_site=True)
    site.root_page = welcome
    site.save()
    return site


def test_load_demo_twice_changes_nothing(fresh_wagtail_site):
    first = load_demo()
    snapshot = content_snapshot()

    second = load_demo()

    assert "created 17" in first
    assert "nothing to create" in second
    assert content_snapshot() == snapshot


def test_load_demo_keeps_what_an_editor_changed(fresh_wagtail_site):
    load_demo()
    edition = EditionPage.objects.get(year=2016, locale__language_code="en")
    edition.lead = "Edited by an editor."
    edition.save_revision().publish()

    load_demo()

    assert EditionPage.objects.get(year=2016, locale__language_code="en").lead == (
        "Edited by an editor."
    )


def test_load_demo_replaces_wagtails_welcome_page_with_the_series_home(fresh_wagtail_site):
    load_demo()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.title == "Biotech RusFrance"
    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()


def test_demo_edition_holds_the_press_release_facts(demo):
    edition = EditionPage.objects.get(year=2016, locale__language_code="en")

    assert edition.live
    assert edition.title == "Biotech RusFrance 2016"
    assert edition.theme == "New Russian-French Cooperation Opportunities in Biotechnology Sphere"
    assert edition.start_date == edition.end_date == datetime.date(2016, 10, 19)
    assert (edition.venue.name, edition.venue.place) == ("Hypercube", "Skolkovo Innovation Center")
    assert edition.lead.startswith("On October 19, 2016 in Hypercube (Skolkovo Innovation Center)")
    assert [block.block_type for block in edition.body] == ["paragraph"] * 3
    assert "France has been a recognized leader" in str(edition.body[0].value)
    assert [objective.text for objective in edition.objectives.all()] == [
        "Review of possibilities for mutually beneficial strategic partnership between the "
        "Russian and French parties.",
        "Highlighting the key aspects of successful entering the global market by the Russian "
        "companies. Creation of new business contacts between startups, investors, "
        "pharmaceutical companies and research centres in the sphere of biotech innovations.",
    ]
    assert [
        (row.speaker.title, row.position, row.organisation.title)
        for row in edition.participations.all()
    ] == [
        (
            "Kirill Kaem",
            "Vice-President, Executive Director of Biomed Cluster",
            "Skolkovo Foundation",
        ),
        ("Alexis Michel", "Science and Technology Advisor", "Embassy of France in Russia"),
        ("Irina Raskina", "General Director", "Bioinnovex"),
    ]
    assert [(row.organisation.title, row.role) for row in edition.partners.all()] == [
        ("Skolkovo Foundation", "host"),
        ("Embassy of France in Russia", "partner"),
        ("Bioinnovex", "partner"),
    ]
    assert [(c.name, c.extension) for c in edition.contacts.all()] == [
        ("Mikhail Smirnov", "2076"),
        ("Clothilde Le Coz", ""),
    ]


def test_demo_quotes_are_whole_and_repaired(demo):
    edition = EditionPage.objects.get(year=2016, locale__language_code="en")
    quotes = {q.speaker.title: q.text for q in edition.quotes.all()}

    assert quotes["Kirill Kaem"].startswith("According to the experts' estimates")
    assert quotes["Kirill Kaem"].endswith("on the basis of biotechnologies.")
    assert "Elie Metchnikoff" in quotes["Alexis Michel"]
    assert quotes["Alexis Michel"].endswith(
        "further close Russian-French and European cooperation."
    )
    assert quotes["Irina Raskina"].endswith(
        "innovation medicines of Russian origin in the global markets."
    )
    assert all("''" not in text for text in quotes.values())
    assert SpeakerPage.objects.get(title="Kirill Kaem", locale__language_code="en").position == (
        "Vice-President, Executive Director of Biomed Cluster"
    )
    assert not any("Â" in text for text in quotes.values())


def test_demo_news_is_the_announcement_of_23_september_2016(demo):
    news = NewsPage.objects.get(locale__language_code="en")

    assert news.date == datetime.date(2016, 9, 23)
    assert news.title.startswith("The Conference “Biotech RusFrance 2016:")
    assert news.edition.year == 2016
    assert [link.topic.name for link in news.topics.all()] == [
        "Central regions",
        "Technology & innovation",
    ]
    block_types = [block.block_type for block in news.body]
    assert block_types.count("pull_quote") == 3
    assert "heading" in block_types


def test_demo_organisations_have_their_kind_and_country(demo):
    kinds = {
        o.title: (o.kind, o.country.code)
        for o in OrganisationPage.objects.filter(locale__language_code="en")
    }

    assert kinds == {
        "Skolkovo Foundation": ("foundation", "RU"),
        "Embassy of France in Russia": ("government", "FR"),
        "Bioinnovex": ("company", ""),
    }
