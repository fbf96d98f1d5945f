"""Directory order: names filed as a reader of the page's language expects.

Names are compared letter by letter with accents set aside, so "Émile" files
with "Eliot", and "Ёлкин" with "Ефимов" as Russian indexes do, while "Йошкин" keeps a letter of
its own. Scripts come in the reader's order: Cyrillic first on the Russian site, Latin first
elsewhere. Python's own order (code points) would put "Élodie" after "Zola", "Ёлкин" before
"Абрамов".
"""

import unicodedata

from django.utils.translation import get_language

LATIN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The letters a Russian name can start with: no hard sign, yeru or soft sign, and no yo, filed
# with ye.
ALPHABETS = {"ru": "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"}
SCRIPT_ORDERS = {"ru": ("CYRILLIC", "LATIN")}
DEFAULT_SCRIPT_ORDER = ("LATIN", "CYRILLIC")
# Latin letters that Unicode does not decompose into a base letter and an accent.
LATIN_SPELLED_OUT = {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"}
CYRILLIC_YO, CYRILLIC_YE = "\N{CYRILLIC SMALL LETTER IO}", "\N{CYRILLIC SMALL LETTER IE}"
# The heading for names that start with a digit or with no letter at all; it comes last.
OTHER_INITIAL = "#"


def _language(language=None):
    return (language or get_language() or "").split("-")[0]


def _script(char):
    return unicodedata.name(char, "").split(" ", 1)[0]


def _base_letters(text):
    """The letters and digits of ``text``, lowercase, without their accents."""
    for char in unicodedata.normalize("NFC", text).casefold():
        if not char.isalnum():
            continue
        if char == CYRILLIC_YO:
            yield CYRILLIC_YE
        elif _script(char) == "CYRILLIC":
            yield char
        elif char in LATIN_SPELLED_OUT:
            yield from LATIN_SPELLED_OUT[char]
        else:
            decomposed = unicodedata.normalize("NFD", char)
            yield from (part for part in decomposed if not unicodedata.combining(part))


def alphabetical_key(text, language=None):
    """A sort key that files ``text`` as a reader of ``language`` (default: the active one)
    expects: accents aside, their own script first, digits after letters."""
    scripts = SCRIPT_ORDERS.get(_language(language), DEFAULT_SCRIPT_ORDER)

    def rank(char):
        if char.isdigit():
            return len(scripts) + 1
        script = _script(char)
        return scripts.index(script) if script in scripts else len(scripts)

    return tuple((rank(char), char) for char in _base_letters(text)), text.casefold()


def initial(text):
    """The letter ``text`` is filed under, uppercase: "Émile" and "eliot" under "E", "Ёлкин"
    under the Cyrillic ye, "42" under "#"."""
    for char in _base_letters(text):
        return OTHER_INITIAL if char.isdigit() else char.upper()
    return OTHER_INITIAL


def letter_order(letters, language=None):
    """``letters`` in the order of the reader's alphabet, the catch-all "#" last."""
    return sorted(
        letters, key=lambda letter: (letter == OTHER_INITIAL, alphabetical_key(letter, language))
    )


def alphabet(language=None):
    """The letters a directory always shows for the language, linked or not."""
    return ALPHABETS.get(_language(language), LATIN_ALPHABET)


def by_name(pages, language=None):
    """People or organisations in directory order: by family name (a person's), else by title."""
    return sorted(
        pages,
        key=lambda page: (
            alphabetical_key(getattr(page, "family_name", "") or page.title, language),
            alphabetical_key(page.title, language),
        ),
    )
