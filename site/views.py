"""Views outside the page tree, served at the root of the site without a language prefix."""

from collections import defaultdict
from dataclasses import dataclass
from functools import reduce
from operator import or_

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core.languages import language_order
from core.pages import home_path
from core.visibility import visible


@dataclass(frozen=True)
class SitemapItem:
    """What the sitemap needs of an address that is not a page of its own (a quote's)."""

    locale: object
    last_published_at: object


def sitemap_entries(request):
    """Every visible page of the request's site in every language, and the addresses below
    them that a page class lists (``sitemap_entries``: the permalink of every quote), each with
    its alternates:
    [{"url", "lastmod", "alternates": [(hreflang, url), ...]}, ...].

    A page's alternates are its live translations (itself included), found by grouping the
    pages on their translation key, plus ``x-default``, the page in the default language,
    as the pages' own hreflang links give them. A constant number of queries whatever the
    number of pages: the site, the pages with their locales, then one per page class that
    lists addresses below its pages (the quotes).
    """
    site = Site.find_for_request(request)
    if site is None:
        return []
    # The site's home page in each language is a root path of the site; its pages are under.
    root_paths = [srp.root_path for srp in Site.get_site_root_paths() if srp.site_id == site.pk]
    if not root_paths:
        return []
    pages = (
        visible(Page.objects.all())
        .filter(reduce(or_, (Q(url_path__startswith=path) for path in root_paths)))
        .select_related("locale")
        .order_by("path")
    )

    groups = defaultdict(list)
    listing_subpages = defaultdict(dict)
    for page in pages:
        parts = page.get_url_parts(request)
        # Skip what is not routable, and pages of another site nested inside this one.
        if parts is None or parts[0] != site.pk or parts[2] is None:
            continue
        _site_id, root_url, path = parts
        groups[page.translation_key].append((page, root_url + path))
        if hasattr(page.specific_class, "sitemap_entries"):
            listing_subpages[page.specific_class][home_path(page)] = (page, root_url + path)

    # The addresses below such pages (each quote's permalink, in each language it is published
    # in): one more query per page class, whatever their number.
    for page_class, indexes in listing_subpages.items():
        for key, index, url, published_at in page_class.sitemap_entries(indexes, pages):
            item = SitemapItem(locale=index.locale, last_published_at=published_at)
            groups[key].append((item, url))

    entries = []
    for group in groups.values():
        group.sort(key=lambda item: language_order(item[0].locale.language_code))
        alternates = [(page.locale.language_code, url) for page, url in group]
        default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
        if default is not None:
            alternates.append(("x-default", default))
        entries.extend(
            {
                "url": url,
                "lastmod": page.last_published_at,
                "alternates": alternates,
            }
            for page, url in group
        )
    return entries


@require_GET
def sitemap(request):
    """/sitemap.xml: every page in every language with its hreflang alternates (Wagtail's own
    sitemap has no alternates)."""
    return render(
        request,
        "sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    """/robots.txt: the admin is kept out of search engines; the sitemap is pointed at."""
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap"))},
        content_type="text/plain; charset=utf-8",
    )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, throttled like the admin login (django-axes): wrong
    passwords for one private page from one address count as failed logins of an account
    named after the restriction, and past the limit the form answers with the lockout page."""
    credentials = {"username": f"page-password-{page_view_restriction_id}"}
    locked = settings.AXES_ENABLED and not AxesProxyHandler.is_allowed(request, credentials)
    if request.method == "POST" and locked:
        return lockout(request, credentials=credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:
        # The form came back: the password was wrong.
        user_login_failed.send(
            sender=authenticate_with_password, credentials=credentials, request=request
        )
    return response


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login or page password (AXES_LOCKOUT_CALLABLE)."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(request, "lockout.html", {"minutes": minutes}, status=429)
