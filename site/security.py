"""Helpers of the security settings, read at start-up (settings import them: no model here)."""

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

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
