"""Template tags shared by every page of the site: {% load conference_tags %}."""

import re
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core.dates import date_range_parts
from core.languages import language_order
from core.visibility import visible

register = template.Library()


def _time_element(value, label):
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), label)


@register.simple_tag
def date_range(start, end=None):
    """A date or a range of dates as <time> elements in the current language.

    {% date_range news.date %} gives one day; {% date_range session_start session_end %}
    gives "19-21 October 2016", "30 September - 2 October 2016" or
    "30 December 2016 - 2 January 2017" (with en dashes), each end machine-readable.
    """
    if not start:
        return ""
    start_label, dash, end_label = date_range_parts(start, end)
    if dash is None:
        return _time_element(start, start_label)
    return format_html(
        "{}{}{}", _time_element(start, start_label), dash, _time_element(end, end_label)
    )


@register.filter
def edition_dates(edition):
    """{{ edition|edition_dates }}: the days of an edition, as date_range renders them."""
    return date_range(edition.start_date, edition.end_date)


@register.simple_tag
def tel_uri(phone, extension=""):
    """A tel: link target (RFC 3966) for a phone number as editors type it.

    {% tel_uri "+7 (495) 000-00-00" "2076" %} gives "tel:+74950000000;ext=2076".
    """
    number = re.sub(r"[^0-9+]", "", phone or "")
    if extension:
        number = f"{number};ext={extension}"
    return f"tel:{number}"


@register.filter
def url_host(url):
    """{{ "https://www.example.org/about/"|url_host }} gives "example.org": a web address
    short enough to read as a link text."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the site in the current language, else the site's root page (or None
    outside any site)."""
    request = context.get("request")
    if request is None:
        return None
    homes = _site_homes(request)
    if translation.get_language() in homes:
        return homes[translation.get_language()]
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def site_name(context):
    """The name of the series, in the current language when the home page is translated."""
    root = site_root(context)
    if root is not None:
        return root.title
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The visible children of the home page marked "Show in menus", with the section of the
    current page marked current."""
    root = site_root(context)
    current_page = context.get("page")
    current_path = getattr(current_page, "url_path", "") or ""
    items = []
    if root is not None:
        for child in visible(root.get_children()).in_menu():
            items.append({"page": child, "is_current": current_path.startswith(child.url_path)})
    return {"items": items, "request": context.get("request")}


def _site_homes(request):
    """{language_code: the live home page in that language} for the request's site.

    One query per request, cached on it: the header, the menu, the footer and the language
    switcher all need the home pages.
    """
    if not hasattr(request, "_conference_site_homes"):
        site = Site.find_for_request(request)
        homes = {}
        if site is not None:
            translations = visible(site.root_page.get_translations(inclusive=True))
            for home in translations.select_related("locale"):
                homes[home.locale.language_code] = home
        request._conference_site_homes = homes
    return request._conference_site_homes


@register.simple_tag(takes_context=True)
def page_translations(context):
    """The live translations of the current page, one per language, in the order of
    settings.LANGUAGES: what hreflang alternates and the language switcher are made of.

    Each item: language_code, name (in its own language), url, full_url, is_current.

    On a subpage of a routable page (one quote of the quotes page), the view's
    ``translated_route`` (core.routes.TranslatedRoute) leads each link to the same
    subpage, in the languages it exists in.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return []
    route = context.get("translated_route")
    cache = request.__dict__.setdefault("_conference_page_translations", {})
    key = (getattr(page, "pk", None), route)
    if key in cache:
        return cache[key]
    links = []
    if isinstance(page, Page) and getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        translations = visible(page.get_translations(inclusive=True)).select_related("locale")
        for translated in translations:
            code = translated.locale.language_code
            url = translated.get_url(request)
            if url is None or (route is not None and code not in route.languages):
                continue
            full_url = translated.get_full_url(request)
            if route is not None:
                url, full_url = url + route.subpath, full_url + route.subpath
            links.append(
                {
                    "language_code": code,
                    "name": translation.get_language_info(code)["name_local"],
                    "url": url,
                    "full_url": full_url,
                    "is_current": translated.pk == page.pk,
                }
            )
    links.sort(key=lambda link: language_order(link["language_code"]))
    cache[key] = links
    return links


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """<link rel="alternate" hreflang> targets: every live translation of the page, plus
    ``x-default`` (the page in the site's default language) for readers of any other."""
    links = page_translations(context)
    alternates = [(link["language_code"], link["full_url"]) for link in links]
    default = next(
        (link for link in links if link["language_code"] == settings.LANGUAGE_CODE), None
    )
    if default is not None:
        alternates.append(("x-default", default["full_url"]))
    return alternates


@register.simple_tag(takes_context=True)
def language_switcher(context):
    """One entry per language of the site: this page in that language when it is translated
    and live, otherwise that language's home page with a note, written in that language, that
    this page is not translated yet. A page outside the page tree (an error page, say) links
    every language's home page.

    Each item: language_code, name (in its own language), url, is_current, is_translated, note.
    """
    request = context.get("request")
    if request is None:
        return []
    homes = _site_homes(request)
    translated = {link["language_code"]: link for link in page_translations(context)}
    has_page = isinstance(context.get("page"), Page)
    current_language = translation.get_language()
    items = []
    for code, _name in settings.LANGUAGES:
        name = translation.get_language_info(code)["name_local"]
        if code in translated:
            link = translated[code]
            items.append(
                {
                    "language_code": code,
                    "name": name,
                    "url": link["url"],
                    "is_current": link["is_current"],
                    "is_translated": True,
                    "note": "",
                }
            )
        elif code in homes:
            with translation.override(code):
                note = _("not translated yet: home page") if has_page else ""
            items.append(
                {
                    "language_code": code,
                    "name": name,
                    "url": homes[code].get_url(request),
                    "is_current": not has_page and code == current_language,
                    "is_translated": not has_page,
                    "note": str(note),
                }
            )
    return items if len(items) > 1 else []
