from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editions.models import EditionPage

from . import board
from .edition_translation import machine_translator_for, plan, translate_edition
from .forms import TranslateEditionForm, TranslationBoardFilterForm


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


class TranslateEditionView(WagtailAdminTemplateMixin, TemplateView):
    """ "Translate this edition" (localisation/edition_translation.py): choose a language, see
    what will be prepared, confirm. For those who may send pages for translation (moderators)."""

    template_name = "localisation/translate_edition.html"
    header_icon = "globe"

    def dispatch(self, request, page_id):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        self.edition = get_object_or_404(EditionPage, pk=page_id)
        self.languages = board.content_languages()
        if self.languages.source is None or self.edition.locale_id != self.languages.source.pk:
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_title(self):
        return gettext("Translate this edition")

    def get_page_subtitle(self):
        return self.edition.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.edition.pk]),
                "label": self.edition.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def form(self, data):
        return TranslateEditionForm(
            data,
            languages=self.languages,
            machine_translation_available=any(
                machine_translator_for(self.languages.source, loc) for loc in self.languages.targets
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.form(self.request.GET if "language" in self.request.GET else None)
        context.update(edition=self.edition, form=form, plan=None)
        if form.is_bound and form.is_valid():
            locale = self.languages.target(form.cleaned_data["language"])
            context["plan"] = plan(self.edition, locale)
        return context

    def post(self, request, page_id):
        form = self.form(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("Choose a language to translate the edition into."))
            return redirect(request.path)
        locale = self.languages.target(form.cleaned_data["language"])
        report = translate_edition(
            self.edition,
            locale,
            request.user,
            machine=form.cleaned_data.get("machine_translate", False),
        )
        done = len(report.created) + len(report.updated)
        message = ngettext(
            "%(count)s page or venue of “%(edition)s” was prepared in %(language)s",
            "%(count)s pages and venues of “%(edition)s” were prepared in %(language)s",
            done,
        ) % {"count": done, "edition": self.edition.title, "language": locale.get_display_name()}
        if report.machine_translated:
            message += ngettext(
                "; %(count)s segment was machine-translated, for translators to check.",
                "; %(count)s segments were machine-translated, for translators to check.",
                report.machine_translated,
            ) % {"count": report.machine_translated}
        else:
            message += "."
        messages.success(request, message)
        query = urlencode({"edition": self.edition.pk, "language": locale.language_code})
        return redirect(f"{reverse('localisation_translation_board')}?{query}")
