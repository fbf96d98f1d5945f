"""The translation status board: every page of the source language against every target language.

For each source page and target language, one state:

- **missing**: no page with the source page's ``translation_key`` in that language. An alias
  (a copy that mirrors the source, as wagtail-localize makes of untranslated parent pages)
  counts as missing: it shows the source language, and "Translate" converts it.
- **out of date**: the source was published after the translation last took its content.
  For a translation made with wagtail-localize, that is the source page's ``last_published_at``
  later than its TranslationSource's ``last_updated_at`` (set when it was submitted or last
  synced); "Sync translated pages" brings it up to date. For a translation made without
  wagtail-localize (Wagtail's "copy for translation", or one whose wagtail-localize translation
  was stopped), it is the source published after the translated page was last published; there
  is nothing to sync, so the translated page has to be edited.
- **in progress**: the translation exists but is not entirely on the live site: the translated
  page is not live, or has changes not yet published (a draft, a review in progress, strings
  translated or a sync made since it was last published), or, for a wagtail-localize
  translation, not every segment is translated (wagtail-localize publishes untranslated segments
  in the source language).
- **in review**: submitted for review; a moderator approves it (then it is published) or returns
  it. **changes requested**: a moderator returned it, with a comment; the translator corrects it
  in the translation editor and submits it again. Both come before "out of date": the review has
  to end first.
- **current**: live with nothing waiting, fully translated, and taken from the source (synced,
  or for a translation made without wagtail-localize, published) after the source was last
  published.

A translation never published is never "out of date": nothing a visitor reads is behind the
source, and the translator's work is still in progress.

Everything is computed with the same handful of queries whatever the number of pages, mirroring
wagtail-localize's own ``Translation.get_progress()`` in bulk; see ``build_board``.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, F, Max, Q, QuerySet
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Locale, Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, Translation

from editions.models import EditionPage, EditionPartner, EditionSpeaker
from news.models import NewsPage


class State(models.TextChoices):
    # In the order of the summary: from the most work left to none.
    MISSING = "missing", _("Missing")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    IN_PROGRESS = "in_progress", _("In progress")
    IN_REVIEW = "in_review", _("In review")
    CURRENT = "current", _("Live and current")


# Locales -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Languages:
    """The source locale and the target locales, in the order of WAGTAIL_CONTENT_LANGUAGES."""

    source: Locale | None
    targets: tuple[Locale, ...]

    def target(self, language_code: str) -> Locale | None:
        return next((loc for loc in self.targets if loc.language_code == language_code), None)


def content_languages() -> Languages:
    """The source and target locales, in one query. Locale rows for languages the site does not
    serve (not in WAGTAIL_CONTENT_LANGUAGES) are left out: their pages could not be shown."""
    order = list(get_content_languages())
    source_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    locales = sorted(
        (loc for loc in Locale.objects.all() if loc.language_code in order),
        key=lambda loc: order.index(loc.language_code),
    )
    source = next((loc for loc in locales if loc.language_code == source_code), None)
    return Languages(source, tuple(loc for loc in locales if loc is not source))


# Which pages -------------------------------------------------------------------------------------


def source_pages(source_locale: Locale, *, edition: EditionPage | None = None) -> QuerySet:
    """The pages of the source language in tree order (the Wagtail root excluded); with
    ``edition``, only the pages that belong to it (see ``pages_of_edition``)."""
    pages = Page.objects.filter(locale=source_locale, depth__gt=1)
    if edition is not None:
        pages = pages.filter(pages_of_edition(edition))
    return pages.select_related("content_type").order_by("path")


def pages_of_edition(edition: EditionPage) -> Q:
    """The edition's page, the news about it, its speakers' pages and its partners' pages: what
    has to be translated for an edition to read entirely in another language. A condition on
    Page, evaluated in the database (subqueries, no query of its own)."""
    return (
        Q(pk=edition.pk)
        | Q(pk__in=NewsPage.objects.filter(edition=edition).values("pk"))
        | Q(pk__in=EditionSpeaker.objects.filter(page=edition).values("speaker_id"))
        | Q(pk__in=EditionPartner.objects.filter(page=edition).values("organisation_id"))
    )


# The board ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """Segments of a wagtail-localize translation, counted as ``Translation.get_progress()``
    counts them (a translation with an error does not count)."""

    total: int
    translated: int

    @property
    def complete(self) -> bool:
        return self.translated >= self.total

    @property
    def percent(self) -> int:
        # Rounded down, so that 100% always means finished.
        return 100 if self.total == 0 else self.translated * 100 // self.total


@dataclass(frozen=True)
class ManagedTranslation:
    """What wagtail-localize knows of one page's translation into one language."""

    translation_source_id: int
    synced_at: datetime  # TranslationSource.last_updated_at: submitted or last synced
    progress: Progress
    strings_changed_at: datetime | None  # the latest translated segment's last change


def awaiting_publication(target: Page, managed: ManagedTranslation | None) -> bool:
    """Whether the translated page has something its live version does not show yet."""
    if not target.live or target.has_unpublished_changes:
        return True
    published = target.last_published_at
    if managed is None or published is None:
        return False
    # A sync without "Publish immediately", or strings translated in the editor (saved
    # one by one) since the page was last published.
    return managed.synced_at > published or (
        managed.strings_changed_at is not None and managed.strings_changed_at > published
    )


