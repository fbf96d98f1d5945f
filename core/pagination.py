"""One way to cut a public list into pages: ``includes/pagination.html`` shows it."""

from django.core.paginator import Paginator


def paginate(items, request, per_page):
    """The page of ``items`` the request asks for (``?page=``). A missing, non-numeric or
    out-of-range number gives the first or the last page, never an error. The page carries
    ``page_range``: the numbers to link, with an ellipsis where the list is long."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page.page_range = list(paginator.get_elided_page_range(page.number))
    return page
