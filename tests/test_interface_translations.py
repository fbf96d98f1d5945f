"""The interface translations (site/locale): complete, current, compiled, and used."""

import gettext
import io
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from editions.models import EditionStatus, SpeakerRole
from localisation.catalogues import MAKEMESSAGES_OPTIONS, compile_catalogues

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]
SITE_LOCALE = Path(settings.LOCALE_PATHS[0])
PROJECT_DIR = Path(settings.BASE_DIR)

# Plural form expected for each count, per CLDR: Russian has one, few and many.
PLURAL_FORMS = {
    "ru": {1: 0, 2: 1, 4: 1, 5: 2, 11: 2, 12: 2, 14: 2, 21: 0, 22: 1, 25: 2, 111: 2},
    "fr": {0: 0, 1: 0, 2: 1, 5: 1, 100: 1},
}

PYTHON_FORMAT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
BRACE_FORMAT = re.compile(r"\{[^{}]*\}")


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    if compile_catalogues():
        # Django keeps each language's catalogues for the life of the process: one loaded by an
        # earlier test, before these .mo files existed, would not have them.
        translation.trans_real._translations = {}


def catalogue(language, locale_dir=SITE_LOCALE):
    return polib.pofile(str(locale_dir / language / "LC_MESSAGES" / "django.po"))


def msgids(po):
    return {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}


def placeholders(text, entry):
    found = Counter(BRACE_FORMAT.findall(text))
    if "python-format" in entry.flags:
        found.update(PYTHON_FORMAT.findall(text))
    return found


def translations_of(entry):
    """(source, translation) pairs of an entry: one, or one per plural form."""
    if entry.msgid_plural:
        return [
            (entry.msgid if index == 0 else entry.msgid_plural, text)
            for index, text in sorted(entry.msgstr_plural.items())
        ]
    return [(entry.msgid, entry.msgstr)]


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))

    untranslated = [
        entry.msgid
        for entry in po
        if any(not text.strip() for _source, text in translations_of(entry))
        or (entry.msgid_plural and len(entry.msgstr_plural) != nplurals)
    ]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]

    assert len(po) > 0
    assert untranslated == []
    assert fuzzy == []
    assert po.obsolete_entries() == []
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_translations_keep_the_placeholders_of_the_english(language):
    mismatches = [
        (source, text)
        for entry in catalogue(language)
        for source, text in translations_of(entry)
        if placeholders(text, entry) != placeholders(source, entry)
    ]

    assert mismatches == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_headers_declare_language_charset_and_plural_rule(language):
    metadata = catalogue(language).metadata
    plural = gettext.c2py(re.search(r"plural=(.+?);?$", metadata["Plural-Forms"]).group(1))

    assert metadata["Language"] == language
    assert metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert {count: plural(count) for count in PLURAL_FORMS[language]} == PLURAL_FORMS[language]


def project_copy_ignoring(root):
    """What makemessages skips anyway (hidden directories, tests, compiled files, the media
    and static roots), left out of the copy to keep it small."""
    skipped_roots = {Path(settings.MEDIA_ROOT).resolve(), Path(settings.STATIC_ROOT).resolve()}

    def ignore(directory, names):
        return {
            name
            for name in names
            if name.startswith(".")
            or name in {"tests", "__pycache__"}
            or name.endswith((".mo", ".pyc", ".sqlite3"))
            or (Path(directory) / name).resolve() in skipped_roots
        }

    return ignore


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("xgettext", "msguniq", "msgmerge", "msgattrib")),
    reason="GNU gettext (xgettext, msgmerge) is not installed: the interface strings cannot "
    "be extracted from the code to compare them with the catalogues.",
)
def test_catalogues_hold_exactly_the_strings_of_the_code(tmp_path, settings, monkeypatch):
    # makemessages reads the tree under the working directory and rewrites the catalogues it
    # finds there, so it runs on a copy: the real files stay as committed.
    project = tmp_path / "project"
    shutil.copytree(PROJECT_DIR, project, ignore=project_copy_ignoring(PROJECT_DIR))
    locale_copy = project / SITE_LOCALE.relative_to(PROJECT_DIR)
    settings.LOCALE_PATHS = [locale_copy]
    monkeypatch.chdir(project)

    call_command("makemessages", locale=TRANSLATED_LANGUAGES, verbosity=0, **MAKEMESSAGES_OPTIONS)

    for language in TRANSLATED_LANGUAGES:
        extracted = msgids(catalogue(language, locale_copy))
        committed = msgids(catalogue(language))
        assert extracted == committed, (
            f"site/locale/{language} is out of date: run makemessages as shown in "
            "localisation/catalogues.py, then translate the new strings. "
            f"New in the code: {sorted(extracted - committed)}; "
            f"gone from the code: {sorted(committed - extracted)}"
        )