def translation_state(
    source: Page,
    target: Page | None,
    managed: ManagedTranslation | None,
    review: str | None = None,
) -> State:
    """The state of ``source``'s translation ``target`` (None when there is none), given what
    wagtail-localize knows of it (None when it does not manage it) and the status of the
    target's review (a ``WorkflowState`` status, None outside review). See the module docstring."""
    if target is None or target.alias_of_id is not None:
        return State.MISSING
    if review == WorkflowState.STATUS_NEEDS_CHANGES:
        return State.CHANGES_REQUESTED
    if review == WorkflowState.STATUS_IN_PROGRESS:
        return State.IN_REVIEW
    changed = source.last_published_at
    if target.last_published_at is None:
        changed = None  # never published: in progress, not out of date
    if managed is not None:
        if changed is not None and changed > managed.synced_at:
            return State.OUT_OF_DATE
        if awaiting_publication(target, managed) or not managed.progress.complete:
            return State.IN_PROGRESS
        return State.CURRENT
    published = target.last_published_at
    if changed is not None and published is not None and changed > published:
        return State.OUT_OF_DATE
    if awaiting_publication(target, None):
        return State.IN_PROGRESS
    return State.CURRENT


@dataclass(frozen=True)
class Cell:
    locale: Locale
    state: State
    target: Page | None
    managed: ManagedTranslation | None
    review: str | None = None

    @property
    def state_label(self):
        return State(self.state).label

    @property
    def progress(self) -> Progress | None:
        return self.managed.progress if self.managed else None

    @property
    def awaiting_publication(self) -> bool:
        return self.target is not None and awaiting_publication(self.target, self.managed)


@dataclass(frozen=True)
class Row:
    page: Page
    cells: tuple[Cell, ...]

    @property
    def indent(self) -> int:
        """Levels below the home page (which is at depth 2)."""
        return max(self.page.depth - 2, 0)

    @property
    def type_label(self):
        model = self.page.content_type.model_class()
        return model._meta.verbose_name if model else ""


@dataclass(frozen=True)
class LanguageSummary:
    locale: Locale
    counts: dict[str, int]

    def __iter__(self):
        """(state, label, count), in the order of State."""
        return iter((state, state.label, self.counts[state]) for state in State)


@dataclass(frozen=True)
class Board:
    source_locale: Locale
    target_locales: tuple[Locale, ...]
    rows: list[Row]

    def summary(self) -> list[LanguageSummary]:
        counts = {loc.pk: Counter() for loc in self.target_locales}
        for row in self.rows:
            for cell in row.cells:
                counts[cell.locale.pk][cell.state] += 1
        return [
            LanguageSummary(loc, {state: counts[loc.pk][state] for state in State})
            for loc in self.target_locales
        ]


def build_board(pages: QuerySet, source_locale: Locale, target_locales) -> Board:
    """The board of ``pages`` (source-language pages, in the order wanted) against
    ``target_locales``, in six queries whatever the number of pages and languages."""
    target_locales = tuple(target_locales)
    rows_pages = list(pages)  # 1
    if not rows_pages or not target_locales:
        return Board(source_locale, target_locales, [Row(page, ()) for page in rows_pages])
    keys = pages.values("translation_key")  # a subquery in each query below
    target_ids = [loc.pk for loc in target_locales]

    targets = {  # 2
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(locale_id__in=target_ids, translation_key__in=keys)
    }
    managed = _managed_translations(keys, source_locale, target_ids)  # 3, 4, 5
    reviews = _reviews([target.pk for target in targets.values()])  # 6

    rows = []
    for page in rows_pages:
        cells = []
        for locale in target_locales:
            target = targets.get((page.translation_key, locale.pk))
            translation = managed.get((page.translation_key, locale.pk))
            if target is None or target.alias_of_id is not None:
                target, translation = None, None
            review = reviews.get(target.pk) if target is not None else None
            state = translation_state(page, target, translation, review)
            cells.append(Cell(locale, state, target, translation, review))
        rows.append(Row(page, tuple(cells)))
    return Board(source_locale, target_locales, rows)


def _reviews(page_ids) -> dict[int, str]:
    """{page id: status} of the pages' reviews under way (in progress or returned for changes)."""
    if not page_ids:
        return {}
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in page_ids],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    )
    return {
        int(object_id): status for object_id, status in states.values_list("object_id", "status")
    }


