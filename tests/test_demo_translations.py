"""The demo in Russian and French: loaded through wagtail-localize from the PO files kept in
demo/content/translations/, complete, live, and never loaded twice."""

import re
import shutil
from io import StringIO

import polib
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringTranslation, Translation

from demo.translations import TRANSLATIONS_DIR, DemoObject, DemoTranslations
from editions.models import EditionPage, Venue
from home.models import HomePage
from localisation.machine_translation import fold, glossary_renderings
from localisation.models import GlossaryTerm
from news.models import NewsPage, Topic
from partners.models import OrganisationPage
from speakers.models import SpeakerPage

pytestmark = pytest.mark.django_db

DEMO_OBJECTS = {
    "venue-hypercube",
    "topic-central-regions",
    "topic-technology-innovation",
    "home",
    "index-editions",
    "index-speakers",
    "index-partners",
    "index-news",
    "index-quotes",
    "organisation-skolkovo-foundation",
    "organisation-embassy-of-france-in-russia",
    "organisation-bioinnovex",
    "speaker-kirill-kaem",
    "speaker-alexis-michel",
    "speaker-irina-raskina",
    "edition-2016",
    "news-biotech-rusfrance-2016-at-skolkovo-foundation",
}
NEWS = "news/biotech-rusfrance-2016-at-skolkovo-foundation/"


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def visible_text(response):
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return " ".join(main.get_text(" ").split())


@pytest.mark.parametrize(
    ("url", "text"),
    [
        pytest.param("/ru/", "Российско-французская конференция по биотехнологиям", id="ru-home"),
        pytest.param("/fr/", "La conférence russo-française sur les biotechnologies", id="fr-home"),
        pytest.param(
            "/ru/editions/",
            "Все конференции серии с их программой, спикерами и партнерами.",
            id="ru-editions",
        ),
        pytest.param(
            "/fr/editions/",
            "Toutes les éditions de la conférence, avec leur programme",
            id="fr-editions",
        ),
        pytest.param(
            "/ru/editions/2016/",
            "Новые возможности российско-французского сотрудничества в сфере биотехнологий",
            id="ru-edition-theme",
        ),
        pytest.param(
            "/fr/editions/2016/",
            "Nouvelles opportunités de coopération russo-française dans le domaine des "
            "biotechnologies",
            id="fr-edition-theme",
        ),
        pytest.param(
            "/ru/editions/2016/",
            "Гиперкуб, Инновационный центр «Сколково», Сколково",
            id="ru-edition-venue",
        ),
        pytest.param(
            "/fr/editions/2016/",
            "Hypercube, Centre d'innovation Skolkovo, Skolkovo",
            id="fr-edition-venue",
        ),
        pytest.param(
            "/ru/editions/2016/",
            "жизнь и деятельность Ильи Мечникова, или Élie Metchnikoff",
            id="ru-edition-quote",
        ),
        pytest.param(
            "/fr/editions/2016/",
            "La vie et l'œuvre d'Ilia Metchnikov, ou Élie Metchnikoff",
            id="fr-edition-quote",
        ),
        pytest.param(
            "/ru/speakers/kirill-kaem/",
            "Кирилл Каем Вице-президент, исполнительный директор кластера биомедицинских "
            "технологий",
            id="ru-speaker-kaem",
        ),
        pytest.param(
            "/fr/speakers/kirill-kaem/",
            "Vice-président, directeur exécutif du cluster des technologies biomédicales",
            id="fr-speaker-kaem",
        ),
        pytest.param(
            "/ru/speakers/alexis-michel/",
            "Алексис Мишель Советник по науке и технологиям",
            id="ru-speaker-michel",
        ),
        pytest.param(
            "/fr/speakers/alexis-michel/",
            "Conseiller pour la science et la technologie",
            id="fr-speaker-michel",
        ),
        pytest.param(
            "/ru/speakers/irina-raskina/",
            "Ирина Раскина Генеральный директор",
            id="ru-speaker-raskina",
        ),
        pytest.param("/fr/speakers/irina-raskina/", "Directrice générale", id="fr-speaker-raskina"),
        pytest.param(
            "/ru/partners/skolkovo-foundation/", "Фонд «Сколково»", id="ru-organisation-skolkovo"
        ),
        pytest.param(
            "/fr/partners/skolkovo-foundation/", "Fondation Skolkovo", id="fr-organisation-skolkovo"
        ),
        pytest.param(
            "/ru/partners/embassy-of-france-in-russia/",
            "Посольство Франции в России",
            id="ru-organisation-embassy",
        ),
        pytest.param(
            "/fr/partners/embassy-of-france-in-russia/",
            "Ambassade de France en Russie",
            id="fr-organisation-embassy",
        ),
        pytest.param("/ru/partners/bioinnovex/", "Ирина Раскина", id="ru-organisation-bioinnovex"),
        pytest.param(
            "/fr/partners/bioinnovex/", "Directrice générale", id="fr-organisation-bioinnovex"
        ),
        pytest.param("/ru/news/", "Анонсы и пресс-релизы.", id="ru-news-index"),
        pytest.param("/fr/news/", "Annonces et communiqués de presse.", id="fr-news-index"),
        pytest.param(
            f"/ru/{NEWS}",
            "Конференция «Biotech RusFrance 2016: новые возможности российско-французского "
            "сотрудничества в сфере биотехнологий» пройдет в Фонде «Сколково»",
            id="ru-news-title",
        ),
        pytest.param(
            f"/fr/{NEWS}",
            "La conférence « Biotech RusFrance 2016 : nouvelles opportunités de coopération "
            "russo-française dans le domaine des biotechnologies » se tiendra à la Fondation "
            "Skolkovo",
            id="fr-news-title",
        ),
        pytest.param(
            f"/ru/{NEWS}", "Дата проведения: 19 октября 2016 года.", id="ru-news-date-in-text"
        ),
        pytest.param(
            f"/fr/{NEWS}",
            "Pour toute information complémentaire : Clothilde Le Coz.",
            id="fr-news-contact",
        ),
    ],
)
def test_visitors_read_the_demo_in_their_language(demo, client, url, text):
    language = url.split("/")[1]

    response = client.get(url)

    assert response.status_code == 200
    page = response.context["page"]
    assert (page.locale.language_code, page.live) == (language, True)
    # Normalised like the page text: the French no-break spaces read as spaces.
    assert " ".join(text.split()) in visible_text(response)


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_the_translated_edition_shows_no_english_text(demo, client, language):
    text = visible_text(client.get(f"/{language}/editions/2016/"))

    assert "The biotechnology market is one of the most" not in text
    assert "According to the experts' estimates" not in text
    assert "Skolkovo Innovation Center" not in text


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_every_demo_page_has_a_live_translation_that_is_not_an_alias(demo, language):
    english = Page.objects.filter(depth__gte=2, locale__language_code="en")
    translated = Page.objects.filter(depth__gte=2, locale__language_code=language)

    assert english.count() == 14
    assert sorted(translated.values_list("translation_key", "live", "alias_of")) == sorted(
        (key, True, None) for key in english.values_list("translation_key", flat=True)
    )


