from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Locale


class Command(BaseCommand):
    help = (
        "Create a Wagtail locale for every language in WAGTAIL_CONTENT_LANGUAGES "
        "(idempotent). Adding a language is a settings change plus this command."
    )

    def handle(self, *args, **options):
        created = []
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            _locale, was_created = Locale.objects.get_or_create(language_code=code)
            if was_created:
                created.append(code)
        known = ", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)
        if created:
            self.stdout.write(self.style.SUCCESS(f"Locales created: {', '.join(created)}."))
        self.stdout.write(f"Content languages: {known}.")
