from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


def target_language_choices():
    """The languages content is translated into (a callable: adding one needs no migration)."""
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class GlossaryTerm(ClusterableModel):
    """A name that machine translation must not translate: organisations, places and events
    such as “Skolkovo”, “Hypercube” or “Biotech RusFrance”. It comes back as written, or in a
    language's own established form where one is given (“Сколково” in Russian)."""

    term = models.CharField(
        _("term"),
        max_length=100,
        help_text=_("Written as in the source language, for example “Skolkovo”."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why it stays untranslated, or anything a translator should know."),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("note"),
        InlinePanel(
            "renderings",
            heading=_("Established forms in other languages"),
            label=_("Form"),
            help_text=_(
                "Where a language has its own form of the name (Russian writes "
                "“Сколково”), machine translation puts that form in; in the other "
                "languages the term stays as written."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = [Lower("term")]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="localisation_glossary_term_unique_ci"),
        ]

    def __str__(self):
        return self.term

    def established_forms(self):
        """The term's forms as one line, "ru: Сколково", for the admin's list (prefetch
        "renderings" there)."""
        return "; ".join(f"{form.language}: {form.text}" for form in self.renderings.all())

    established_forms.short_description = _("Established forms")

    def clean(self):
        super().clean()
        # The database constraint would refuse the duplicate too, but with a message naming the
        # constraint, not the term; and SQLite's lower() ignores case only in ASCII ("Сколково").
        if not self.term:
            return
        folded = self.term.casefold()
        existing = GlossaryTerm.objects.exclude(pk=self.pk).values_list("term", flat=True)
        duplicate = next((term for term in existing if term.casefold() == folded), None)
        if duplicate is not None:
            raise ValidationError(
                {
                    "term": ValidationError(
                        _(
                            "“%(term)s” is already in the glossary. Terms are compared "
                            "without regard to case, and one entry protects every spelling."
                        ),
                        code="duplicate",
                        params={"term": duplicate},
                    )
                }
            )


class GlossaryRendering(Orderable):
    """The established form of a glossary term in one language, put in by machine translation
    instead of the term."""

    term = ParentalKey(GlossaryTerm, on_delete=models.CASCADE, related_name="renderings")
    language = models.CharField(_("language"), max_length=16, choices=target_language_choices)
    text = models.CharField(
        _("form"), max_length=255, help_text=_("For example “Сколково” for Russian.")
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("text")])]

    class Meta(Orderable.Meta):
        verbose_name = _("established form")
        constraints = [
            models.UniqueConstraint(
                fields=["term", "language"], name="localisation_glossary_one_form_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.term}: {self.text} ({self.language})"
