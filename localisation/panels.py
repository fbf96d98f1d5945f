"""The dashboard's translation panels: what waits for each person, counted from the board.

- A translator sees, for each of their languages, how many pages are missing, in progress, out
  of date or returned with changes requested, each count a link to the board filtered on it,
  and the pages returned to them by name.
- A moderator sees how many translations await review, per language (Wagtail's own "Awaiting
  your review" panel lists them one by one).
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from . import board

BOARD_URL_NAME = "localisation_translation_board"
TRANSLATOR_STATES = (
    board.State.CHANGES_REQUESTED,
    board.State.MISSING,
    board.State.OUT_OF_DATE,
    board.State.IN_PROGRESS,
)


def board_link(state, locale):
    query = urlencode({"state": state, "language": locale.language_code})
    return f"{reverse(BOARD_URL_NAME)}?{query}"


class TranslatorWorkPanel(Component):
    """What waits for a translator in their languages."""

    name = "translator_work"
    template_name = "localisation/panels/translator_work.html"
    order = 90

    def __init__(self, languages, result):
        self.languages = languages
        self.result = result

    def get_context_data(self, parent_context):
        summaries = {summary.locale.pk: summary for summary in self.result.summary()}
        languages = []
        for locale in self.languages.targets:
            counts = summaries[locale.pk].counts
            languages.append(
                {
                    "locale": locale,
                    "states": [
                        {
                            "label": state.label,
                            "state": state.value,
                            "count": counts[state],
                            "url": board_link(state.value, locale),
                        }
                        for state in TRANSLATOR_STATES
                    ],
                    "returned": [
                        cell.target
                        for row in self.result.rows
                        for cell in row.cells
                        if cell.locale.pk == locale.pk
                        and cell.state == board.State.CHANGES_REQUESTED
                    ],
                }
            )
        return {"languages": languages, "heading": _("Your translations")}


class ReviewQueuePanel(Component):
    """How many translations await a moderator's review, per language."""

    name = "translations_in_review"
    template_name = "localisation/panels/review_queue.html"
    order = 95

    def __init__(self, result):
        self.result = result

    def get_context_data(self, parent_context):
        return {
            "heading": _("Translations awaiting review"),
            "languages": [
                {
                    "locale": summary.locale,
                    "count": summary.counts[board.State.IN_REVIEW],
                    "url": board_link(board.State.IN_REVIEW.value, summary.locale),
                }
                for summary in self.result.summary()
            ],
        }


def dashboard_panels(user):
    """The panels for this user: a translator's work, a moderator's review queue, or none."""
    everything = board.content_languages()
    if everything.source is None or not everything.targets:
        return []
    languages = board.languages_shown_to(user, everything)
    translator = languages.targets != everything.targets
    moderator = user.has_perm("wagtail_localize.submit_translation") or user.is_superuser
    if not (translator or moderator):
        return []
    result = board.build_board(
        board.source_pages(everything.source), everything.source, languages.targets
    )
    if translator:
        return [TranslatorWorkPanel(languages, result)]
    return [ReviewQueuePanel(result)]
