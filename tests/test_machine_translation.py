"""Machine translation: which service the environment selects, and the glossary of names every
service must leave exactly as written.

The test settings use the offline PseudoTranslator, which changes every Latin letter
("Skolkovo" would become "Šķöĺķöṽö"): a name that comes back intact was protected. DeepL and
LibreTranslate are exercised through wagtail-localize's own translators with only the HTTP call
replaced by a response shaped like the service's.
"""

import json
import logging
import os

import pytest
import requests
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from localisation.machine_translation import (
    DEEPL_TRANSLATOR,
    GLOSSARY_AWARE_TRANSLATOR,
    LIBRETRANSLATE_TRANSLATOR,
    GlossaryAwareTranslator,
    glossary_aware,
    machine_translator_settings,
    pseudo_translate_html,
)
from localisation.models import GlossaryRendering, GlossaryTerm

GLOSSARY_LIST = "wagtailsnippets_localisation_glossaryterm:list"
GLOSSARY_ADD = "wagtailsnippets_localisation_glossaryterm:add"

LINKED_PARAGRAPH = (
    'Visit <a href="https://skolkovo.example.org/">the Skolkovo Innovation Center</a>: '
    "Skolkovo hosts the 2016 edition."
)


def source(html):
    """A string as wagtail-localize extracts it from rich text (link hrefs become ``id="a1"``)."""
    return StringValue.from_source_html(html)[0]


def translate(translator, locales, *htmls, target="fr"):
    strings = [source(html) for html in htmls]
    translations = translator.translate(locales["en"], locales[target], strings)
    return [translations[string].data if string in translations else None for string in strings]


def outside_placeholders(html):
    """The text of ``html`` with every glossary placeholder element removed."""
    soup = BeautifulSoup(html, "html.parser")
    for placeholder in soup.find_all("span", translate="no"):
        placeholder.decompose()
    return soup.get_text()


def json_response(payload, status_code=200):
    """A ``requests.Response`` as the service would send it."""
    response = requests.Response()
    response.status_code = status_code
    response.headers["Content-Type"] = "application/json"
    response._content = json.dumps(payload).encode()
    return response


@pytest.fixture
def glossary(db):
    return [
        GlossaryTerm.objects.create(term=term, note="Synthetic note")
        for term in ("Skolkovo", "Skolkovo Innovation Center", "Biotech RusFrance")
    ]


# Which service -----------------------------------------------------------------------------------


def clear_translation_env(monkeypatch):
    for name in ("DEEPL_AUTH_KEY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY"):
        monkeypatch.delenv(name, raising=False)


def test_no_service_in_the_environment_means_no_machine_translation(monkeypatch):
    clear_translation_env(monkeypatch)

    assert machine_translator_settings(os.environ) is None


def test_a_blank_variable_counts_as_unset(monkeypatch):
    clear_translation_env(monkeypatch)
    monkeypatch.setenv("DEEPL_AUTH_KEY", "  ")
    monkeypatch.setenv("LIBRETRANSLATE_URL", "")

    assert machine_translator_settings(os.environ) is None


def test_deepl_auth_key_selects_deepl_behind_the_glossary(monkeypatch):
    clear_translation_env(monkeypatch)
    # Secrets read from files often end with a newline; it would hide the ":fx" suffix.
    monkeypatch.setenv("DEEPL_AUTH_KEY", "synthetic-key:fx\n")

    assert machine_translator_settings(os.environ) == {
        "CLASS": GLOSSARY_AWARE_TRANSLATOR,
        "OPTIONS": {
            "BACKEND": DEEPL_TRANSLATOR,
            "BACKEND_OPTIONS": {"AUTH_KEY": "synthetic-key:fx"},
        },
    }


@pytest.mark.parametrize(
    ("api_key", "expected_api_key"),
    [(None, ""), ("synthetic-libre-key", "synthetic-libre-key")],
    ids=["without-api-key", "with-api-key"],
)
def test_libretranslate_url_selects_libretranslate(monkeypatch, api_key, expected_api_key):
    clear_translation_env(monkeypatch)
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://libretranslate.example.org/")
    if api_key:
        monkeypatch.setenv("LIBRETRANSLATE_API_KEY", api_key)

    assert machine_translator_settings(os.environ) == {
        "CLASS": GLOSSARY_AWARE_TRANSLATOR,
        "OPTIONS": {
            "BACKEND": LIBRETRANSLATE_TRANSLATOR,
            "BACKEND_OPTIONS": {
                "LIBRETRANSLATE_URL": "https://libretranslate.example.org",
                "API_KEY": expected_api_key,
            },
        },
    }


