"""Build the demo series "Biotech RusFrance" and its 2016 edition, in English, Russian and French.

The content comes from the 2016 press release, kept in the repository as
demo/content/biotech_rusfrance.json. Its Russian and French versions are PO files in
demo/content/translations/<language>/, loaded through wagtail-localize (demo.translations),
and the names machine translation must leave alone are in demo/content/glossary.json.

The command only creates what is missing: running it again, or after editors or translators
changed the demo pages, changes nothing and loses nothing. After the demo file changed,
`load_demo --update-po-files` (on a database without the demo) rewrites the PO files, keeping
every translation still valid, for a translator to complete.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from demo.translations import TRANSLATIONS_DIR, DemoObject, DemoTranslations, seed_glossary
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
from quotes.models import QuoteIndexPage
from speakers.models import SpeakerIndexPage, SpeakerPage

DEMO_DIR = Path(__file__).resolve().parents[2] / "content"
DEMO_FILE = DEMO_DIR / "biotech_rusfrance.json"
GLOSSARY_FILE = DEMO_DIR / "glossary.json"


def paragraph(text):
    return RichText(f"<p>{escape(text)}</p>")


def in_order(rows):
    """Inline rows numbered in the demo file's order: without a sort_order, the database
    returns them in any order it likes (PostgreSQL does), on the page and to wagtail-localize."""
    rows = list(rows)
    for position, row in enumerate(rows):
        row.sort_order = position
    return rows


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
        parser.add_argument(
            "--translations",
            type=Path,
            default=TRANSLATIONS_DIR,
            help="Folder of the demo's PO files, one sub-folder per language.",
        )
        parser.add_argument(
            "--update-po-files",
            nargs="*",
            metavar="LANGUAGE",
            help=(
                "Instead of loading the demo, rewrite its PO files from the demo file, keeping "
                "the translations of unchanged strings, for the given languages (default: those "
                "with a folder). Needs a database without the demo, which it leaves unchanged."
            ),
        )

    def handle(self, *args, file, translations, update_po_files, **options):
        data = json.loads(file.read_text(encoding="utf-8"))
        self.demo_translations = DemoTranslations(translations)
        if update_po_files is not None:
            self.update_po_files(data, update_po_files)
            return

        self.created = []
        translated = []
        skipped_languages = []
        with transaction.atomic():
            call_command("sync_locales", stdout=self.stdout)
            demo_objects = self.ensure_english(data)
            for locale in self.target_locales():
                if not self.demo_translations.has_language(locale.language_code):
                    skipped_languages.append(locale)
                    continue
                for demo_object in demo_objects:
                    target = self.demo_translations.translate(demo_object, locale)
                    if target is not None:
                        translated.append(
                            f"{locale.language_code} {target._meta.verbose_name}: {target}"
                        )
            glossary = json.loads(GLOSSARY_FILE.read_text(encoding="utf-8"))
            added_terms = seed_glossary(glossary)

        self.report("Demo loaded", "Demo already loaded", self.created)
        self.report("Translations loaded", "Translations already loaded", translated)
        for locale in skipped_languages:
            self.stdout.write(
                f"No demo translations for {locale.get_display_name()} "
                f"({locale.language_code}) in {self.demo_translations.directory}: skipped."
            )
        if added_terms:
            terms = ", ".join(term.term for term in added_terms)
            self.stdout.write(
                self.style.SUCCESS(f"Glossary: added {len(added_terms)} terms: {terms}.")
            )
        else:
            self.stdout.write("Glossary already seeded: nothing to add.")

    def report(self, done, already_done, labels):
        if labels:
            self.stdout.write(self.style.SUCCESS(f"{done}: created {len(labels)}:"))
            for label in labels:
                self.stdout.write(f"  + {label}")
        else:
            self.stdout.write(f"{already_done}: nothing to create.")

    def target_locales(self):
        codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        return [
            Locale.objects.get(language_code=code)
            for code in codes
            if code != self.locale.language_code
        ]

    def ensure_english(self, data):
        """Create what is missing of the English demo; return every demo object, in the order
        they are translated: snippets, then pages, each parent before its children."""
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
        news = [
            self.ensure_news(indexes["news"], news_data, editions, topics)
            for news_data in data["news"]
        ]
        # PO files are named after keys and English slugs in the demo file, never database ids,
        # so the same files fit every database. There is one home page: its file is "home".
        return [
            *(DemoObject(f"venue-{item['key']}", venues[item["key"]]) for item in data["venues"]),
            *(DemoObject(f"topic-{slugify(name)}", topics[name]) for name in data["topics"]),
            DemoObject("home", home),
            *(DemoObject(f"index-{key}", index) for key, index in indexes.items()),
            *(
                DemoObject(f"organisation-{item['slug']}", organisations[item["key"]])
                for item in data["organisations"]
            ),
            *(
                DemoObject(f"speaker-{item['slug']}", speakers[item["key"]])
                for item in data["speakers"]
            ),
            *(
                DemoObject(f"edition-{item['slug']}", editions[item["key"]])
                for item in data["editions"]
            ),
            *(
                DemoObject(f"news-{item['slug']}", page)
                for item, page in zip(data["news"], news, strict=True)
            ),
        ]

    def update_po_files(self, data, languages):
        if HomePage.objects.exists():
            raise CommandError(
                "--update-po-files builds the English demo from the demo file, so it needs a "
                "database without the demo (editors may have changed its pages), for example:\n"
                "  DATABASE_URL=sqlite:////tmp/demo-po.sqlite3 ./manage.py migrate\n"
                "  DATABASE_URL=sqlite:////tmp/demo-po.sqlite3 ./manage.py load_demo "
                "--update-po-files"
            )
        directory = self.demo_translations.directory
        if not languages:
            languages = sorted(
                path.name
                for path in (directory.iterdir() if directory.is_dir() else [])
                if self.demo_translations.has_language(path.name)
            )
        source_language = Locale.get_default().language_code
        if source_language in languages:
            raise CommandError(
                f"{source_language} is the demo's source language: nothing to translate."
            )
        self.created = []
        with transaction.atomic():
            demo_objects = self.ensure_english(data)
            for language in languages:
                to_translate = {}
                for demo_object in demo_objects:
                    count = self.demo_translations.write_po(demo_object, language)
                    if count:
                        to_translate[demo_object.name] = count
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Wrote {len(demo_objects)} PO files in {directory / language}."
                    )
                )
                for name, count in to_translate.items():
                    strings = "string" if count == 1 else "strings"
                    self.stdout.write(f"  {name}.po: {count} {strings} to translate")
            # The English pages were only needed to extract their strings.
            transaction.set_rollback(True)

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
        # Wagtail's placeholder "Welcome" page has nothing of ours under it: remove it. A site
        # whose root was the tree's root itself keeps it (its cached row still counts no child).
        if (
            previous_root is not None
            and previous_root.depth > 1
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
            "quotes": QuoteIndexPage,
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
        edition.objectives = in_order(EditionObjective(text=text) for text in data["objectives"])
        edition.participations = in_order(
            EditionSpeaker(
                speaker=speakers[row["speaker"]],
                role=row["role"],
                position=row["position"],
                organisation=organisations[row["organisation"]],
            )
            for row in data["participations"]
        )
        edition.quotes = in_order(
            EditionQuote(speaker=speakers[row["speaker"]], text=row["text"], context=row["context"])
            for row in data["quotes"]
        )
        edition.partners = in_order(
            EditionPartner(organisation=organisations[row["organisation"]], role=row["role"])
            for row in data["partners"]
        )
        edition.contacts = in_order(
            EditionContact(
                name=row["name"],
                role=row.get("role", ""),
                phone=row.get("phone", ""),
                extension=row.get("extension", ""),
                email=row.get("email", ""),
            )
            for row in data["contacts"]
        )
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
        news.topics = in_order(NewsPageTopic(topic=topics[name]) for name in data["topics"])
        return self.add_page(index, news)
