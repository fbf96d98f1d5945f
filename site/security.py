"""Helpers of the security settings, read at start-up (settings import them: no model here)."""

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def error_page_style_hash(template: Path) -> str:
    """The CSP source that allows the inline style of the 500 page, whose text has no template
    variable in it: ``'sha256-…'`` of exactly what the browser hashes."""
    style = STYLE_ELEMENT.search(template.read_text(encoding="utf-8")).group(1)
    digest = hashlib.sha256(style.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def media_origins(media_url: str) -> list[str]:
    """The origin of uploaded images when they are served from another host (object storage, a
    CDN): the public pages' policy allows images from there too."""
    parts = urlsplit(media_url)
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


def client_address(request) -> str | None:
    """The visitor's address, for login throttling (``AXES_CLIENT_IP_CALLABLE``).

    Behind a reverse proxy every request comes from the proxy: throttling by that address would
    let one attacker lock every visitor out. With ``PROXY_COUNT`` trusted proxies in front
    (nginx under ``make prod``: 1), the visitor is the address the outermost of them appended
    to X-Forwarded-For; what a client writes there itself, further left, is never trusted.
    """
    remote = request.META.get("REMOTE_ADDR")
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if not proxies:
        return remote
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    return forwarded[-proxies] if len(forwarded) >= proxies else remote
