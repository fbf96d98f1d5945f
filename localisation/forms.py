from django import forms
from django.utils.translation import gettext_lazy as _

from editions.models import EditionPage

from .board import State


class TranslationBoardFilterForm(forms.Form):
    """The translation status board's filters, from the query string. Every field is optional;
    the view shows the whole board when a value is not valid, with the form's error."""

    edition = forms.ModelChoiceField(
        label=_("Edition"),
        queryset=EditionPage.objects.none(),
        required=False,
        empty_label=_("All pages"),
        help_text=_("The page of the edition, the news about it, its speakers and its partners."),
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Any state")), *State.choices],
        help_text=_("Pages with a translation in this state, in the languages shown."),
    )

    def __init__(self, data, *, languages, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["edition"].queryset = EditionPage.objects.filter(
            locale=languages.source
        ).order_by("-start_date")
        self.fields["language"].choices = [
            ("", _("All languages")),
            *((loc.language_code, loc.get_display_name()) for loc in languages.targets),
        ]


class TranslateEditionForm(forms.Form):
    """ "Translate this edition": into which language, and whether to machine-translate."""

    language = forms.ChoiceField(label=_("Language"))
    machine_translate = forms.BooleanField(
        label=_("Machine-translate what nobody has translated yet"),
        required=False,
        initial=True,
        help_text=_(
            "Translators check every machine translation before submitting it for review; "
            "names in the glossary are kept as they are written."
        ),
    )

    def __init__(self, *args, languages, machine_translation_available, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (loc.language_code, loc.get_display_name()) for loc in languages.targets
        ]
        if not machine_translation_available:
            del self.fields["machine_translate"]
