"""Machine translation for wagtail-localize: which service, and the glossary every service honours.

``machine_translator_settings()`` picks the service from the environment (DeepL, LibreTranslate
or none) and is called by ``settings/base.py``. Whatever the service, it is wrapped in
``GlossaryAwareTranslator`` so that the names in the glossary (``GlossaryTerm``) come back
exactly as written in the source, or in the target language's established form of the name
where the glossary gives one (``GlossaryRendering``: "Skolkovo" comes back as "Сколково" in
Russian and as "Skolkovo" in French).

How a name is protected: each occurrence is wrapped, before sending, in
``<span id="glossary-N" translate="no">Skolkovo</span>``. The element keeps the sentence whole,
so the service translates with the name in context (LibreTranslate with ``format=html`` leaves
``translate="no"`` elements alone and translates the rest as one sentence; DeepL with
``tag_handling=xml`` keeps elements and their ids). Whatever the service did inside the element,
the whole element is then replaced by the exact source text (or the established form), so
only the element's survival matters, never the service's respect for ``translate="no"``.

The settings choose the service with ``localisation.translator_settings``, which imports no
model; this module is loaded by wagtail-localize once the apps are ready.
"""

import logging
import re
from collections import Counter
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from localisation.models import GlossaryRendering, GlossaryTerm
from localisation.translator_settings import (  # noqa: F401 (the settings' names, read here too)
    DEEPL_TRANSLATOR,
    GLOSSARY_AWARE_TRANSLATOR,
    LIBRETRANSLATE_TRANSLATOR,
    PSEUDO_TRANSLATOR,
    glossary_aware,
    machine_translator_settings,
)

logger = logging.getLogger(__name__)

PLACEHOLDER_TAG = "span"
PLACEHOLDER_ID = re.compile(r"^glossary-\d+$")


# Glossary protection ----------------------------------------------------------------------------


def fold(term):
    """A term as the glossary compares it: spaces collapsed, case ignored."""
    return " ".join(term.split()).casefold()


def glossary_renderings(target_locale):
    """{folded term: established form} of the glossary for the locale's language: its own
    code first ("fr-ca"), else its language's ("fr")."""
    own_code, its_language = target_locale.language_code, language(target_locale)
    rows = GlossaryRendering.objects.filter(language__in={own_code, its_language}).values_list(
        "term__term", "language", "text"
    )
    return {
        **{fold(term): text for term, code, text in rows if code != own_code},
        **{fold(term): text for term, code, text in rows if code == own_code},
    }


def glossary_pattern(terms):
    """A regex matching any of ``terms`` as a whole word, ignoring case (as the glossary's
    uniqueness does), the longest term first so "Skolkovo Innovation Center" is one match rather
    than "Skolkovo" plus two translated words. Any run of whitespace in a term matches any run of
    whitespace in the text (a non-breaking space, a line break). None when there are no terms."""
    terms = {" ".join(term.split()) for term in terms if term and not term.isspace()}
    if not terms:
        return None
    alternatives = [
        r"\s+".join(re.escape(word) for word in term.split())
        for term in sorted(terms, key=lambda term: (-len(term), term.casefold()))
    ]
    # Lookarounds rather than \b: a term may begin or end with a non-word character ("R&D", "C++").
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class ProtectedString:
    """A string as sent to the machine translator, and the source text behind each placeholder."""

    value: StringValue
    kept: dict  # placeholder id -> exact source text

    def restore(self, translated_html, renderings=None):
        """The translation with each placeholder replaced by its exact source text, or by the
        term's established form in the target language where ``renderings`` ({folded term:
        form}, see ``fold``) has one. None when
        the service lost, repeated, invented or nested placeholders: a translation that silently
        drops or doubles a name is worse than none, and wagtail-localize leaves a string the
        translator returns nothing for untranslated, for a person to translate."""
        soup = BeautifulSoup(translated_html, "html.parser")
        placeholders = soup.find_all(PLACEHOLDER_TAG, id=PLACEHOLDER_ID)
        if Counter(placeholder["id"] for placeholder in placeholders) != Counter(self.kept.keys()):
            return None
        if any(
            placeholder.find(PLACEHOLDER_TAG, id=PLACEHOLDER_ID) for placeholder in placeholders
        ):
            return None
        renderings = renderings or {}
        for placeholder in placeholders:
            kept = self.kept[placeholder["id"]]
            placeholder.replace_with(NavigableString(renderings.get(fold(kept), kept)))
        return str(soup)


