from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from wagtail.users.models import UserProfile

from home.roles import EDITORS, MODERATORS, setup_roles, target_languages, translators_group_name

DEV_ADMIN_USERNAME = "admin"
DEV_ADMIN_PASSWORD = "admin"


def admin_language_of(username: str) -> str:
    """The admin language a development login starts in: its target language for a
    translator ("translator-ru"), the site's default (empty) for the others."""
    prefix = "translator-"
    return username.removeprefix(prefix) if username.startswith(prefix) else ""


def role_logins():
    """One development login per role, ``(username, group name)``; the password is the username."""
    return [
        ("editor", EDITORS),
        ("moderator", MODERATORS),
        *((f"translator-{code}", translators_group_name(code)) for code in target_languages()),
    ]


class Command(BaseCommand):
    help = (
        "Create (or reset) the development logins, the administrator and one user per role, "
        "and print them. DEBUG only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--url",
            default=getattr(settings, "WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000"),
            help="The address the site is served at, for the printed links.",
        )

    def handle(self, *args, url, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Refusing to create well-known logins with DEBUG off. "
                "In production use `manage.py createsuperuser` and `manage.py setup_roles`."
            )
        User = get_user_model()
        admin, _created = User.objects.get_or_create(
            username=DEV_ADMIN_USERNAME, defaults={"email": "admin@example.org"}
        )
        admin.is_staff = admin.is_superuser = admin.is_active = True
        admin.set_password(DEV_ADMIN_PASSWORD)
        admin.save()
        rows = [(DEV_ADMIN_USERNAME, DEV_ADMIN_PASSWORD, "Administrator (every permission)")]

        # The groups must be in their final shape for the logins to show what each role can do;
        # setup_roles changes nothing when `make demo` has just run it.
        setup_roles()
        for username, group_name in role_logins():
            user, _created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.org"}
            )
            user.is_active = True
            user.is_staff = user.is_superuser = False
            user.set_password(username)
            user.save()
            user.groups.set([Group.objects.get(name=group_name)])
            # The admin speaks a translator's target language to them from their first login.
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = admin_language_of(username)
            profile.save(update_fields=["preferred_language"])
            rows.append((username, username, group_name))

        host = url.rstrip("/")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Development logins (DEBUG only):"))
        self.stdout.write(f"  Site:   {host}/")
        self.stdout.write(f"  Admin:  {host}/admin/")
        self.stdout.write("")
        table = [("Username", "Password", "Role"), *rows]
        width = max(len(username) for username, _password, _role in table)
        for username, password, role in table:
            self.stdout.write(f"  {username:<{width}}  {password:<{width}}  {role}")
        self.stdout.write("")