def test_deepl_wins_when_both_deepl_and_libretranslate_are_configured(monkeypatch):
    clear_translation_env(monkeypatch)
    monkeypatch.setenv("DEEPL_AUTH_KEY", "synthetic-key")
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://libretranslate.example.org")

    config = machine_translator_settings(os.environ)

    assert config["OPTIONS"]["BACKEND"] == DEEPL_TRANSLATOR
    assert config["OPTIONS"]["BACKEND_OPTIONS"] == {"AUTH_KEY": "synthetic-key"}


def test_the_configured_translator_is_glossary_aware_and_named_after_its_service():
    translator = get_machine_translator()

    assert isinstance(translator, GlossaryAwareTranslator)
    assert translator.display_name == "Pseudo-translation (offline)"


# The glossary with the offline translator ---------------------------------------------------------


def test_glossary_terms_survive_translation_inside_rich_text_links(glossary, locales):
    [translated] = translate(get_machine_translator(), locales, LINKED_PARAGRAPH)

    assert translated == (
        'Ṽíšíţ <a id="a1">ţĥé Skolkovo Innovation Center</a>: Skolkovo ĥöšţš ţĥé 2016 éđíţíöñ.'
    )


def test_the_longest_term_is_protected_as_one_name(glossary, locales):
    # "Skolkovo" alone would leave "Innovation Center" to be translated word by word.
    [translated] = translate(get_machine_translator(), locales, "At the Skolkovo Innovation Center")

    assert translated == "Àţ ţĥé Skolkovo Innovation Center"


def test_terms_match_whole_words_in_any_case_and_keep_the_source_spelling(glossary, locales):
    [translated] = translate(
        get_machine_translator(), locales, "SKOLKOVO, skolkovo and Skolkovo, not Skolkovoites"
    )

    assert translated == "SKOLKOVO, skolkovo àñđ Skolkovo, ñöţ Šķöĺķöṽöíţéš"


def test_terms_with_regular_expression_characters_are_matched_literally(db, locales):
    GlossaryTerm.objects.create(term="R&D (EU)")
    GlossaryTerm.objects.create(term="C++")

    [translated, untouched] = translate(
        get_machine_translator(),
        locales,
        "R&amp;D (EU) in C++",
        "R&amp;D EU in C",
    )

    assert translated == "R&amp;D (EU) íñ C++"
    # Without the brackets, the term is not there: "(" is not a wildcard.
    assert untouched == "Ŕ&amp;Đ ÉÜ íñ Ç"


@pytest.fixture
def renderings(glossary):
    """Established forms: "Skolkovo" in Russian, "Skolkovo Innovation Center" in French."""
    by_term = {term.term: term for term in glossary}
    return [
        GlossaryRendering.objects.create(term=by_term["Skolkovo"], language="ru", text="Сколково"),
        GlossaryRendering.objects.create(
            term=by_term["Skolkovo Innovation Center"],
            language="fr",
            text="Centre d'innovation Skolkovo",
        ),
    ]


def test_a_term_comes_back_in_the_target_languages_established_form(renderings, locales):
    text = "Skolkovo hosts the Skolkovo Innovation Center & more"

    [russian] = translate(get_machine_translator(), locales, text, target="ru")
    [french] = translate(get_machine_translator(), locales, text, target="fr")

    # Russian has a form of "Skolkovo" only; French of the centre only.
    assert russian == "Сколково ĥöšţš ţĥé Skolkovo Innovation Center &amp; ɱöŕé"
    assert french == "Skolkovo ĥöšţš ţĥé Centre d'innovation Skolkovo &amp; ɱöŕé"


def test_an_established_form_replaces_the_term_in_any_spelling(renderings, locales):
    [russian] = translate(get_machine_translator(), locales, "SKOLKOVO and skolkovo", target="ru")

    assert russian == "Сколково àñđ Сколково"


def test_a_regional_locale_takes_its_languages_form(renderings, locales):
    from wagtail.models import Locale

    canadian = Locale(language_code="fr-ca")

    translations = get_machine_translator().translate(
        locales["en"], canadian, [source("The Skolkovo Innovation Center")]
    )

    assert [value.data for value in translations.values()] == ["Ţĥé Centre d'innovation Skolkovo"]


