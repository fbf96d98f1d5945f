from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import board
from .forms import TranslationBoardFilterForm


class BoardPaginator(WagtailPaginator):
    @property
    def verbose_name(self):
        return gettext("page")

    @property
    def verbose_name_plural(self):
        return gettext("pages")


class TranslationBoardView(WagtailAdminTemplateMixin, TemplateView):
    """Every source page against every target language (localisation/board.py). Open to anyone
    who can use the admin: the actions each user may not take are left out of the board."""

    template_name = "localisation/translation_board.html"
    page_title = _("Translation status")
    header_icon = "globe"
    rows_per_page = 100

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse_lazy("localisation_translation_board"), "label": self.page_title},
        ]

    def filter_data(self, languages):
        """The query string, with a translator's own language as the default language."""
        data = self.request.GET.copy()
        if "language" not in data:
            edits = board.languages_user_edits(self.request.user, languages.targets)
            if len(edits) == 1 and len(languages.targets) > 1:
                data["language"] = edits[0].language_code
        return data

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        languages = board.languages_shown_to(self.request.user, board.content_languages())
        form = TranslationBoardFilterForm(self.filter_data(languages), languages=languages)
        edition, targets, state = None, languages.targets, None
        if form.is_valid():
            edition = form.cleaned_data["edition"]
            state = form.cleaned_data["state"] or None
            if form.cleaned_data["language"]:
                targets = (languages.target(form.cleaned_data["language"]),)

        if languages.source is None:
            result = None
            page_obj = paginator = None
        else:
            pages = board.source_pages(languages.source, edition=edition)
            result = board.build_board(pages, languages.source, targets)
            rows = result.rows
            if state is not None:
                rows = [row for row in rows if any(cell.state == state for cell in row.cells)]
            paginator = BoardPaginator(rows, self.rows_per_page)
            page_obj = paginator.get_page(self.request.GET.get("p"))
            actions = board.Actions(self.request, next_url=self.request.get_full_path())
            page_obj.object_list = [
                (
                    row,
                    actions.edit_url(row.page),
                    [(cell, actions.for_cell(row, cell)) for cell in row.cells],
                )
                for row in page_obj.object_list
            ]

        context.update(
            form=form,
            board=result,
            summary=result.summary() if result else [],
            target_locales=targets,
            page_obj=page_obj,
            paginator=paginator,
            elided_page_range=(
                paginator.get_elided_page_range(page_obj.number) if paginator else []
            ),
        )
        return context