@pytest.mark.parametrize(
    ("language", "venue", "topics"),
    [
        ("ru", "Гиперкуб", ["Центральные регионы", "Технологии и инновации"]),
        ("fr", "Hypercube", ["Régions centrales", "Technologies et innovation"]),
    ],
)
def test_translated_pages_point_at_the_translated_snippets(demo, language, venue, topics):
    edition = EditionPage.objects.get(year=2016, locale__language_code=language)
    news = NewsPage.objects.get(locale__language_code=language)

    assert (edition.venue.name, edition.venue.locale.language_code) == (venue, language)
    assert [link.topic.name for link in news.topics.all()] == topics
    assert {link.topic.locale.language_code for link in news.topics.all()} == {language}


@pytest.mark.parametrize(
    ("language", "second_paragraph"),
    [
        ("ru", "В этом году мы отмечаем 50-летие подписания двусторонних соглашений"),
        ("fr", "Cette année, nous célébrons le 50e anniversaire de la signature"),
    ],
)
def test_a_translated_quote_keeps_its_paragraphs(demo, language, second_paragraph):
    edition = EditionPage.objects.get(year=2016, locale__language_code=language)
    quote = edition.quotes.get(speaker__slug="alexis-michel")

    paragraphs = quote.text.split("\n")
    assert len(paragraphs) == 4
    assert paragraphs[1].startswith(second_paragraph)


def test_the_home_pages_are_siblings_with_their_own_slugs(demo):
    assert sorted(HomePage.objects.values_list("locale__language_code", "slug")) == [
        ("en", "biotech-rusfrance"),
        ("fr", "biotech-rusfrance-fr"),
        ("ru", "biotech-rusfrance-ru"),
    ]