def protect(string, pattern):
    """``string`` (a wagtail-localize StringValue) with every glossary term in its text wrapped
    in a placeholder, or None when it contains no term.

    Only text is searched, never markup: the ``<a id="a1">`` of a rich-text link is left alone
    while the words it wraps are protected. A term split by markup ("<b>Biotech</b> RusFrance")
    is not recognised.
    """
    soup = BeautifulSoup(string.data, "html.parser")
    kept = {}
    # Exact type: comments and other NavigableString subclasses are not text a reader sees.
    texts = [node for node in soup.find_all(string=True) if type(node) is NavigableString]
    for text_node in texts:
        text = str(text_node)
        pieces = []
        position = 0
        for match in pattern.finditer(text):
            placeholder_id = f"glossary-{len(kept) + 1}"
            kept[placeholder_id] = match.group()
            placeholder = soup.new_tag(
                PLACEHOLDER_TAG, attrs={"translate": "no", "id": placeholder_id}
            )
            placeholder.string = match.group()
            pieces += [text[position : match.start()], placeholder]
            position = match.end()
        if pieces:
            pieces.append(text[position:])
            text_node.replace_with(*(piece for piece in pieces if piece != ""))
    if not kept:
        return None
    return ProtectedString(StringValue(str(soup)), kept)


class GlossaryAwareTranslator(BaseMachineTranslator):
    """Any wagtail-localize machine translator, made to leave glossary terms as written.

    ``OPTIONS``: ``BACKEND``, the dotted path of the translator that does the work, and
    ``BACKEND_OPTIONS``, its own options. Build the setting with ``glossary_aware()``.
    Strings without a glossary term are passed to the backend untouched.
    """

    def __init__(self, options):
        super().__init__(options)
        backend_class = import_string(options["BACKEND"])
        self.backend = backend_class(options.get("BACKEND_OPTIONS", {}))

    @property
    def display_name(self):
        # Editors read "Successfully translated with DeepL.", not the name of this wrapper.
        return self.backend.display_name

    def can_translate(self, source_locale, target_locale):
        return self.backend.can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        pattern = glossary_pattern(GlossaryTerm.objects.values_list("term", flat=True))
        if pattern is None:
            return self.backend.translate(source_locale, target_locale, strings)

        renderings = glossary_renderings(target_locale)
        protected = {string: protect(string, pattern) for string in strings}
        sent = {string: (p.value if p else string) for string, p in protected.items()}
        translations = self.backend.translate(source_locale, target_locale, list(sent.values()))

        results = {}
        for string, protected_string in protected.items():
            translation = translations.get(sent[string])
            if translation is None or translation.data is None:
                continue
            if protected_string is None:
                results[string] = translation
                continue
            restored = protected_string.restore(translation.data, renderings)
            if restored is None:
                logger.warning(
                    "%s did not return the glossary placeholders of %r intact; "
                    "the string is left untranslated. Returned: %r",
                    self.backend.display_name,
                    string.data,
                    translation.data,
                )
                continue
            results[string] = StringValue(restored)
        return results


# An offline translator --------------------------------------------------------------------------

PSEUDO_LETTERS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥíĵķĺɱñöþǫŕšţüṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹḾÑÖÞǪŔŠŢÜṼŴẊÝŽ",
)


def pseudo_translate_html(html):
    """``html`` with every Latin letter of its text swapped for an accented look-alike
    ("Skolkovo" becomes "Šķöļķöṽö"); markup, digits and punctuation are kept."""
    soup = BeautifulSoup(html, "html.parser")
    for text_node in soup.find_all(string=True):
        if type(text_node) is NavigableString:
            text_node.replace_with(str(text_node).translate(PSEUDO_LETTERS))
    return str(soup)


class PseudoTranslator(BaseMachineTranslator):
    """Pseudo-localisation, offline and deterministic: still readable, visibly "translated".

    It shows which strings went through machine translation and how layouts cope, with no
    service to call, which makes it the translator of the test settings. It changes every
    letter of every text, ``translate="no"`` or not, so a name that comes back intact was
    protected by the glossary.
    """

    display_name = _("Pseudo-translation (offline)")

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(pseudo_translate_html(string.data)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return language(source_locale) != language(target_locale)


def language(locale):
    """The language of ``locale`` without its region: "fr" for "fr" and "fr-ca"."""
    return locale.language_code.split("-")[0]
