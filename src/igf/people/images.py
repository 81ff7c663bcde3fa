"""Profile photos: checked for type, size and dimensions, then re-encoded without metadata."""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_PHOTO_PIXELS = 4000 * 4000
ALLOWED_FORMATS = {"JPEG": {".jpg", ".jpeg"}, "PNG": {".png"}, "WEBP": {".webp"}}
PHOTO_SIDE = 400


def validate_photo(upload: UploadedFile) -> None:
    """Refuse anything but a JPEG, PNG or WebP image under 2 MB whose name matches its bytes."""
    if upload.size is not None and upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo is larger than 2 MB."), code="too_large")
    name = (upload.name or "").lower()
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format or ""
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise ValidationError(_("The photo has too many pixels."), code="too_many_pixels")
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP image."), code="not_an_image"
        ) from error
    finally:
        upload.seek(0)
    extensions = ALLOWED_FORMATS.get(image_format)
    if extensions is None or not name.endswith(tuple(extensions)):
        raise ValidationError(_("This file is not a JPEG, PNG or WebP image."), code="not_an_image")


def normalise_photo(upload: UploadedFile) -> ContentFile[bytes]:
    """A square-bounded JPEG of the photo, with EXIF and GPS data dropped by re-encoding."""
    upload.seek(0)
    with Image.open(upload) as original:
        image = original.convert("RGB")
    image.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue())
