"""Template tags shared by every page of the site: {% load conference_tags %}."""

import re
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html
from wagtail.models import Page, Site

from editions.models import PartnerRole

register = template.Library()

# An en dash joins the two ends of a range: tight between two day numbers ("19-21 October"),
# spaced once either end has more than one word ("30 September - 2 October").
TIGHT_DASH = "\u2013"
SPACED_DASH = " \u2013 "


def date_range_parts(start, end=None):
    """The labels of the first and last day, each as short as the pair allows.

    Returns (start_label, dash, end_label); dash and end_label are None for a single day.
    It relies on the day coming before the month, which holds for the site's languages
    (see conference_site/formats/).
    """
    if end is None or end == start:
        return date_format(start, "DATE_FORMAT"), None, None
    end_label = date_format(end, "DATE_FORMAT")
    if start.year != end.year:
        return date_format(start, "DATE_FORMAT"), SPACED_DASH, end_label
    if start.month != end.month:
        return date_format(start, "MONTH_DAY_FORMAT"), SPACED_DASH, end_label
    return date_format(start, "j"), TIGHT_DASH, end_label


def format_date_range(start, end=None):
    """A date range as plain text, for example "19-21 October 2016" (with an en dash)."""
    start_label, dash, end_label = date_range_parts(start, end)
    if dash is None:
        return start_label
    return f"{start_label}{dash}{end_label}"


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


@register.simple_tag
def partner_groups(partners):
    """An edition's partners grouped by role, hosts and organisers first.

    {% partner_groups partners as groups %} gives [(role label, [EditionPartner, ...]), ...]
    in the order of PartnerRole, keeping the editor's order inside each group.
    """
    groups = {}
    for partner in partners:
        groups.setdefault(partner.role, []).append(partner)
    ordered = [
        (label, groups.pop(value)) for value, label in PartnerRole.choices if value in groups
    ]
    # Roles no longer offered in the admin still show, after the known ones.
    ordered.extend((rows[0].get_role_display(), rows) for rows in groups.values())
    return ordered


@register.simple_tag(takes_context=True)
def site_root(context):
    """The home page of the site in the current language (or None outside any site).

    Cached on the request: the header, the menu and the footer all ask for it.
    """
    request = context.get("request")
    if request is None:
        return None
    cache = request.__dict__.setdefault("_conference_site_roots", {})
    language = translation.get_language()
    if language not in cache:
        site = Site.find_for_request(request)
        cache[language] = site.root_page.localized if site else None
    return cache[language]


@register.simple_tag(takes_context=True)
def site_name(context):
    """The name of the series, in the current language when the home page is translated."""
    root = site_root(context)
    if root is not None:
        return root.title
    return getattr(settings, "WAGTAIL_SITE_NAME", "")


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The live children of the home page marked "Show in menus", with the section of the
    current page marked current."""
    root = site_root(context)
    current_page = context.get("page")
    current_path = getattr(current_page, "url_path", "") or ""
    items = []
    if root is not None:
        for child in root.get_children().live().in_menu():
            items.append({"page": child, "is_current": current_path.startswith(child.url_path)})
    return {"items": items, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def page_translations(context):
    """The live translations of the current page, one per language, in the order of
    settings.LANGUAGES; an empty list when the page exists in one language only.

    Each item: language_code, name (in its own language), url, full_url, is_current.
    """
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return []
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    language_order = [code for code, _name in settings.LANGUAGES]
    links = []
    for translated in translations:
        code = translated.locale.language_code
        url = translated.get_url(request)
        if url is None:
            continue
        links.append(
            {
                "language_code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url,
                "full_url": translated.get_full_url(request),
                "is_current": translated.pk == page.pk,
            }
        )
    if len(links) < 2:
        return []
    return sorted(
        links,
        key=lambda link: (
            language_order.index(link["language_code"])
            if link["language_code"] in language_order
            else len(language_order)
        ),
    )
