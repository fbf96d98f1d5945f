"""Where a translation's review stands, for the translation editor's footer
(templates/wagtail_localize/admin/edit_translation.html)."""

from django import template
from wagtail.models import WorkflowState

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
