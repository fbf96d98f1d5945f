"""Translation memory: what was already translated is offered again, for the translator to check.

When a translator opens a translation, each segment nobody has translated yet is pre-filled,
and marked in the editor with where it comes from ("Translated with <where> on <date>"), from
the first of:

1. **the glossary**: a segment that is exactly a glossary term with an established form in the
   language ("Skolkovo Foundation" → "Фонд «Сколково»");
2. **the memory**: the same English text translated into the language elsewhere on the site (a
   contact's role, "Additional information", a name on an earlier edition), from a page that
   is live with that translation, i.e. approved in review;
3. **the previous translation** of the same field, when the English changed since (after a
   sync): the translator sees what they wrote and what the English said then, and corrects it.

wagtail-localize keeps each distinct English text once (``String``) and its translations per
place (``StringTranslation``: string, language, context), which makes each of the three a query on
existing rows. Pre-filled segments are "machine" translations, as machine translation's are:
they count as translated, and the translator confirms or edits each before submitting.
"""

from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation

from .machine_translation import fold, glossary_renderings

TOOL_NAME_LENGTH = 255


def _approved_contexts(candidates, locale):
    """The ids of the candidates whose page is live in ``locale`` with a version published
    after the candidate was last changed: translations that went through review."""
    keys = {candidate.context.object_id for candidate in candidates}
    published = dict(
        Page.objects.filter(translation_key__in=keys, locale=locale, live=True).values_list(
            "translation_key", "last_published_at"
        )
    )
    return {
        candidate.pk
        for candidate in candidates
        if candidate.context.object_id in published
        and published[candidate.context.object_id] is not None
        and candidate.updated_at <= published[candidate.context.object_id]
    }


def _tool_name(text):
    return Truncator(text).chars(TOOL_NAME_LENGTH)


@transaction.atomic
def fill_from_memory(translation, user=None) -> int:
    """Pre-fill the translation's untranslated segments (see the module docstring); return how
    many were filled. Running it again fills nothing more."""
    locale = translation.target_locale
    segments = list(
        StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    )
    done = set(
        StringTranslation.objects.filter(
            locale=locale, context_id__in={segment.context_id for segment in segments}
        ).values_list("translation_of_id", "context_id")
    )
    waiting = [s for s in segments if (s.string_id, s.context_id) not in done]
    if not waiting:
        return 0

    glossary = glossary_renderings(locale)
    elsewhere = list(
        StringTranslation.objects.filter(
            locale=locale,
            translation_of_id__in={segment.string_id for segment in waiting},
            has_error=False,
        )
        .select_related("context")
        .order_by("-updated_at")
    )
    approved = _approved_contexts(elsewhere, locale)
    memory = {}
    for candidate in elsewhere:
        if candidate.pk in approved:
            memory.setdefault(candidate.translation_of_id, candidate)
    previous = {}
    for earlier in (
        StringTranslation.objects.filter(
            locale=locale,
            context_id__in={segment.context_id for segment in waiting},
            has_error=False,
        )
        .select_related("translation_of")
        .order_by("-updated_at")
    ):
        previous.setdefault(earlier.context_id, earlier)

    filled = 0
    for segment in waiting:
        source_text = segment.string.data
        if fold(source_text) in glossary:
            data, where = glossary[fold(source_text)], gettext("the glossary")
        elif segment.string_id in memory:
            data = memory[segment.string_id].data
            where = gettext("the translation memory")
        elif segment.context_id in previous:
            earlier = previous[segment.context_id]
            data = earlier.data
            where = gettext("your previous translation, made when the English read “%(text)s”") % {
                "text": Truncator(earlier.translation_of.data).chars(120)
            }
        else:
            continue
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            locale=locale,
            context_id=segment.context_id,
            data=data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
            tool_name=_tool_name(where),
            last_translated_by=user,
        )
        filled += 1
    return filled
