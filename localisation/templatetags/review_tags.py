"""The translation editor's additions (templates/wagtail_localize/admin/edit_translation.html):
where the translation's review stands, and whose each inline row's texts are; and for the status
panel of a source page, the state of each of its translations."""

import json

from django import template
from django.db.models import prefetch_related_objects
from modelcluster.fields import ParentalKey
from wagtail.models import Page, WorkflowState

from localisation import board

register = template.Library()


@register.simple_tag
def review_status(page):
    """Where the page's review stands: ``{"state": "none" | "in_review" | "changes_requested",
    "comment": the moderator's comment when changes were requested}``."""
    state = page.current_workflow_state
    if state is None:
        return {"state": "none", "comment": ""}
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        return {
            "state": "changes_requested",
            "comment": task_state.get_comment() if task_state else "",
        }
    return {"state": "in_review", "comment": ""}


@register.simple_tag
def with_segment_context(props, translation):
    """wagtail-localize's editor props, each segment of an inline row labelled with whom or what
    the row is about (``TranslatableRow.translation_context``): "Position at the time · Kirill
    Kaem" rather than a position among others."""
    data = json.loads(props)
    # The source page as it is in the database, not as the TranslationSource stored it:
    # deserialising that checks every row's links one query at a time. A row changed since
    # the last sync is simply not labelled.
    source = translation.source.get_source_instance()
    rows = {}
    for segment in data.get("segments", []):
        relation, _dot, rest = segment.get("contentPath", "").partition(".")
        key = rest.partition(".")[0]
        if not key:
            continue
        if relation not in rows:
            rows[relation] = _rows_of(source, relation)
        row = rows[relation].get(key)
        label = row.translation_context() if hasattr(row, "translation_context") else ""
        if label:
            location = segment["location"]
            location["subField"] = (
                f"{location['subField']} · {label}" if location.get("subField") else label
            )
    return json.dumps(data)


def _rows_of(source, relation):
    """{translation key: row} of one of the source's inline relations, with the pages or
    snippets the rows point to fetched in one query each (a row's context names them)."""
    manager = getattr(source, relation, None)
    if not hasattr(manager, "all"):
        return {}
    rows = list(manager.all())
    if rows:
        model = type(rows[0])
        targets = [
            field.name
            for field in model._meta.concrete_fields
            if field.many_to_one and not isinstance(field, ParentalKey) and field.name != "locale"
        ]
        prefetch_related_objects(rows, *targets)
    return {str(row.translation_key): row for row in rows}


@register.simple_tag
def translation_states(page):
    """``[(locale, state label, state)]`` of the translations of a source-language page, as the
    translation board states them; empty for any other object."""
    if not isinstance(page, Page) or not page.pk:
        return []
    if not hasattr(page, "_translation_states"):  # the status panel asks twice
        page._translation_states = _translation_states(page)
    return page._translation_states


def _translation_states(page):
    languages = board.content_languages()
    if languages.source is None or page.locale_id != languages.source.pk:
        return []
    result = board.build_board(Page.objects.filter(pk=page.pk), languages.source, languages.targets)
    return [(cell.locale, cell.state_label, cell.state) for cell in result.rows[0].cells]
