"""No silent overwrite: a page saved from a form opened before someone else's save is refused,
with the conflict explained and the editor's changes kept in the form.

Wagtail's edit form carries the revision it was opened on (``loaded_revision_id`` and its
``loaded_revision_created_at``). Wagtail refuses an out-of-date autosave but lets a plain
submit, with or without JavaScript, overwrite the newer revision: last writer wins. Here the
same check applies to every save, so the editor sees who changed the page and when, and can
compare before saving again.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import get_page_models

from core.pages import SitePage


class ConflictCheckingEditView(EditView):
    def post(self, request, *args, **kwargs):
        if self.page.alias_of_id or self.expects_json_response or not self.is_out_of_date:
            return super().post(request, *args, **kwargs)
        self.form = self.form_class(
            request.POST,
            request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=request.user,
        )
        self.form.is_valid()
        self.form.add_error(None, self.conflict_message())
        return self.form_invalid(self.form)

    def conflict_message(self):
        latest = self.latest_revision
        author = latest.user.get_username() if latest.user else _("someone")
        return _(
            "Not saved: %(author)s saved this page at %(time)s, after you opened it. Your "
            "changes are still in the form: open the page's history in another tab to compare, "
            "then save again to replace their version."
        ) % {
            "author": author,
            "time": date_format(localtime(latest.created_at), "DATETIME_FORMAT"),
        }


class SitePageViewSet(PageViewSet):
    """The admin views of one page type of the project, with the conflict-checking edit view.
    One per concrete model: Wagtail's generic views read their model's table."""

    edit_view_class = ConflictCheckingEditView

    def __init__(self, model, **kwargs):
        super().__init__(f"{model._meta.label_lower}_pages", model=model, **kwargs)

    @property
    def parent_models(self):
        return []


def site_page_models():
    """Every page type of the project: the concrete subclasses of ``SitePage``."""
    return [model for model in get_page_models() if issubclass(model, SitePage)]