def test_the_loader_reports_every_translation_it_created(demo):
    assert "Translations loaded: created 34:" in demo
    assert "  + ru edition: Biotech RusFrance 2016" in demo
    assert "  + fr venue: Hypercube, Centre d'innovation Skolkovo, Skolkovo" in demo
    assert "Glossary: added 10 terms:" in demo


# The PO files


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_every_demo_object_has_a_po_file_in_each_language(demo, language):
    files = {path.stem for path in (TRANSLATIONS_DIR / language).glob("*.po")}

    assert files == DEMO_OBJECTS
    assert Locale.objects.get(language_code=language).translations.count() == len(files)


TAG = re.compile(r"</?[a-z][^>]*>")


@pytest.mark.parametrize(
    "path",
    sorted(TRANSLATIONS_DIR.glob("*/*.po")),
    ids=lambda path: f"{path.parent.name}/{path.stem}",
)
def test_every_po_entry_is_translated_and_keeps_the_markup(path):
    po = polib.pofile(str(path), encoding="utf-8")

    assert po.metadata["Language"] == path.parent.name
    assert len(po) > 0
    for entry in po:
        assert not entry.obsolete, entry.msgid
        assert entry.msgstr.strip(), entry.msgid
        assert not entry.fuzzy, entry.msgid
        assert TAG.findall(entry.msgstr) == TAG.findall(entry.msgid), entry.msgid
        assert entry.msgstr.count("\n") == entry.msgid.count("\n"), entry.msgid


# Updating the PO files after the English demo changed


def test_updating_a_po_file_keeps_its_translations_and_marks_what_changed(demo, tmp_path):
    shutil.copytree(TRANSLATIONS_DIR, tmp_path, dirs_exist_ok=True)
    edition = EditionPage.objects.get(year=2016, locale__language_code="en")
    edition.theme = "A theme the demo file now has"
    before = {
        entry.msgctxt: entry.msgstr for entry in polib.pofile(tmp_path / "ru" / "edition-2016.po")
    }

    to_translate = DemoTranslations(tmp_path).write_po(DemoObject("edition-2016", edition), "ru")

    po = polib.pofile(tmp_path / "ru" / "edition-2016.po")
    theme = next(entry for entry in po if entry.msgctxt == "theme" and not entry.obsolete)
    assert to_translate == 1
    assert (theme.msgid, theme.msgstr) == ("A theme the demo file now has", "")
    assert [entry.msgstr for entry in po.obsolete_entries()] == [before["theme"]]
    assert {entry.msgctxt: entry.msgstr for entry in po if entry.msgctxt != "theme"} == {
        context: text for context, text in before.items() if context != "theme"
    }


def test_updating_the_po_files_needs_a_database_without_the_demo(demo):
    with pytest.raises(CommandError, match="needs a database without the demo"):
        load_demo("--update-po-files")


# Loading again


