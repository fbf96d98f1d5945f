"""Links between pages follow the reader's language, to visible pages only.

Page relations are synchronised by wagtail-localize, not translated (see ``core.fields``): the
French edition's speaker rows still point at the English speaker pages. Before a page, a feed or
the API shows them, each relation is swapped for the visible translation (``core.visibility``)
in the language of the row or page that holds it; without one, it keeps the page it points at
when that page is visible (better a link in another language than none), else it points at
nothing. One query per related page type, whatever the number of rows and languages.
"""

from collections import defaultdict

from django.db.models import Q

from core.visibility import visible


def visible_targets(pairs, *, known=None, select_related=(), prefetch_related=()):
    """For ``pairs`` of (page, locale id), {(page pk, locale id): the page to link to, or None}.

    ``known`` gives {page pk: visible?} for pages whose visibility was read with them
    (core.visibility.with_visibility): a page already in the wanted language needs no lookup.
    ``select_related`` and ``prefetch_related`` apply to the pages found, so that a template
    can show, say, their photos without a query per page.
    """
    known = known or {}
    targets = {}
    wanted = defaultdict(lambda: (set(), set(), set()))
    for page, locale_id in pairs:
        if page is None:
            continue
        if page.pk in known and page.locale_id == locale_id:
            targets[page.pk, locale_id] = page if known[page.pk] else None
            continue
        keys, locales, pks = wanted[type(page)]
        keys.add(page.translation_key)
        locales.add(locale_id)
        pks.add(page.pk)
    found = {}
    for model, (keys, locales, pks) in wanted.items():
        pages = (
            visible(model.objects.all())
            .filter(Q(locale_id__in=locales) | Q(pk__in=pks), translation_key__in=keys)
            .select_related(*select_related)
            .prefetch_related(*prefetch_related)
        )
        found[model] = {(page.translation_key, page.locale_id): page for page in pages}
    for page, locale_id in pairs:
        if page is None or (page.pk, locale_id) in targets:
            continue
        in_model = found[type(page)]
        targets[page.pk, locale_id] = in_model.get(
            (page.translation_key, locale_id)
        ) or in_model.get((page.translation_key, page.locale_id))
    return targets


def follow(rows, field_name, *, drop_hidden=False, **related):
    """Point ``row.<field_name>`` of every row at the page to link to in the row's own
    language (``row.locale_id``): its visible translation, else itself when visible, else None.
    With ``drop_hidden``, rows whose page is not visible are left out. Returns a list.

    Rows read ``with_visibility`` cost no lookup for pages already in their language; those
    rows' querysets should then fetch what the template shows of the pages (photos, logos).

    >>> participations = follow(edition.participations.all(), "speaker", drop_hidden=True)
    """
    rows = list(rows)
    flag = f"{field_name}_visible"
    known = {
        getattr(row, f"{field_name}_id"): getattr(row, flag) for row in rows if hasattr(row, flag)
    }
    targets = visible_targets(
        [(getattr(row, field_name), row.locale_id) for row in rows], known=known, **related
    )
    kept = []
    for row in rows:
        page = getattr(row, field_name)
        if page is not None:
            page = targets[page.pk, row.locale_id]
            setattr(row, field_name, page)
        if page is not None or not drop_hidden:
            kept.append(row)
    return kept


def in_language(page, locale_id, **related):
    """The page to link to from a page in ``locale_id`` (see ``follow``), or None."""
    if page is None:
        return None
    return visible_targets([(page, locale_id)], **related)[page.pk, locale_id]
