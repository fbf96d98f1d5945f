"""`manage.py set_site_address`: absolute links (canonical, hreflang, sitemap) lead to where the
site is actually served."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from tests.html import get_page

pytestmark = pytest.mark.django_db


def set_address(address):
    out = StringIO()
    call_command("set_site_address", address, stdout=out)
    return out.getvalue()


def test_absolute_links_follow_the_address_given(client, site_tree):
    assert set_address("http://127.0.0.1:8000") == (
        "The site's address is now http://127.0.0.1:8000.\n"
    )

    soup = get_page(client, site_tree.editions.url)

    canonical = soup.head.find("link", rel="canonical")["href"]
    assert canonical == "http://127.0.0.1:8000/en/editions/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://127.0.0.1:8000/en/editions/</loc>" in sitemap


def test_an_https_address_uses_port_443(site_tree):
    set_address("https://conference.example.org")

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "conference.example.org",
        443,
        "https://conference.example.org",
    )


def test_setting_the_same_address_again_changes_nothing(site_tree):
    set_address("http://127.0.0.1:8000")

    assert set_address("http://127.0.0.1:8000/") == (
        "The site is already served at http://127.0.0.1:8000: nothing to change.\n"
    )


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1:8000",
        "ftp://example.org",
        "http://",
        "http://example.org:notaport",
        "http://example.org/en/",
        "https://example.org:8443",
    ],
)
def test_a_bad_address_is_refused_and_changes_nothing(site_tree, address):
    with pytest.raises(CommandError):
        set_address(address)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
