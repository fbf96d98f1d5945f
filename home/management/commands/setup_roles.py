from django.core.management.base import BaseCommand

from home.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the editorial groups (Editors, Moderators, one Translators group per "
        "target language in WAGTAIL_CONTENT_LANGUAGES), their permissions and the review "
        "workflow. Idempotent: run it again after adding a language."
    )

    def handle(self, *args, **options):
        report = setup_roles()
        if report.changes:
            self.stdout.write(self.style.SUCCESS("Roles updated:"))
            for change in report.changes:
                self.stdout.write(f"  - {change}")
        else:
            self.stdout.write("Roles and review workflow are up to date: nothing changed.")
        for note in report.notes:
            self.stdout.write(self.style.WARNING(f"Note: {note}"))
        self.stdout.write(f"Groups: {', '.join(report.groups)}.")
