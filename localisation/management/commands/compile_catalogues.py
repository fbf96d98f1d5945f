from django.core.management.base import BaseCommand

from localisation.catalogues import compile_catalogues


class Command(BaseCommand):
    help = (
        "Compile the interface translations (each locale/*/LC_MESSAGES/django.po into its .mo) "
        "in Python, without GNU gettext; only the catalogues changed since their last compilation."
    )

    def handle(self, *args, **options):
        report = self.stdout if options["verbosity"] > 0 else None
        written = compile_catalogues(stdout=report)
        if report is not None and not written:
            self.stdout.write("Every compiled catalogue is up to date.")
