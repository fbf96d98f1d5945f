"""Uploads have a bounded cost: an image with too many pixels (a decompression bomb among them),
a file too large, or a malformed image is refused with a form error that says why, never a
server error, and nothing is stored."""

import io
import struct
import zlib

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from tests.html import text_of

pytestmark = pytest.mark.integration


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def blank_png(width, height):
    """A valid one-bit PNG of ``width`` x ``height`` blank pixels: tens of kilobytes on disk
    for hundreds of megabytes once decoded."""
    row = b"\x00" + bytes((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def small_gif():
    out = io.BytesIO()
    PILImage.new("RGB", (64, 48), "navy").save(out, "GIF")
    return out.getvalue()


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Synthetic upload", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def errors_of(response):
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(text_of(error) for error in page.select(".error-message, .help-critical"))


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("bomb.png", lambda: blank_png(20_000, 20_000), "too many pixels"),
        ("wide.png", lambda: blank_png(11_000, 11_000), "too many pixels"),
        ("truncated.gif", lambda: small_gif()[:40], "Upload a valid image"),
        ("not-an-image.gif", lambda: b"GIF89a" + b"\x00" * 20, "Upload a valid image"),
        ("huge.png", lambda: blank_png(64, 64) + bytes(11 << 20), "Maximum filesize 10.0 MB"),
    ],
)
def test_an_image_that_would_cost_too_much_or_cannot_be_read_is_refused_with_a_form_error(
    superuser_client, name, content, error
):
    response = upload_image(superuser_client, name, content())

    assert response.status_code == 200
    assert error in errors_of(response)
    assert not Image.objects.exists()


def test_an_ordinary_photo_is_accepted(superuser_client):
    out = io.BytesIO()
    PILImage.new("RGB", (1200, 800), "teal").save(out, "JPEG")

    response = upload_image(superuser_client, "photo.jpg", out.getvalue())

    assert response.status_code == 302
    assert Image.objects.get().width == 1200


def test_a_document_over_the_size_limit_is_refused(superuser_client):
    response = superuser_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Synthetic large document",
            "file": SimpleUploadedFile("large.pdf", bytes(200 * 1024 * 1024)),
            "collection": 1,
        },
    )

    assert response.status_code == 200
    assert "This file is too big (200.0 MB). Maximum filesize 20.0 MB." in errors_of(response)
    assert not Document.objects.exists()
