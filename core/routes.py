"""Addresses below a page (a routable page's subpages) that exist in some languages only."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TranslatedRoute:
    """A subpage of the current page, such as one quote on the quotes page: its path below
    the page ("<key>/") and the languages it exists in.

    A view puts it in the template context as ``translated_route``; the language switcher and
    the hreflang and canonical links then lead to the same subpage of the page's translations,
    in those languages only.
    """

    subpath: str
    languages: frozenset
