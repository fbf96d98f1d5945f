"""Point the default Wagtail Site at the address the site is served from.

Wagtail builds every absolute address (canonical links, hreflang alternates, OpenGraph URLs,
the sitemap) from the Site record's hostname and port, not from the request. `make run` calls
this with the address it serves, so that those links work on a developer's machine; a
production site sets its public address once (`manage.py set_site_address https://example.org`)
or in the admin (Settings → Sites).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_address(address):
    """(hostname, port) of an http(s) address such as "http://127.0.0.1:8000"."""
    parts = urlsplit(address.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or port == -1:
        raise CommandError(
            f"“{address}” is not an address such as http://127.0.0.1:8000 or https://example.org."
        )
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise CommandError(f"“{address}” has a path: give the site's scheme, host and port only.")
    # Wagtail writes https:// for port 443 and http:// for any other.
    if parts.scheme == "https" and port not in (None, 443):
        raise CommandError("Wagtail serves https:// addresses on port 443 only.")
    return parts.hostname, port or DEFAULT_PORTS[parts.scheme]


class Command(BaseCommand):
    help = "Set the default Site's hostname and port from the address it is served at."

    def add_arguments(self, parser):
        parser.add_argument("address", help="For example http://127.0.0.1:8000")

    def handle(self, *args, address, **options):
        hostname, port = parse_address(address)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet: run `manage.py load_demo` first.")
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(f"The site is already served at {site.root_url}: nothing to change.")
            return
        site.hostname, site.port = hostname, port
        try:
            site.full_clean()
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        site.save()
        self.stdout.write(self.style.SUCCESS(f"The site's address is now {site.root_url}."))
