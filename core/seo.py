"""What a page tells search engines and social networks about itself: its canonical address,
OpenGraph and Twitter card metadata, and the picture shared with it.

Everything is computed from the page's existing fields and from what its template context
already holds, so that the head of a page costs no query of its own (see tests/test_seo.py).
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.utils import translation

# OpenGraph wants a territory with the language; these are the audiences the series writes for.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "fr": "fr_FR"}


@dataclass(frozen=True)
class ShareImageSpec:
    """Which image field of a page is shared, and at which size.

    Social networks show neither AVIF/WebP everywhere nor SVG, hence JPEG or PNG (logos keep
    their transparency); a logo is never cropped.
    """

    field: str
    filter_spec: str
    large: bool


# The sizes each kind of picture is shared at.
HERO_IMAGE = "fill-1200x630|format-jpeg"
PORTRAIT = "fill-600x600|format-jpeg"
LOGO = "max-600x600|format-png"


@dataclass(frozen=True)
class SharedImage:
    url: str
    width: int
    height: int
    alt: str
    large: bool


def og_locale(language_code):
    """The form OpenGraph expects: "fr" gives "fr_FR"."""
    return OG_LOCALES.get(language_code) or translation.to_locale(language_code)


def full_url(page, request):
    """The page's absolute address on its site, in its own language, without query string."""
    if page is None or page.pk is None:
        return None
    return page.get_full_url(request)


def site_root_url(page, request):
    """The scheme and host the page's site is served from ("https://example.org")."""
    parts = page.get_url_parts(request) if page.pk is not None else None
    return parts[1] if parts else None


def share_image(page, request):
    """The first of the page's ``share_images`` it has, as a SharedImage, or None when it has
    none (or only an SVG, which social networks do not show)."""
    for spec in getattr(page, "share_images", ()):
        image = getattr(page, spec.field, None)
        if image is None or image.is_svg():
            continue
        rendition = image.get_rendition(spec.filter_spec)
        base = site_root_url(page, request) or request.build_absolute_uri("/")
        return SharedImage(
            url=urljoin(base, rendition.url),
            width=rendition.width,
            height=rendition.height,
            alt=rendition.alt or "",
            large=spec.large,
        )
    return None


def page_language(page, translations):
    """The page's language code, read from its live translations (which include the page
    itself, with its locale) so as not to query the locale again; a draft being previewed is
    not among them, and is in the active language."""
    current = next((link for link in translations if link["is_current"]), None)
    return current["language_code"] if current else translation.get_language()


def page_meta(page, request, *, translations, site_name):
    """Everything the head says about ``page`` for sharing, as a dict for
    includes/seo_meta.html. ``translations`` is what the page_translations tag gives."""
    language = page_language(page, translations)
    # The current page's own link, which on a routable subpage (one quote) is the subpage's.
    current = next((link for link in translations if link["is_current"]), None)
    url = current["full_url"] if current else full_url(page, request)
    image = share_image(page, request)
    return {
        "canonical_url": url,
        "title": page.seo_title or page.title,
        "description": page.seo_description() if hasattr(page, "seo_description") else "",
        "type": getattr(page, "og_type", "website"),
        "site_name": site_name or getattr(settings, "WAGTAIL_SITE_NAME", ""),
        "locale": og_locale(language),
        "locale_alternates": [
            og_locale(link["language_code"]) for link in translations if not link["is_current"]
        ],
        "language": language,
        "image": image,
        "twitter_card": "summary_large_image" if image and image.large else "summary",
    }