def snapshot():
    """Everything the translations consist of, as comparable data."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "url_path", "locale__language_code", "live", "title", "latest_revision_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "venues": sorted(Venue.objects.values_list("locale__language_code", "name", "place")),
        "topics": sorted(Topic.objects.values_list("locale__language_code", "name")),
        "translations": sorted(
            Translation.objects.values_list("source_id", "target_locale_id", "enabled")
        ),
        "strings": sorted(StringTranslation.objects.values_list("locale_id", "context_id", "data")),
        "glossary": sorted(GlossaryTerm.objects.values_list("term", "note")),
    }


def test_loading_the_demo_again_changes_nothing(demo):
    before = snapshot()

    output = load_demo()

    assert "Translations already loaded: nothing to create." in output
    assert "Glossary already seeded: nothing to add." in output
    assert snapshot() == before


def test_a_translators_edit_survives_loading_the_demo_again(demo):
    edition = EditionPage.objects.get(year=2016, locale__language_code="ru")
    edition.theme = "Тема, исправленная переводчиком"
    edition.save_revision().publish()

    load_demo()

    assert EditionPage.objects.get(year=2016, locale__language_code="ru").theme == (
        "Тема, исправленная переводчиком"
    )


def test_an_alias_left_by_wagtail_localize_becomes_the_translation(demo):
    russian = Locale.objects.get(language_code="ru")
    SpeakerPage.objects.get(slug="kirill-kaem", locale=russian).delete()
    english = SpeakerPage.objects.get(slug="kirill-kaem", locale__language_code="en")
    english.copy_for_translation(russian, alias=True)

    load_demo()

    speaker = SpeakerPage.objects.get(slug="kirill-kaem", locale=russian)
    assert (speaker.title, speaker.alias_of_id, speaker.live) == ("Кирилл Каем", None, True)


# The glossary


def test_the_glossary_holds_each_demo_name_once(demo):
    load_demo()
    terms = list(GlossaryTerm.objects.values_list("term", flat=True))

    for name in [
        "Biotech RusFrance",
        "Skolkovo",
        "Skolkovo Innovation Center",
        "Skolkovo Foundation",
        "Hypercube",
        "Bioinnovex",
        "Embassy of France in Russia",
    ]:
        assert terms.count(name) == 1
    assert len({term.lower() for term in terms}) == len(terms)


@pytest.mark.parametrize("language", ["ru", "fr"])
def test_machine_translation_gives_the_names_the_demo_translators_wrote(demo, language):
    """The glossary's established forms are the names the demo's own translations use, so that
    a machine-translated page names Skolkovo as the human-translated ones do."""
    locale = Locale.objects.get(language_code=language)
    forms = glossary_renderings(locale)
    names = {}
    for model, field in ((OrganisationPage, "title"), (Venue, "name")):
        for english in model.objects.filter(locale__language_code="en"):
            name = getattr(english, field)
            if GlossaryTerm.objects.filter(term=name).exists():
                names[name] = getattr(english.get_translation(locale), field)

    assert {name: forms.get(fold(name), name) for name in names} == names
    assert {"Skolkovo Foundation", "Embassy of France in Russia", "Bioinnovex"} <= set(names)


def test_the_glossary_keeps_a_term_as_an_editor_wrote_it(demo):
    GlossaryTerm.objects.filter(term="Hypercube").update(term="HyperCube", note="Edited.")

    load_demo()

    assert list(
        GlossaryTerm.objects.filter(term__iexact="hypercube").values_list("term", "note")
    ) == [("HyperCube", "Edited.")]


# Languages and broken files


@pytest.fixture
def german(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES


def test_a_language_without_demo_translations_is_skipped_with_a_note(demo, german):
    output = load_demo()

    assert "No demo translations for German (de)" in output
    assert Locale.objects.filter(language_code="de").exists()
    assert not Page.objects.filter(locale__language_code="de").exists()


@pytest.fixture
def german_po_files(tmp_path, german):
    """The demo's PO files plus a German folder (a copy of the Russian files) that a test
    breaks: the demo's Russian and French are loaded already, so only German is loaded."""
    directory = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS_DIR, directory)
    shutil.copytree(directory / "ru", directory / "de")
    return directory


def remove_theme(po):
    po.remove(next(entry for entry in po if entry.msgctxt == "theme"))


def add_subtitle(po):
    po.append(polib.POEntry(msgctxt="subtitle", msgid="Not on the page", msgstr="Нет"))


def clear_lead(po):
    next(entry for entry in po if entry.msgctxt == "lead").msgstr = ""


def mark_lead_fuzzy(po):
    next(entry for entry in po if entry.msgctxt == "lead").flags.append("fuzzy")


@pytest.mark.parametrize(
    ("break_file", "problem"),
    [
        pytest.param(
            remove_theme,
            "missing string theme: 'New Russian-French Cooperation Opportunities in "
            "Biotechnology Sphere'",
            id="missing-string",
        ),
        pytest.param(
            add_subtitle,
            "extra string subtitle: 'Not on the page'",
            id="extra-string",
        ),
        pytest.param(clear_lead, "untranslated string lead: 'On October 19", id="untranslated"),
        pytest.param(mark_lead_fuzzy, "fuzzy string lead: 'On October 19", id="fuzzy"),
    ],
)
def test_a_broken_po_file_fails_naming_the_file_and_loads_nothing(
    demo, german_po_files, break_file, problem
):
    path = german_po_files / "de" / "edition-2016.po"
    po = polib.pofile(str(path), encoding="utf-8")
    break_file(po)
    po.save(str(path))

    with pytest.raises(CommandError) as error:
        load_demo("--translations", str(german_po_files))

    assert f"{path} cannot be loaded as the translation of “Biotech RusFrance 2016”" in str(
        error.value
    )
    assert problem in str(error.value)
    assert not Page.objects.filter(locale__language_code="de").exists()
    assert not Venue.objects.filter(locale__language_code="de").exists()


def test_a_missing_po_file_fails_naming_the_file(demo, german_po_files):
    path = german_po_files / "de" / "speaker-irina-raskina.po"
    path.unlink()

    with pytest.raises(CommandError, match=re.escape(f"{path}: missing")):
        load_demo("--translations", str(german_po_files))