@pytest.mark.parametrize(
    ("language", "upcoming", "keynote", "skip_link", "edition_number"),
    [
        pytest.param(
            "en", "Upcoming", "Keynote speaker", "Skip to main content", "Edition no. 3", id="en"
        ),
        pytest.param(
            "ru",
            "Предстоящая",
            "Ключевой спикер",
            "Перейти к основному содержанию",
            "3-я конференция",
            id="ru",
        ),
        pytest.param(
            "fr",
            "À venir",
            "Intervenant principal",
            "Aller au contenu principal",
            "Édition nº\u00a03",
            id="fr",
        ),
    ],
)
def test_interface_reads_in_the_active_language(
    language, upcoming, keynote, skip_link, edition_number
):
    template = Template(
        "{% load i18n %}{% translate 'Skip to main content' %}|"
        "{% blocktranslate with number=3 %}Edition no. {{ number }}{% endblocktranslate %}"
    )

    with translation.override(language):
        rendered = template.render(Context())
        assert str(EditionStatus.UPCOMING.label) == upcoming
        assert str(SpeakerRole.KEYNOTE.label) == keynote

    assert rendered == f"{skip_link}|{edition_number}"


@pytest.fixture
def locale_copy(tmp_path, settings):
    """A copy of site/locale without its .mo files, made the only entry of LOCALE_PATHS."""
    copy = tmp_path / "locale"
    shutil.copytree(SITE_LOCALE, copy, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [copy]
    return copy


def compiled(locale_dir, language):
    return locale_dir / language / "LC_MESSAGES" / "django.mo"


def written_under(paths, locale_dir):
    return {path for path in paths if locale_dir in path.parents}


def test_compile_catalogues_writes_each_missing_mo_once(locale_copy):
    first = compile_catalogues()
    second = compile_catalogues()

    assert written_under(first, locale_copy) == {
        compiled(locale_copy, language) for language in TRANSLATED_LANGUAGES
    }
    assert second == []


def test_compile_catalogues_recompiles_only_a_changed_po(locale_copy):
    compile_catalogues()
    po_path = locale_copy / "ru" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    po.find("Skip to main content").msgstr = "Основное содержание"
    po.save()
    # Later than the .mo for certain, whatever the file system's timestamp resolution.
    mo_time = compiled(locale_copy, "ru").stat().st_mtime
    os.utime(po_path, (mo_time + 10, mo_time + 10))
    report = io.StringIO()

    written = compile_catalogues(stdout=report)

    assert written == [compiled(locale_copy, "ru")]
    assert "ru/LC_MESSAGES/django.mo" in report.getvalue()
    with compiled(locale_copy, "ru").open("rb") as mo_file:
        assert (
            gettext.GNUTranslations(mo_file).gettext("Skip to main content")
            == "Основное содержание"
        )


def test_compiled_catalogue_leaves_fuzzy_entries_out_like_msgfmt(locale_copy):
    po_path = locale_copy / "fr" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    po.find("Skip to main content").flags.append("fuzzy")
    po.save()

    compile_catalogues()

    with compiled(locale_copy, "fr").open("rb") as mo_file:
        catalogue_fr = gettext.GNUTranslations(mo_file)
    assert catalogue_fr.gettext("Skip to main content") == "Skip to main content"
    assert catalogue_fr.gettext("Main menu") == "Menu principal"


def test_compile_catalogues_command_says_what_it_compiled_then_that_all_is_current(
    locale_copy,
):
    first, second = io.StringIO(), io.StringIO()

    call_command("compile_catalogues", stdout=first)
    call_command("compile_catalogues", stdout=second)

    assert sorted(line.split("/")[-3] for line in first.getvalue().splitlines()) == sorted(
        TRANSLATED_LANGUAGES
    )
    assert second.getvalue() == "Every compiled catalogue is up to date.\n"
