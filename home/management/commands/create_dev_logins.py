from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "admin"


class Command(BaseCommand):
    help = "Create (or reset) the development administrator login and print it. DEBUG only."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default=getattr(settings, "WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"),
            help="The address the site is served at, for the printed links.",
        )

    def handle(self, *args, url, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create a well-known login with DEBUG off. "
                "In production use `manage.py createsuperuser`."
            )
        user, created = get_user_model().objects.get_or_create(
            username=DEV_ADMIN_USERNAME,
            defaults={"email": "admin@example.org", "is_staff": True, "is_superuser": True},
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(DEV_ADMIN_PASSWORD)
        user.save()
        host = url.rstrip("/")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Development logins (DEBUG only):"))
        self.stdout.write(f"  Site:   {host}/")
        self.stdout.write(f"  Admin:  {host}/admin/")
        self.stdout.write(
            f"  Administrator: username {DEV_ADMIN_USERNAME!r}, password {DEV_ADMIN_PASSWORD!r}"
            + (" (created)" if created else "")
        )
        self.stdout.write("")
