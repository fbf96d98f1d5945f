"""What a translator supplies is checked as the admin form checks it (localisation/validation.py):
the rules one by one, without the editor."""

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks

from core.blocks import CallToActionBlock
from editions.models import EditionPage, EditionSpeaker
from localisation.validation import (
    LINK_SCHEMES,
    WEB_SCHEMES,
    check_value,
    field_or_block,
    validate_link,
    validate_translated_page,
)
from news.models import NewsPage
from speakers.models import SpeakerLink, SpeakerPage


@pytest.mark.parametrize(
    ("link", "schemes", "relative"),
    [
        ("https://example.org/ru/", WEB_SCHEMES, False),
        ("http://example.org", WEB_SCHEMES, False),
        ("mailto:press@example.org", LINK_SCHEMES, False),
        ("  HTTPS://example.org  ", WEB_SCHEMES, False),
        ("/ru/editions/2016/", LINK_SCHEMES, True),
        ("#programme", LINK_SCHEMES, True),
    ],
)
def test_links_a_visitor_may_follow_are_accepted(link, schemes, relative):
    validate_link(link, schemes=schemes, relative=relative)


@pytest.mark.parametrize(
    ("link", "schemes", "relative"),
    [
        ("javascript:alert(1)", LINK_SCHEMES, True),
        (" JavaScript:alert(1)", LINK_SCHEMES, True),
        ("java\tscript:alert(1)", LINK_SCHEMES, True),
        ("java\nscript:alert(1)", LINK_SCHEMES, True),
        ("data:text/html,<script>alert(1)</script>", LINK_SCHEMES, True),
        ("vbscript:msgbox(1)", LINK_SCHEMES, True),
        ("//evil.example/", LINK_SCHEMES, True),
        ("/ru/editions/2016/", LINK_SCHEMES, False),
        ("mailto:press@example.org", WEB_SCHEMES, False),
    ],
)
def test_anything_else_is_refused_with_the_schemes_it_may_start_with(link, schemes, relative):
    with pytest.raises(ValidationError) as refused:
        validate_link(link, schemes=schemes, relative=relative)

    assert refused.value.code == "unsafe_link"
    assert "Enter a link that starts with one of" in refused.value.messages[0]


def test_a_context_path_names_the_field_or_block_it_fills():
    assert isinstance(field_or_block(EditionPage, "registration_url"), models.URLField)
    assert field_or_block(EditionPage, "participations.position") == (
        EditionSpeaker._meta.get_field("position")
    )
    assert isinstance(field_or_block(NewsPage, "body.call_to_action.url"), blocks.URLBlock)
    assert isinstance(field_or_block(NewsPage, "body.call_to_action"), CallToActionBlock)
    assert field_or_block(NewsPage, "body.no_such_block.url") is None
    assert field_or_block(NewsPage, "no_such_field") is None


@pytest.mark.parametrize(
    ("target", "value"),
    [
        (blocks.URLBlock(), "javascript:alert(1)"),
        (blocks.CharBlock(max_length=5), "too long"),
        (blocks.RichTextBlock(), "javascript:alert(1)"),
        (SpeakerLink._meta.get_field("url"), "javascript:alert(1)"),
        (SpeakerLink._meta.get_field("label"), "x" * 101),
        (SpeakerLink._meta.get_field("label"), ""),
    ],
    ids=["url-block", "char-block", "rich-text-link", "url-field", "too-long", "required"],
)
def test_a_value_the_admin_form_refuses_is_refused(target, value):
    with pytest.raises(ValidationError):
        check_value(target, value)


@pytest.mark.parametrize(
    ("target", "value"),
    [
        (blocks.URLBlock(), "https://example.org"),
        (blocks.CharBlock(max_length=20), "short"),
        (blocks.RichTextBlock(), "/ru/news/"),
        (SpeakerLink._meta.get_field("url"), "https://example.org"),
        (EditionPage._meta.get_field("registration_url"), ""),
        (blocks.IntegerBlock(), 3),
    ],
    ids=["url-block", "char-block", "rich-text-path", "url-field", "blank-allowed", "not-text"],
)
def test_a_value_the_admin_form_accepts_is_accepted(target, value):
    check_value(target, value)


@pytest.mark.django_db
def test_a_translated_page_names_each_invalid_row_and_block(site_tree):
    speaker = SpeakerPage(title="Synthetic Speaker", slug="synthetic-speaker")
    speaker.links = [
        # Django's URL validator accepts ftp; a translator's link is a web page.
        SpeakerLink(label="Profile", url="ftp://example.org/cv.pdf"),
        SpeakerLink(label="x" * 101, url="https://example.org"),
    ]
    news = NewsPage(title="Synthetic news", slug="synthetic-news")
    news.body = [("call_to_action", {"text": "Register", "url": "javascript:alert(1)"})]

    with pytest.raises(ValidationError) as speaker_errors:
        validate_translated_page(speaker)
    with pytest.raises(ValidationError) as news_errors:
        validate_translated_page(news)

    messages = speaker_errors.value.message_dict["links"]
    assert messages[0] == (
        "Link “Profile”, Address: Enter a link that starts with one of http:, https:."
    )
    assert messages[1].startswith(f"Link “{'x' * 101}”, Label: Ensure this value has at most 100")
    assert news_errors.value.message_dict["body"] == [
        "Body: one of its blocks holds a value the page editor would refuse."
    ]


@pytest.mark.django_db
def test_a_valid_translated_page_passes(site_tree):
    speaker = SpeakerPage(title="Synthetic Speaker", slug="synthetic-speaker")
    speaker.links = [SpeakerLink(label="Profile", url="https://example.org")]

    validate_translated_page(speaker)
