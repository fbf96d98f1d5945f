"""Filters of the public lists: GET forms whose every field is a choice. A value that is not one
of the choices (a mistyped address, a page of another language) is reported under its field
and ignored, never an error."""

from django import forms


class FilterForm(forms.Form):
    """A list's filters, sent with GET."""

    def __init__(self, data):
        super().__init__(data, label_suffix="")

    def applied(self):
        """{parameter: value} of the valid filters a visitor chose; cleaning leaves the invalid
        ones out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class PageFilterForm(FilterForm):
    """Filters whose every field is a choice among pages (an edition, an organisation, a
    speaker).

    Subclasses declare their ChoiceFields and, in ``all_labels``, the label of each field's
    empty choice; the pages on offer are given per field name when the form is made.
    """

    all_labels = {}

    def __init__(self, data, **pages):
        super().__init__(data)
        self.pages = {name: {str(page.pk): page for page in pages[name]} for name in self.fields}
        for name, field in self.fields.items():
            field.choices = [
                ("", self.all_labels[name]),
                *((key, page.title) for key, page in self.pages[name].items()),
            ]

    def selected_pages(self):
        """{parameter: page} of the valid filters a visitor chose."""
        return {name: self.pages[name][value] for name, value in self.applied().items()}