def _managed_translations(keys, source_locale, target_ids):
    """{(translation_key, target locale id): ManagedTranslation} for the enabled wagtail-localize
    translations of the pages whose translation keys are ``keys``: three queries."""
    sources = Q(source__locale=source_locale, source__object_id__in=keys)
    translations = Translation.objects.filter(
        sources, enabled=True, target_locale_id__in=target_ids
    ).values_list("source_id", "source__object_id", "source__last_updated_at", "target_locale_id")
    translations = list(translations)
    if not translations:
        return {}

    # Translation.get_progress(), for every source and locale at once: the source's string
    # segments, and among them those with an error-free translation of the same string, in the
    # same context, into the locale (at most one: StringTranslation is unique on the three).
    segments = StringSegment.objects.filter(sources)
    totals = dict(
        segments.values("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
        .order_by()
    )
    translated = defaultdict(lambda: (0, None))
    for source_id, locale_id, count, changed_at in (
        segments.filter(
            string__translations__context_id=F("context_id"),
            string__translations__locale_id__in=target_ids,
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("pk"), changed_at=Max("string__translations__updated_at"))
        .values_list("source_id", "string__translations__locale_id", "n", "changed_at")
        .order_by()
    ):
        translated[source_id, locale_id] = (count, changed_at)

    managed = {}
    for source_id, key, synced_at, locale_id in translations:
        count, changed_at = translated[source_id, locale_id]
        managed[key, locale_id] = ManagedTranslation(
            translation_source_id=source_id,
            synced_at=synced_at,
            progress=Progress(total=totals.get(source_id, 0), translated=count),
            strings_changed_at=changed_at,
        )
    return managed


# What to do about a cell --------------------------------------------------------------------------


@dataclass(frozen=True)
class Action:
    label: str
    url: str


class Actions:
    """The link each state needs, for one user: "Translate" (missing), "Sync translated pages"
    (out of date, wagtail-localize), "Submit translation for review" (in progress with every
    segment translated), "Edit translation" (in progress otherwise, or out of date without
    wagtail-localize), "View live" (current). A link the user may not follow is left out.

    No query per cell: page permissions come from the user's cached page permissions, and page
    URLs from the site root paths cached for the request.
    """

    def __init__(self, request, *, next_url):
        self.request = request
        self.user = request.user
        self.next_url = next_url
        self.can_submit = self.user.has_perm("wagtail_localize.submit_translation")
        self.pages_policy = PagePermissionPolicy()

    def for_cell(self, row: Row, cell: Cell) -> Action | None:
        if cell.state == State.MISSING:
            return self._translate(row.page, cell.locale)
        if cell.state == State.IN_REVIEW:
            # Nothing to do but wait: moderators review from their dashboard.
            return None
        if cell.state == State.CHANGES_REQUESTED:
            # The translation editor shows the moderator's comment and "Submit again".
            return self._edit(cell.target)
        if cell.state == State.OUT_OF_DATE and cell.managed is not None:
            return self._sync(cell.managed)
        if cell.state == State.CURRENT:
            url = cell.target.get_url(self.request)
            return Action(_("View live"), url) if url else None
        if cell.managed is not None and cell.managed.progress.complete:
            # Every segment is translated: what the page needs now is a review.
            return self._submit_for_review(cell.target)
        return self._edit(cell.target)

    def _translate(self, page, locale):
        if not self.can_submit:
            return None
        # No "next": after translating into one language, wagtail-localize opens the new
        # translation in its editor, which is where the work continues.
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        return Action(_("Translate"), f"{url}?{urlencode({'select_locale': locale.language_code})}")

    def _sync(self, managed):
        if not self.can_submit:
            return None
        url = reverse("wagtail_localize:update_translations", args=[managed.translation_source_id])
        return Action(_("Sync translated pages"), f"{url}?{urlencode({'next': self.next_url})}")

    def _submit_for_review(self, target):
        if not self.pages_policy.user_has_permission_for_instance(self.user, "change", target):
            return None
        url = reverse("localisation_submit_for_review", args=[target.pk])
        return Action(
            _("Submit translation for review"), f"{url}?{urlencode({'next': self.next_url})}"
        )

    def edit_url(self, page) -> str | None:
        """The admin edit view of a page, for someone who may open it (not a translator, for
        an English page)."""
        if not self.pages_policy.user_has_permission_for_instance(self.user, "change", page):
            return None
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def _edit(self, target):
        if not self.pages_policy.user_has_permission_for_instance(self.user, "change", target):
            return None
        return Action(_("Edit translation"), reverse("wagtailadmin_pages:edit", args=[target.pk]))


def languages_shown_to(user, languages: Languages) -> Languages:
    """The languages of the board a user sees: a translator (who edits some target languages
    but not all of them) sees the source and their own languages only, never the state of
    another team's work; everyone else sees them all."""
    edits = languages_user_edits(user, languages.targets)
    if edits and len(edits) < len(languages.targets):
        return Languages(languages.source, tuple(edits))
    return languages


def languages_user_edits(user, target_locales) -> list[Locale]:
    """The target languages whose pages the user may edit: all of them for a superuser or someone
    with rights on the whole tree (the Wagtail root), none for someone who edits only the source
    language. No query of its own after Wagtail has cached the user's page permissions."""
    if user.is_superuser:
        return list(target_locales)
    permissions = [
        permission
        for permission in PagePermissionPolicy().get_cached_permissions_for_user(user)
        if permission.permission.codename in {"add_page", "change_page"}
    ]
    if any(permission.page.depth == 1 for permission in permissions):
        return list(target_locales)
    locale_ids = {permission.page.locale_id for permission in permissions}
    return [loc for loc in target_locales if loc.pk in locale_ids]
