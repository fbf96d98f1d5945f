"""Relations of a page, read the same way by its own page, by feeds and by the API.

A relation (an edition's speakers, a person's editions) is one function that loads it for many
pages at once: ``load(pages) -> {page pk: value}``. Decorated with ``relation`` on a page class,
``page.name()`` gives one page's value, and ``PageClass.name.preload(pages)`` loads a whole
listing in the same few queries, after which ``page.name()`` reads what was loaded.
"""

from functools import partial, update_wrapper


class relation:
    def __init__(self, load):
        self.load = load
        update_wrapper(self, load)

    def __set_name__(self, owner, name):
        self.attribute = f"_preloaded_{name}"

    def __get__(self, page, owner=None):
        if page is None:
            return self
        return partial(self.value, page)

    def value(self, page):
        if self.attribute in page.__dict__:
            return page.__dict__[self.attribute]
        return self.load([page])[page.pk]

    def preload(self, pages):
        """Load the relation for every page of ``pages`` at once, for later reads."""
        pages = [page for page in pages if self.attribute not in page.__dict__]
        if pages:
            loaded = self.load(pages)
            for page in pages:
                page.__dict__[self.attribute] = loaded[page.pk]
        return pages


def inline_rows(pages, relation_name, queryset):
    """{page pk: [rows]} of an inline relation (``ParentalKey`` rows) of ``pages``: the rows in
    memory of a page being previewed, and the saved rows of all the others in one query."""
    rows = {page.pk: [] for page in pages}
    saved = []
    for page in pages:
        in_memory = getattr(page, "_cluster_related_objects", {}).get(relation_name)
        if in_memory is not None:
            rows[page.pk] = list(in_memory)
        elif page.pk is not None:
            saved.append(page.pk)
    if saved:
        by_pk = {page.pk: page for page in pages}
        page_field = queryset.model._meta.get_field("page")
        for row in queryset.filter(page_id__in=saved):
            # The page is at hand: no query when the row reads it.
            page_field.set_cached_value(row, by_pk[row.page_id])
            rows[row.page_id].append(row)
    return rows


def all_rows(rows_by_page):
    """The rows of ``inline_rows`` as one list, to follow their links in one go."""
    return [row for rows in rows_by_page.values() for row in rows]


def by_page(rows, rows_by_page):
    """``rows`` (some of ``all_rows(rows_by_page)``, in order) grouped again by their page."""
    kept = {id(row) for row in rows}
    return {
        pk: [row for row in page_rows if id(row) in kept] for pk, page_rows in rows_by_page.items()
    }