def test_without_a_glossary_the_service_receives_the_strings_untouched(db, locales):
    assert not GlossaryTerm.objects.exists()

    [translated] = translate(get_machine_translator(), locales, LINKED_PARAGRAPH)

    assert translated == pseudo_translate_html(source(LINKED_PARAGRAPH).data)


class PlaceholderManglingTranslator(BaseMachineTranslator):
    """A service that loses or repeats markup, as real ones occasionally do."""

    display_name = "Mangling translator"

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(self.mangle(string.data)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return True

    def mangle(self, html):
        soup = BeautifulSoup(html, "html.parser")
        placeholder = soup.find("span", translate="no")
        if placeholder is None:
            return html
        if self.options["MODE"] == "drop":
            placeholder.decompose()
        elif self.options["MODE"] == "duplicate":
            placeholder.insert_after(" ", BeautifulSoup(str(placeholder), "html.parser"))
        elif self.options["MODE"] == "unwrap":
            placeholder.unwrap()
        return str(soup)


@pytest.mark.parametrize("mode", ["drop", "duplicate", "unwrap"])
def test_a_string_whose_placeholders_come_back_damaged_is_left_untranslated(
    glossary, locales, caplog, mode
):
    translator = GlossaryAwareTranslator(
        {
            "BACKEND": f"{__name__}.PlaceholderManglingTranslator",
            "BACKEND_OPTIONS": {"MODE": mode},
        }
    )

    with caplog.at_level(logging.WARNING, logger="localisation.machine_translation"):
        damaged, unaffected = translate(
            translator, locales, "Skolkovo hosts the edition.", "Nothing to protect."
        )

    # Better no translation, which a person then writes, than one that lost or doubled a name.
    assert damaged is None
    assert unaffected == "Nothing to protect."
    assert "left untranslated" in caplog.text


# The glossary with DeepL and LibreTranslate -------------------------------------------------------


@pytest.mark.parametrize(
    ("auth_key", "endpoint"),
    [
        ("synthetic-key:fx", "https://api-free.deepl.com/v2/translate"),
        ("synthetic-key", "https://api.deepl.com/v2/translate"),
    ],
    ids=["free-key", "pro-key"],
)
def test_deepl_receives_placeholders_and_the_terms_come_back(
    glossary, locales, monkeypatch, auth_key, endpoint
):
    requests_sent = []

    def deepl(url, data, timeout, headers):
        requests_sent.append((url, data, headers))
        # DeepL with tag_handling=xml keeps elements but ignores translate="no": it translated
        # the names too, which the glossary then undoes.
        return json_response(
            {
                "translations": [
                    {
                        "detected_source_language": "EN",
                        "text": 'Посетите <a id="a1"><span id="glossary-1" translate="no">'
                        "Инновационный центр Сколково</span></a>: "
                        '<span id="glossary-2" translate="no">Сколково</span> '
                        "принимает выпуск 2016 года.",
                    }
                ]
            }
        )

    monkeypatch.setattr("wagtail_localize.machine_translators.deepl.requests.post", deepl)
    translator = GlossaryAwareTranslator(
        glossary_aware(DEEPL_TRANSLATOR, {"AUTH_KEY": auth_key})["OPTIONS"]
    )

    [translated] = translate(translator, locales, LINKED_PARAGRAPH, target="ru")

    [(url, data, headers)] = requests_sent
    assert url == endpoint
    assert headers == {"Authorization": f"DeepL-Auth-Key {auth_key}"}
    assert data["tag_handling"] == "xml"
    assert (data["source_lang"], data["target_lang"]) == ("EN", "RU")
    [sent] = data["text"]
    assert sent == (
        'Visit <a id="a1">the <span id="glossary-1" translate="no">Skolkovo Innovation Center'
        '</span></a>: <span id="glossary-2" translate="no">Skolkovo</span> hosts the 2016 edition.'
    )
    assert "Skolkovo" not in outside_placeholders(sent)
    assert translated == (
        'Посетите <a id="a1">Skolkovo Innovation Center</a>: Skolkovo принимает выпуск 2016 года.'
    )


def test_libretranslate_receives_placeholders_and_the_terms_come_back(
    glossary, locales, monkeypatch
):
    requests_sent = []

    def libretranslate(url, data, headers, timeout):
        requests_sent.append((url, json.loads(data)))
        # LibreTranslate with format=html leaves translate="no" elements as they are.
        return json_response(
            {
                "translatedText": [
                    'Visitez <a id="a1">le <span id="glossary-1" translate="no">Skolkovo '
                    'Innovation Center</span></a> : <span id="glossary-2" translate="no">'
                    "Skolkovo</span> accueille l'édition 2016.",
                    "Une phrase sans nom propre.",
                ]
            }
        )

    monkeypatch.setattr(
        "wagtail_localize.machine_translators.libretranslate.requests.post", libretranslate
    )
    translator = GlossaryAwareTranslator(
        glossary_aware(
            LIBRETRANSLATE_TRANSLATOR,
            {"LIBRETRANSLATE_URL": "https://libretranslate.example.org", "API_KEY": ""},
        )["OPTIONS"]
    )

    translated, plain = translate(
        translator, locales, LINKED_PARAGRAPH, "A sentence without a proper name."
    )

    [(url, payload)] = requests_sent
    assert url == "https://libretranslate.example.org/translate"
    assert (payload["source"], payload["target"], payload["format"]) == ("en", "fr", "html")
    assert payload["q"][1] == "A sentence without a proper name."
    assert payload["q"][0].count('<span id="glossary-') == 2
    assert "Skolkovo" not in outside_placeholders(payload["q"][0])
    assert translated == (
        'Visitez <a id="a1">le Skolkovo Innovation Center</a> : Skolkovo accueille l\'édition 2016.'
    )
    assert plain == "Une phrase sans nom propre."


# The glossary in the admin ------------------------------------------------------------------------


def test_the_glossary_is_listed_and_searchable_in_the_admin(superuser_client, glossary):
    GlossaryTerm.objects.create(term="Hypercube", note="Synthetic exhibition hall name")

    listing = superuser_client.get(reverse(GLOSSARY_LIST))
    found = superuser_client.get(reverse(GLOSSARY_LIST), {"q": "exhibition"})

    assertContains(listing, "Skolkovo Innovation Center")
    assertContains(listing, "Synthetic exhibition hall name")
    assertContains(found, "Hypercube")
    assertNotContains(found, "Skolkovo")


def test_the_glossary_has_its_place_in_the_settings_menu(superuser_client, db):
    response = superuser_client.get(reverse("wagtailadmin_home"))

    assertContains(response, reverse(GLOSSARY_LIST))
    assertContains(response, "Glossary")


def test_a_term_is_added_through_the_admin(superuser_client, db):
    response = superuser_client.post(
        reverse(GLOSSARY_ADD),
        {"term": "Biotech RusFrance", "note": "The series' name", **inline_rows("renderings", [])},
    )

    assertRedirects(response, reverse(GLOSSARY_LIST))
    assert GlossaryTerm.objects.get().term == "Biotech RusFrance"


def inline_rows(prefix, rows):
    """The POST data of a Wagtail InlinePanel holding ``rows`` (dicts of field values)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
        data.update({f"{prefix}-{index}-ORDER": str(index + 1), f"{prefix}-{index}-DELETE": ""})
    return data


def test_the_glossary_list_shows_each_terms_established_forms(superuser_client, renderings):
    listing = superuser_client.get(reverse(GLOSSARY_LIST))

    assertContains(listing, "ru: Сколково")
    assertContains(listing, "fr: Centre d&#x27;innovation Skolkovo")


def test_a_term_with_its_established_forms_is_added_through_the_admin(superuser_client, db):
    response = superuser_client.post(
        reverse(GLOSSARY_ADD),
        {
            "term": "Hypercube",
            "note": "",
            **inline_rows(
                "renderings",
                [{"language": "ru", "text": "Гиперкуб"}, {"language": "fr", "text": "Hypercube"}],
            ),
        },
    )

    assertRedirects(response, reverse(GLOSSARY_LIST))
    term = GlossaryTerm.objects.get()
    assert sorted(term.renderings.values_list("language", "text")) == [
        ("fr", "Hypercube"),
        ("ru", "Гиперкуб"),
    ]


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        pytest.param(
            [{"language": "ru", "text": "Гиперкуб"}, {"language": "ru", "text": "Гиперкубе"}],
            # Django's own check of the unique constraint across the rows.
            "Please correct the duplicate data for term and language, which must be unique.",
            id="two-forms-in-one-language",
        ),
        pytest.param(
            [{"language": "en", "text": "Hypercube"}],
            "Select a valid choice. en is not one of the available choices.",
            id="the-source-language",
        ),
        pytest.param(
            [{"language": "de", "text": "Hyperwürfel"}],
            "Select a valid choice. de is not one of the available choices.",
            id="a-language-the-site-does-not-have",
        ),
        pytest.param(
            [{"language": "ru", "text": ""}], "This field is required.", id="an-empty-form"
        ),
    ],
)
def test_a_bad_established_form_is_refused_and_nothing_is_saved(superuser_client, db, rows, error):
    response = superuser_client.post(
        reverse(GLOSSARY_ADD),
        {"term": "Hypercube", "note": "", **inline_rows("renderings", rows)},
    )

    assert response.status_code == 200
    assertContains(response, error)
    assert not GlossaryTerm.objects.exists()
    assert not GlossaryRendering.objects.exists()


@pytest.mark.parametrize("spelling", ["skolkovo", "SKOLKOVO", " Skolkovo "])
def test_a_term_differing_only_in_case_is_refused_with_a_clear_message(
    superuser_client, db, spelling
):
    GlossaryTerm.objects.create(term="Skolkovo")

    response = superuser_client.post(
        reverse(GLOSSARY_ADD), {"term": spelling, "note": "", **inline_rows("renderings", [])}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "term": [
            "“Skolkovo” is already in the glossary. Terms are compared without regard to case, "
            "and one entry protects every spelling."
        ]
    }
    assertContains(response, "is already in the glossary")
    assert list(GlossaryTerm.objects.values_list("term", flat=True)) == ["Skolkovo"]


def test_a_cyrillic_term_differing_only_in_case_is_refused(db):
    GlossaryTerm.objects.create(term="Сколково")

    with pytest.raises(Exception, match="already in the glossary"):
        GlossaryTerm(term="СКОЛКОВО").full_clean()


# Through wagtail-localize's machine translation view ----------------------------------------------


@pytest.fixture
def french_translation(home_page, locales, glossary, django_capture_on_commit_callbacks):
    home_page.title = "Biotech RusFrance at Skolkovo"
    home_page.tagline = "Meet the Skolkovo Innovation Center"
    home_page.save_revision().publish()
    translation_source, _created = TranslationSource.get_or_create_from_instance(home_page)
    translation = Translation.objects.create(source=translation_source, target_locale=locales["fr"])
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    return translation


def machine_translations(translation):
    return dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        ).values_list("context__path", "data")
    )


def test_machine_translate_view_keeps_glossary_terms(
    superuser_client, french_translation, django_capture_on_commit_callbacks
):
    french_page = french_translation.get_target_instance()
    edit_url = reverse("wagtailadmin_pages:edit", args=[french_page.id])

    response = superuser_client.post(
        reverse("wagtail_localize:machine_translate", args=[french_translation.id]),
        {"next": edit_url},
    )

    assertRedirects(response, edit_url, fetch_redirect_response=False)
    assert [str(message).strip() for message in get_messages(response.wsgi_request)] == [
        "Successfully translated with Pseudo-translation (offline)."
    ]
    translations = machine_translations(french_translation)
    assert translations["title"] == "Biotech RusFrance àţ Skolkovo"
    assert translations["tagline"] == "Ḿééţ ţĥé Skolkovo Innovation Center"
    assert translations["intro"] == "Šýñţĥéţíç íñţŕöđüçţíöñ ţö ţĥé šéŕíéš."

    with django_capture_on_commit_callbacks(execute=True):
        superuser_client.post(edit_url, {"action": "publish"})
    published = Page.objects.get(pk=french_page.pk)
    assert (published.title, published.live) == ("Biotech RusFrance àţ Skolkovo", True)


def test_the_translation_editor_offers_the_configured_translator(
    superuser_client, french_translation
):
    french_page = french_translation.get_target_instance()

    response = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[french_page.id]))

    props = json.loads(response.context["props"])
    assert props["machineTranslator"] == {
        "name": "Pseudo-translation (offline)",
        "url": reverse("wagtail_localize:machine_translate", args=[french_translation.id]),
    }


def test_without_a_configured_service_there_is_no_machine_translation(
    superuser_client, french_translation, settings
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    french_page = french_translation.get_target_instance()

    editor = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[french_page.id]))
    attempt = superuser_client.post(
        reverse("wagtail_localize:machine_translate", args=[french_translation.id]), follow=True
    )

    assert json.loads(editor.context["props"])["machineTranslator"] is None
    assert attempt.status_code == 404
    assert machine_translations(french_translation) == {}
