"""Translate a whole edition into a language in one action.

An edition reads entirely in a language when its page, its speakers' and partners' pages, the
news about it (``board.pages_of_edition``) and its venue are translated. "Translate this
edition" prepares all of them at once, as wagtail-localize's "Translate this page" would one
by one: a page or venue not yet in the language is created; a page whose English source was
published since its translation last took it is synced. What the translation memory knows is
filled in first (``memory.fill_from_memory``). With a machine translation service
configured, every segment nobody has translated yet is machine-translated (the glossary is
honoured: ``machine_translation.GlossaryAwareTranslator``) and left for a translator to check.

Nothing goes live: a new page is a draft, and a live page gets a new revision only
(``drafts.keep_live_pages_until_published``); translators then submit each page for review.
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.edit_translation import apply_machine_translation

from editions.models import EditionPage

from .board import pages_of_edition
from .memory import fill_from_memory


@dataclass
class Plan:
    """What translating the edition into ``locale`` would do, object by object."""

    locale: Locale
    create: list = field(default_factory=list)
    update: list = field(default_factory=list)
    current: list = field(default_factory=list)

    @property
    def has_work(self) -> bool:
        return bool(self.create or self.update)


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    machine_translated: int = 0


def objects_of_edition(edition: EditionPage) -> list:
    """The English pages of the edition (in tree order) and its venue."""
    pages = (
        Page.objects.filter(locale_id=edition.locale_id)
        .filter(pages_of_edition(edition))
        .order_by("path")
        .specific()
    )
    return [*pages, *([edition.venue] if edition.venue_id else [])]


def needs_sync(instance, source: TranslationSource) -> bool:
    """A page published since its translations last took their text from it."""
    published = getattr(instance, "last_published_at", None)
    return published is not None and published > source.last_updated_at


def plan(edition: EditionPage, locale: Locale) -> Plan:
    """In a handful of queries whatever the number of speakers and partners."""
    result = Plan(locale)
    objects = objects_of_edition(edition)
    keys = [instance.translation_key for instance in objects]
    translated = set()
    for model in {Page, *(type(o) for o in objects if not isinstance(o, Page))}:
        translated.update(
            model._default_manager.filter(translation_key__in=keys, locale=locale).values_list(
                "translation_key", flat=True
            )
        )
    synced_sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys,
            locale_id=edition.locale_id,
            translations__target_locale=locale,
            translations__enabled=True,
        )
    }
    for instance in objects:
        source = synced_sources.get(instance.translation_key)
        if instance.translation_key not in translated:
            result.create.append(instance)
        elif source and isinstance(instance, Page) and needs_sync(instance, source):
            result.update.append(instance)
        else:
            result.current.append(instance)
    return result


def machine_translator_for(source_locale, locale):
    translator = get_machine_translator()
    if translator is None or not translator.can_translate(source_locale, locale):
        return None
    return translator


@transaction.atomic
def translate_edition(edition: EditionPage, locale: Locale, user, *, machine=True) -> Report:
    """Carry out ``plan(edition, locale)``; see the module docstring."""
    work = plan(edition, locale)
    translator = machine_translator_for(edition.locale, locale) if machine else None
    report = Report()
    for instance in [*work.create, *work.update]:
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # The page (and any parent not yet in the language) exists first, as a draft, so that
        # machine translation can check the user may edit it.
        publish = not isinstance(instance, Page)  # a venue has no draft
        translation.save_target(user=user, publish=publish)
        remembered = fill_from_memory(translation, user)
        if translator is not None:
            before = translation.get_progress()[1]
            apply_machine_translation(translation.pk, user, translator)
            report.machine_translated += translation.get_progress()[1] - before
        if remembered or translator is not None:
            translation.save_target(user=user, publish=publish)
        (report.created if instance in work.create else report.updated).append(instance)
    return report
