"""Filters of the public directories: GET forms whose every field is a choice among pages."""

from django import forms


class PageFilterForm(forms.Form):
    """A directory's filters, sent with GET, each field a choice among pages (an edition, an
    organisation, a speaker). A value that is not one of the choices (a mistyped address, a
    page of another language) is reported under its field and ignored.

    Subclasses declare their ChoiceFields and, in ``all_labels``, the label of each field's
    empty choice; the pages on offer are given per field name when the form is made.
    """

    all_labels = {}

    def __init__(self, data, **pages):
        super().__init__(data, label_suffix="")
        self.pages = {name: {str(page.pk): page for page in pages[name]} for name in self.fields}
        for name, field in self.fields.items():
            field.choices = [
                ("", self.all_labels[name]),
                *((key, page.title) for key, page in self.pages[name].items()),
            ]

    def applied(self):
        """{parameter: value} of the valid filters a visitor chose; cleaning leaves the invalid
        ones out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def selected_pages(self):
        """{parameter: page} of the valid filters a visitor chose."""
        return {name: self.pages[name][value] for name, value in self.applied().items()}
