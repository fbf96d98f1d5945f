"""The admin's image upload form, refusing with a form error what Pillow cannot read.

Wagtail opens an uploaded image to count its pixels and catches only decompression bombs: a
truncated GIF or a file that only starts like an image made Pillow raise, a server error for
the editor. Settings name this form (``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ReadableImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError, UnidentifiedImageError) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class ImageForm(BaseImageForm):
    file = ReadableImageField(label=_("File"))
