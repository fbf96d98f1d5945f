"""Build the demo series "Biotech RusFrance" and its 2016 edition.

The content comes from the 2016 press release, kept in the repository as
home/demo/biotech_rusfrance.json. The command only creates what is missing: running it again,
or after editors changed the demo pages, changes nothing and loses nothing.
"""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from editions.models import (
    EditionContact,
    EditionIndexPage,
    EditionObjective,
    EditionPage,
    EditionPartner,
    EditionQuote,
    EditionSpeaker,
    Venue,
)
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic
from partners.models import OrganisationPage, PartnerIndexPage
from speakers.models import SpeakerIndexPage, SpeakerPage

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "biotech_rusfrance.json"


def paragraph(text):
    return RichText(f"<p>{escape(text)}</p>")


def body_blocks(items):
    """Turn the demo file's plain-text blocks into StreamField blocks."""
    blocks = []
    for item in items:
        if isinstance(item, str):
            blocks.append(("paragraph", paragraph(item)))
        elif item["type"] == "paragraph":
            blocks.append(("paragraph", paragraph(item["text"])))
        elif item["type"] == "heading":
            blocks.append(("heading", {"text": item["text"], "level": "h2"}))
        elif item["type"] == "list":
            entries = "".join(f"<li>{escape(entry)}</li>" for entry in item["items"])
            blocks.append(("paragraph", RichText(f"<ol>{entries}</ol>")))
        elif item["type"] == "pull_quote":
            blocks.append(
                ("pull_quote", {"text": item["text"], "attribution": item["attribution"]})
            )
        else:
            raise ValueError(f"Unknown block type in the demo file: {item['type']!r}")
    return blocks


