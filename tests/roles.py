"""What the role tests share: the role of each group, and reading the admin's answers."""

import io
import json
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringTranslation, Translation

from home.roles import EDITORS, MODERATORS, translators_group_name

ROLE_GROUPS = {
    "editor": EDITORS,
    "moderator": MODERATORS,
    "translator_ru": translators_group_name("ru"),
    "translator_fr": translators_group_name("fr"),
}


def people_in_roles(**groups):
    """One user per ``name=group name``, each in that group only, after ``setup_roles`` made the
    groups: ``people_in_roles(moderator=MODERATORS)["moderator"]``."""
    call_command("setup_roles", stdout=io.StringIO())
    people = {}
    for name, group_name in groups.items():
        user = get_user_model().objects.create_user(username=name, password="unused")
        user.groups.add(Group.objects.get(name=group_name))
        people[name] = user
    return people


def start_review(page, user):
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def granted(response):
    """True when the admin served the page, False when it refused: a redirect to the dashboard
    (Wagtail's "Sorry, you do not have permission") or a 403. Anything else fails the test."""
    if response.status_code == 200:
        return True
    if response.status_code == 403:
        return False
    if response.status_code == 302 and response.url == reverse("wagtailadmin_home"):
        return False
    raise AssertionError(f"Neither served nor refused: {response.status_code} {response}")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def news_form_data(page, **fields):
    """The POST the page editor sends for a news item with nothing inline."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "date": page.date.isoformat(),
            "edition": "",
            "topics": inline_formset([]),
            "lead": page.lead,
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            **fields,
        }
    )


def translated_in_the_translation_editor(client, page):
    """Opens the page's translation in wagtail-localize's editor and translates its title."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    editor = client.get(edit_url(page))
    editor_opened = granted(editor)
    if editor_opened:
        props = json.loads(editor.context["props"])
        assert props["locale"]["code"] == page.locale.language_code

    title = translation.source.stringsegment_set.get(context__path="title")
    client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
        urlencode({"value": "Translated title"}),
        content_type="application/x-www-form-urlencoded",
    )
    title_translated = StringTranslation.objects.filter(
        translation_of=title.string, locale=page.locale, data="Translated title"
    ).exists()

    assert editor_opened == title_translated, "the editor and its string API disagree"
    return title_translated
