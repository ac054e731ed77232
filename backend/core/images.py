"""Public photos (product photos, shop logos): cleaned and re-encoded as WebP in a few widths.

The upload is opened with Pillow under the same decompression-bomb limit as documents
(HEIC from iPhones through pillow-heif), turned upright, stripped of every piece of
metadata (EXIF, GPS, ICC comments) by re-encoding only the pixels, and saved as WebP at
each width in ``WIDTHS`` no larger than the original.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image

from core.exceptions import ApiError
from core.files import check_name_matches, open_image, read_upload, sniff, upright_rgb

WIDTHS = (320, 640, 1280)
MAX_PHOTO_BYTES = 10 * 1024 * 1024

try:  # HEIC/HEIF photos from iPhones
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIF = True
except ImportError:  # pragma: no cover - the dependency is in the lock file
    HEIF = False


def _is_heif(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in {b"heic", b"heix", b"mif1", b"msf1", b"hevc"}


@dataclass(frozen=True)
class PhotoVariants:
    width: int
    height: int
    files: dict[int, bytes]  # size slot (320/640/1280) → WebP bytes, at most that wide


def process_photo(upload: UploadedFile) -> PhotoVariants:
    data = read_upload(upload, max_bytes=MAX_PHOTO_BYTES)
    kind = sniff(data)
    if kind is None and HEIF and _is_heif(data):
        kind = "heif"
    if kind not in {"jpeg", "png", "webp", "heif"}:
        message = _("Kirim foto JPEG, PNG, WebP, atau HEIC.")
        raise ApiError(message, code="unsupported_file_type", fields={"file": [message]})
    if kind != "heif":
        check_name_matches(upload.name, kind)
    image = upright_rgb(open_image(data, allow_heif=True))
    files: dict[int, bytes] = {}
    for width in WIDTHS:
        copy = image.copy()
        if copy.width > width:
            copy.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, format="WEBP", quality=78, method=4)
        files[width] = buffer.getvalue()
        if image.width <= width:
            break  # never enlarge: the last size is the photo's own width
    return PhotoVariants(width=image.width, height=image.height, files=files)
