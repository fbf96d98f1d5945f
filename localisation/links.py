"""Links between pages follow the reader's language.

Page relations are synchronised by wagtail-localize, not translated (see fields.py): the French
edition's speaker rows still point at the English speaker pages. Before rendering, the rows'
relations are swapped for the live translation in the page's own language, fetched in one query
per related page type, whatever the number of rows. A page with no live translation yet keeps
its source-language link, which is better than no link at all.
"""

from collections import defaultdict


def live_translations(pages, locale_id, *, select_related=(), prefetch_related=()):
    """{translation_key: page} for the live translations of ``pages`` in the locale.

    One query per page type among ``pages``; none when every page is in that locale already.
    ``select_related`` and ``prefetch_related`` apply to the translations, so that a template
    can show, say, their photos as cheaply as the source pages'.
    """
    keys_by_model = defaultdict(set)
    for page in pages:
        if page is not None and page.locale_id != locale_id:
            keys_by_model[type(page)].add(page.translation_key)
    found = {}
    for model, keys in keys_by_model.items():
        translations = (
            model.objects.live()
            .filter(locale_id=locale_id, translation_key__in=keys)
            .select_related(*select_related)
            .prefetch_related(*prefetch_related)
        )
        found.update((page.translation_key, page) for page in translations)
    return found


def follow_language(rows, field_name, locale_id, **related):
    """Point ``row.<field_name>`` of every row at the related page's live translation in the
    locale, where there is one. Returns the rows as a list (the queryset is evaluated).

    >>> participations = follow_language(edition.participations.all(), "speaker", locale_id)
    """
    rows = list(rows)
    translations = live_translations(
        [getattr(row, field_name) for row in rows], locale_id, **related
    )
    if translations:
        for row in rows:
            target = getattr(row, field_name)
            if target is not None and target.translation_key in translations:
                setattr(row, field_name, translations[target.translation_key])
    return rows


def localized_page(page, locale_id, **related):
    """The live translation of one page in the locale, else the page itself."""
    if page is None:
        return None
    return live_translations([page], locale_id, **related).get(page.translation_key, page)
