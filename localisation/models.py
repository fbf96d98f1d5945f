from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class GlossaryTerm(models.Model):
    """A name that machine translation must leave exactly as written, in every language:
    organisations, places and events such as “Skolkovo”, “Hypercube” or “Biotech RusFrance”."""

    term = models.CharField(
        _("term"),
        max_length=100,
        help_text=_("Written exactly as it must appear in every language, for example “Skolkovo”."),
    )
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Why it stays untranslated, or anything a translator should know."),
    )

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = [Lower("term")]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="localisation_glossary_term_unique_ci"),
        ]

    def __str__(self):
        return self.term

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
