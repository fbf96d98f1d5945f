import re

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.middleware.locale import LocaleMiddleware

FIRST_SEGMENT = re.compile(r"^/([^/]+)(?:/|$)")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a path starting with a language the site does
    not have (/de/..., /zh-hans/...) is a plain 404.

    Django would redirect it to the default language (/en/de/...), because Wagtail's
    catch-all URL makes every path look valid: that only leads to a second, more confusing
    404. Paths without any language prefix (/editions/2016/) still redirect, so old links
    keep working. Nor are paths outside the public site (/admin/, /documents/, /api/, ...)
    redirected: a missing admin object or API page is a 404 there, not a trip to /en/admin/.
    """

    unprefixed_paths = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/api/")

    def process_response(self, request, response):
        if response.status_code == 404 and (
            request.path_info.startswith(self.unprefixed_paths)
            or self._starts_with_unknown_language(request.path_info)
        ):
            return response
        return super().process_response(request, response)

    @staticmethod
    def _starts_with_unknown_language(path):
        match = FIRST_SEGMENT.match(path)
        if match is None:
            return False
        segment = match.group(1).lower()
        known = {code.lower() for code, _name in settings.LANGUAGES}
        return segment in LANG_INFO and segment not in known


class AdminContentSecurityPolicyMiddleware:
    """The admin's own Content-Security-Policy: Wagtail's and wagtail-localize's admin need inline
    scripts and styles, and previews frame the site; nothing may come from another site."""

    policy = "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response.setdefault("Content-Security-Policy", self.policy)
        return response
