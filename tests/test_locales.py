from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_sync_locales_creates_every_content_language_once(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("ru", "Russian"), ("fr", "French")]

    call_command("sync_locales", stdout=StringIO())
    call_command("sync_locales", stdout=StringIO())

    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "fr", "ru"]


def test_adding_a_language_is_a_settings_change_and_the_command(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("de", "German")]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    out = StringIO()

    call_command("sync_locales", stdout=out)

    assert Locale.objects.filter(language_code="de").exists()
    assert "Locales created: de." in out.getvalue()
