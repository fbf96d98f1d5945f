"""What a translator supplies is checked as the admin form checks what an editor types.

wagtail-localize stores a translator's "override" (a link, an e-mail address, any value that is
not text to translate) as typed, and builds the translated page from it without running the
field's validation: a ``javascript:`` link in a speaker's links went live and ran when clicked.
The rows of inline panels and the blocks of a StreamField are not validated by
``Page.full_clean`` either. Here every value is checked against the field or block it fills:

- ``check_override`` and ``check_string``: one value, when the translator saves it in the
  editor. An invalid one is kept with its error, which the editor shows next to the field;
  wagtail-localize leaves values in error out of the page, so the source value stays until it
  is corrected.
- ``validate_translated_page``: the whole translated page, before it is submitted for review or
  published, so that what a PO upload or a machine translation brought in is checked too.
"""

from urllib.parse import urlsplit

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

WEB_SCHEMES = frozenset({"http", "https"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def validate_link(value: str, *, schemes=LINK_SCHEMES, relative=False) -> None:
    """A link a visitor may follow: one of ``schemes``, or (``relative``) a path on this site.

    Browsers ignore case, surrounding spaces and tabs or newlines inside a scheme, so
    ``" JavaScript:"`` and ``"java\\tscript:"`` are what they look like to a browser: refused."""
    link = "".join(character for character in value.strip() if character not in "\t\r\n")
    if relative and (link.startswith("#") or (link.startswith("/") and not link.startswith("//"))):
        return
    if urlsplit(link).scheme.lower() not in schemes:
        names = ", ".join(f"{scheme}:" for scheme in sorted(schemes))
        raise ValidationError(
            _("Enter a link that starts with one of %(schemes)s.") % {"schemes": names},
            code="unsafe_link",
        )


def field_or_block(model, field_path: str):
    """The model field or StreamField block a translation context's ``field_path`` names
    ("website", "links.url", "body.call_to_action.url"), or None when it names nothing known."""
    name, _dot, rest = field_path.partition(".")
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(field, models.ManyToOneRel) and rest:
        return field_or_block(field.related_model, rest)
    if isinstance(field, StreamField):
        block = field.stream_block
        for part in rest.split(".") if rest else []:
            if isinstance(block, blocks.ListBlock):
                block = block.child_block
            elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
                block = block.child_blocks.get(part)
            if block is None:
                return None
        return block
    return field


def check_value(target, value) -> None:
    """Validate one value as the field or block ``target`` would in the admin form."""
    if isinstance(target, RichTextField | blocks.RichTextBlock):
        # An override inside rich text is the address of one of its links.
        validate_link(str(value), relative=True)
    elif isinstance(target, models.CharField | models.TextField):
        target.clean(value, None)
        if isinstance(target, models.URLField) and value:
            validate_link(value, schemes=WEB_SCHEMES)
    elif isinstance(target, blocks.URLBlock):
        target.clean(value)
        if value:
            validate_link(value, schemes=WEB_SCHEMES)
    elif isinstance(target, blocks.FieldBlock) and isinstance(value, str):
        target.clean(value)


def check_override(segment, value) -> ValidationError | None:
    """The error in an override of an OverridableSegment, or None when it is valid."""
    source_model = segment.source.specific_content_type.model_class()
    target = field_or_block(
        source_model, segment.context.get_field_path(segment.source.as_instance())
    )
    try:
        check_value(target, value)
    except ValidationError as error:
        return error
    return None


def check_string(segment, value: str) -> ValidationError | None:
    """The error in a translation of a StringSegment (too long for its field or block), or
    None. Rich text is left to wagtail-localize, which checks its HTML."""
    source_model = segment.source.specific_content_type.model_class()
    target = field_or_block(
        source_model, segment.context.get_field_path(segment.source.as_instance())
    )
    try:
        if isinstance(target, models.CharField) and target.max_length:
            MaxLengthValidator(target.max_length)(value)
        elif isinstance(target, blocks.CharBlock):
            target.clean(value)
    except ValidationError as error:
        return error
    return None


def validate_translated_page(page: Page) -> None:
    """Raise ``ValidationError`` naming every field, inline row or block of ``page`` that the
    admin form would refuse. ``Page.full_clean`` (run by ``save_revision``) covers the page's
    own fields; this adds the inline rows and the StreamField blocks."""
    errors = {}
    for field in page._meta.get_fields():
        if isinstance(field, models.ManyToOneRel) and isinstance(field.remote_field, ParentalKey):
            for row in getattr(page, field.get_accessor_name()).all():
                try:
                    row.clean_fields(exclude=[field.remote_field.name])
                    _check_row_links(row)
                except ValidationError as error:
                    errors.setdefault(field.name, []).extend(_described(row, error))
        elif isinstance(field, StreamField):
            try:
                field.stream_block.clean(field.value_from_object(page))
            except ValidationError:
                errors.setdefault(field.name, []).append(
                    ValidationError(
                        _(
                            "%(field)s: one of its blocks holds a value the page editor "
                            "would refuse."
                        )
                        % {"field": capfirst(field.verbose_name)}
                    )
                )
    if errors:
        raise ValidationError(errors)


def _check_row_links(row) -> None:
    for field in row._meta.concrete_fields:
        if isinstance(field, models.URLField) and getattr(row, field.attname):
            try:
                validate_link(getattr(row, field.attname), schemes=WEB_SCHEMES)
            except ValidationError as error:
                raise ValidationError({field.name: error.messages}) from None


def _described(row, error: ValidationError) -> list[ValidationError]:
    described = []
    for name, messages in error.message_dict.items():
        label = capfirst(row._meta.get_field(name).verbose_name)
        for message in messages:
            described.append(
                ValidationError(
                    _("%(row)s “%(value)s”, %(field)s: %(message)s")
                    % {
                        "row": capfirst(row._meta.verbose_name),
                        "value": row,
                        "field": label,
                        "message": message,
                    }
                )
            )
    return described
