"""Translations made the way Wagtail makes them, without wagtail-localize's segments: enough to
test what visitors see of translated pages. Tests of the translation workflow itself use
wagtail-localize's own machinery."""

from wagtail.models import Locale


def translate_page(page, language_code, *, publish=True, **fields):
    """Copy ``page`` into the language (its parent must be translated already), set ``fields``
    on the copy (say, a translated title) and publish it unless ``publish=False``."""
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    translated.refresh_from_db()
    return translated


def translate_pages(pages, language_code, **fields):
    """Translate several pages in order (parents first) with the same ``fields``."""
    return [translate_page(page, language_code, **fields) for page in pages]
