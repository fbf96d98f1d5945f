"""Translation memory (localisation/memory.py): a segment already translated elsewhere and
approved, a glossary term, or a field whose English changed since it was translated opens
pre-filled in the translation editor, marked with where the text comes from."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from home.roles import translators_group_name
from localisation.models import GlossaryRendering, GlossaryTerm
from tests.factories import NewsPageFactory, translate_pages
from tests.html import soup_of

pytestmark = pytest.mark.django_db

SHARED = "A sentence every news item shares."
SHARED_RU = "Предложение, общее для всех новостей."


@pytest.fixture
def translator(site_tree, locales, django_user_model):
    translate_pages([site_tree.home, site_tree.news], "ru")
    call_command("setup_roles", stdout=io.StringIO())
    user = django_user_model.objects.create_user(username="translator", password="x")
    user.groups.add(Group.objects.get(name=translators_group_name("ru")))
    return user


@pytest.fixture
def translate(superuser, locales, django_capture_on_commit_callbacks):
    def translate(page, strings=None, publish=False):
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(page, [locales["ru"]], user=superuser)
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locales["ru"]
        )
        for english, russian in (strings or {}).items():
            for segment in StringSegment.objects.filter(
                source=translation.source, string__data=english
            ):
                StringTranslation.objects.create(
                    translation_of=segment.string,
                    locale=locales["ru"],
                    context=segment.context,
                    data=russian,
                )
        if publish:
            with django_capture_on_commit_callbacks(execute=True):
                translation.save_target(user=superuser, publish=True)
        return translation

    return translate


def editor_translations(client, page, locales):
    """{English text: (Russian text, the editor's note)} of the page's translation editor."""
    russian = page.get_translation(locales["ru"])
    soup = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk])))
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    sources = {segment["id"]: segment.get("source") for segment in props["segments"]}
    return {
        sources[item["segment_id"]]: (item["data"], item["comment"])
        for item in props["initialStringTranslations"]
        if item["segment_id"] in sources
    }


def test_a_text_translated_and_approved_elsewhere_is_offered_from_memory(
    client, translator, site_tree, locales, translate
):
    approved = NewsPageFactory(parent=site_tree.news, title="First", lead=SHARED)
    translate(approved, {SHARED: SHARED_RU}, publish=True)
    new = NewsPageFactory(parent=site_tree.news, title="Second", lead=SHARED)
    translate(new)
    client.force_login(translator)

    offered = editor_translations(client, new, locales)

    text, note = offered[SHARED]
    assert text == SHARED_RU
    assert note.startswith("Translated with the translation memory on ")
    assert "Second" not in offered  # nothing to remember for the title


def test_a_translation_not_yet_approved_is_not_offered(
    client, translator, site_tree, locales, translate
):
    draft = NewsPageFactory(parent=site_tree.news, title="First", lead=SHARED)
    translate(draft, {SHARED: "Непроверенный перевод."})
    new = NewsPageFactory(parent=site_tree.news, title="Second", lead=SHARED)
    translate(new)
    client.force_login(translator)

    assert SHARED not in editor_translations(client, new, locales)


def test_a_glossary_term_is_offered_in_its_established_form(
    client, translator, site_tree, locales, translate
):
    term = GlossaryTerm.objects.create(term="Skolkovo Foundation")
    GlossaryRendering.objects.create(term=term, language="ru", text="Фонд «Сколково»")
    page = NewsPageFactory(parent=site_tree.news, title="Skolkovo Foundation", lead="A lead.")
    translate(page)
    client.force_login(translator)

    text, note = editor_translations(client, page, locales)["Skolkovo Foundation"]

    assert text == "Фонд «Сколково»"
    assert note.startswith("Translated with the glossary on ")


def test_a_changed_english_text_opens_with_the_previous_translation_and_the_old_english(
    client, translator, site_tree, locales, translate
):
    page = NewsPageFactory(parent=site_tree.news, title="Item", lead="The old lead.")
    translation = translate(page, {"Item": "Новость", "The old lead.": "Старый анонс."}, True)
    page.lead = "The new lead."
    page.save_revision().publish()
    translation.source.update_from_db()
    client.force_login(translator)

    text, note = editor_translations(client, page, locales)["The new lead."]

    assert text == "Старый анонс."
    assert "previous translation, made when the English read “The old lead.”" in note


def test_memory_fills_a_segment_once_and_never_overwrites_the_translators_work(
    client, translator, site_tree, locales, translate
):
    approved = NewsPageFactory(parent=site_tree.news, title="First", lead=SHARED)
    translate(approved, {SHARED: SHARED_RU}, publish=True)
    new = NewsPageFactory(parent=site_tree.news, title="Second", lead=SHARED)
    translate(new, {SHARED: "Свой вариант."})
    client.force_login(translator)

    editor_translations(client, new, locales)
    offered = editor_translations(client, new, locales)

    assert offered[SHARED][0] == "Свой вариант."