class Command(BaseCommand):
    help = "Load the Biotech RusFrance demo (idempotent: creates only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEMO_FILE, help="Demo content (JSON).")

    def handle(self, *args, file, **options):
        data = json.loads(file.read_text(encoding="utf-8"))
        self.created = []
        with transaction.atomic():
            self.locale = Locale.get_default()
            home = self.ensure_home(data["home"])
            indexes = self.ensure_indexes(home, data["indexes"])
            venues = self.ensure_venues(data["venues"])
            organisations = self.ensure_organisations(indexes["partners"], data["organisations"])
            speakers = self.ensure_speakers(indexes["speakers"], data["speakers"], organisations)
            topics = self.ensure_topics(data["topics"])
            editions = {}
            for edition_data in data["editions"]:
                editions[edition_data["key"]] = self.ensure_edition(
                    indexes["editions"], edition_data, venues, speakers, organisations
                )
            for news_data in data["news"]:
                self.ensure_news(indexes["news"], news_data, editions, topics)

        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Demo loaded: created {len(self.created)}:"))
            for label in self.created:
                self.stdout.write(f"  + {label}")
        else:
            self.stdout.write("Demo already loaded: nothing to create.")

    # Helpers

    def publish(self, page):
        page.save_revision().publish()
        self.created.append(f"{page._meta.verbose_name}: {page.title}")
        return page

    def child(self, parent, model, slug):
        return model.objects.child_of(parent).filter(slug=slug).first()

    def add_page(self, parent, page):
        parent.add_child(instance=page)
        return self.publish(page)

    # The tree

    def ensure_home(self, home_data):
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            return site.root_page.specific

        root = Page.get_first_root_node()
        home = self.child(root, HomePage, home_data["slug"])
        if home is None:
            home = HomePage(
                title=home_data["title"],
                slug=home_data["slug"],
                tagline=home_data["tagline"],
                intro=home_data["intro"],
                locale=self.locale,
            )
            self.add_page(root, home)

        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        previous_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = home_data["title"]
        site.save()
        # Wagtail's placeholder "Welcome" page has nothing of ours under it: remove it.
        if (
            previous_root is not None
            and previous_root.pk != home.pk
            and previous_root.specific_class is Page
            and not previous_root.get_children().exists()
        ):
            previous_root.delete()
        return home

    def ensure_indexes(self, home, indexes_data):
        models = {
            "editions": EditionIndexPage,
            "speakers": SpeakerIndexPage,
            "partners": PartnerIndexPage,
            "news": NewsIndexPage,
        }
        indexes = {}
        for key, model in models.items():
            index_data = indexes_data[key]
            index = model.objects.child_of(home).first()
            if index is None:
                index = self.add_page(
                    home,
                    model(
                        title=index_data["title"],
                        slug=index_data["slug"],
                        intro=index_data["intro"],
                        show_in_menus=True,
                    ),
                )
            indexes[key] = index
        return indexes

    def ensure_venues(self, venues_data):
        venues = {}
        for venue_data in venues_data:
            fields = {k: v for k, v in venue_data.items() if k != "key"}
            venue = Venue.objects.filter(locale=self.locale, name=fields["name"]).first()
            if venue is None:
                venue = Venue.objects.create(locale=self.locale, **fields)
                self.created.append(f"venue: {venue}")
            venues[venue_data["key"]] = venue
        return venues

    def ensure_organisations(self, index, organisations_data):
        organisations = {}
        for data in organisations_data:
            organisation = self.child(index, OrganisationPage, data["slug"])
            if organisation is None:
                organisation = self.add_page(
                    index,
                    OrganisationPage(
                        title=data["title"],
                        slug=data["slug"],
                        kind=data["kind"],
                        country=data["country"],
                    ),
                )
            organisations[data["key"]] = organisation
        return organisations

    def ensure_speakers(self, index, speakers_data, organisations):
        speakers = {}
        for data in speakers_data:
            speaker = self.child(index, SpeakerPage, data["slug"])
            if speaker is None:
                speaker = self.add_page(
                    index,
                    SpeakerPage(
                        title=data["title"],
                        slug=data["slug"],
                        family_name=data["family_name"],
                        position=data["position"],
                        organisation=organisations[data["organisation"]],
                    ),
                )
            speakers[data["key"]] = speaker
        return speakers

    def ensure_topics(self, names):
        topics = {}
        for name in names:
            topic = Topic.objects.filter(locale=self.locale, name=name).first()
            if topic is None:
                topic = Topic.objects.create(locale=self.locale, name=name)
                self.created.append(f"topic: {name}")
            topics[name] = topic
        return topics

    def ensure_edition(self, index, data, venues, speakers, organisations):
        edition = self.child(index, EditionPage, data["slug"])
        if edition is not None:
            return edition
        edition = EditionPage(
            title=data["title"],
            slug=data["slug"],
            year=data["year"],
            theme=data["theme"],
            start_date=datetime.date.fromisoformat(data["start_date"]),
            end_date=datetime.date.fromisoformat(data["end_date"]),
            venue=venues[data["venue"]],
            lead=data["lead"],
            body=body_blocks(data["body"]),
        )
        edition.objectives = [EditionObjective(text=text) for text in data["objectives"]]
        edition.participations = [
            EditionSpeaker(
                speaker=speakers[row["speaker"]],
                role=row["role"],
                position=row["position"],
                organisation=organisations[row["organisation"]],
            )
            for row in data["participations"]
        ]
        edition.quotes = [
            EditionQuote(speaker=speakers[row["speaker"]], text=row["text"], context=row["context"])
            for row in data["quotes"]
        ]
        edition.partners = [
            EditionPartner(organisation=organisations[row["organisation"]], role=row["role"])
            for row in data["partners"]
        ]
        edition.contacts = [
            EditionContact(
                name=row["name"],
                role=row.get("role", ""),
                phone=row.get("phone", ""),
                extension=row.get("extension", ""),
                email=row.get("email", ""),
            )
            for row in data["contacts"]
        ]
        return self.add_page(index, edition)

    def ensure_news(self, index, data, editions, topics):
        news = self.child(index, NewsPage, data["slug"])
        if news is not None:
            return news
        news = NewsPage(
            title=data["title"],
            slug=data["slug"],
            date=datetime.date.fromisoformat(data["date"]),
            lead=data["lead"],
            body=body_blocks(data["body"]),
            edition=editions.get(data.get("edition")),
        )
        news.topics = [NewsPageTopic(topic=topics[name]) for name in data["topics"]]
        return self.add_page(index, news)
