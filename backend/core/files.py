"""Uploaded files: the type is decided from the content, never from the name or the header.

Images (JPEG, PNG, WebP) are opened with Pillow under a decompression-bomb limit, turned
upright, re-encoded without EXIF (so no GPS position leaves the phone), and shrunk when
huge. PDFs must start with a PDF header and parse. Anything else is a 400 with the error
body.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import Any, cast

from django.core.files.storage import Storage, storages
from django.core.files.uploadedfile import UploadedFile
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core.exceptions import ApiError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Pillow refuses images past twice this many pixels and warns past it; both are refusals.
MAX_IMAGE_PIXELS = 40_000_000
DOCUMENT_MAX_SIDE = 2400
PDF_MAX_PAGES = 50

Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass(frozen=True)
class CleanFile:
    content: bytes
    content_type: str
    extension: str
    sha256: str
    width: int | None = None
    height: int | None = None
    pages: int | None = None

    @property
    def size(self) -> int:
        return len(self.content)


def _refuse(message: str, code: str = "invalid_file") -> ApiError:
    return ApiError(message, code=code, fields={"file": [message]})


def read_upload(upload: UploadedFile, *, max_bytes: int = MAX_UPLOAD_BYTES) -> bytes:
    if upload.size is not None and upload.size > max_bytes:
        raise _refuse(
            _("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": max_bytes // (1024 * 1024)},
            "file_too_large",
        )
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _refuse(
            _("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": max_bytes // (1024 * 1024)},
            "file_too_large",
        )
    if not data:
        raise _refuse(_("Berkas kosong."), "file_empty")
    return data


def sniff(data: bytes) -> str | None:
    """The kind of file from its first bytes: 'jpeg', 'png', 'webp', 'pdf' or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    return None


def open_image(data: bytes, *, allow_heif: bool = False) -> Image.Image:
    """Open and fully decode an image, refusing bombs and truncated files."""
    formats = {*IMAGE_FORMATS, "HEIF"} if allow_heif else set(IMAGE_FORMATS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in formats:
                raise _refuse(_("Jenis gambar tidak didukung."), "unsupported_file_type")
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse(_("Gambar terlalu besar ukurannya (piksel)."), "image_too_large") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _refuse(_("Gambar rusak atau tidak lengkap."), "corrupt_file") from exc
    return image


def upright_rgb(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation, then drop every piece of metadata."""
    # A broken EXIF block leaves the pixels as they are.
    with contextlib.suppress(ValueError, OSError, KeyError, TypeError):
        image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGB", image.size, (255, 255, 255))
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


EXTENSION_KINDS = {
    "jpg": "jpeg",
    "jpeg": "jpeg",
    "png": "png",
    "webp": "webp",
    "pdf": "pdf",
}


def check_name_matches(name: str | None, kind: str) -> None:
    """A file whose name claims another known type (a PDF renamed .jpg) is refused."""
    extension = (name or "").rsplit(".", 1)[-1].lower() if "." in (name or "") else ""
    claimed = EXTENSION_KINDS.get(extension)
    image_kinds = {"jpeg", "png", "webp"}
    if claimed and claimed != kind and not (claimed in image_kinds and kind in image_kinds):
        raise _refuse(
            _("Isi berkas tidak sesuai dengan namanya (.%(ext)s).") % {"ext": extension},
            "file_type_mismatch",
        )


def clean_document(upload: UploadedFile) -> CleanFile:
    """A civil or health document: JPEG/PNG/WebP re-encoded as JPEG, or a checked PDF."""
    data = read_upload(upload)
    kind = sniff(data)
    if kind is None:
        raise _refuse(
            _("Jenis berkas tidak didukung. Kirim foto (JPEG, PNG, WebP) atau PDF."),
            "unsupported_file_type",
        )
    check_name_matches(upload.name, kind)
    if kind == "pdf":
        return _clean_pdf(data)
    image = upright_rgb(open_image(data))
    image.thumbnail((DOCUMENT_MAX_SIDE, DOCUMENT_MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85, optimize=True)
    content = out.getvalue()
    return CleanFile(
        content=content,
        content_type="image/jpeg",
        extension="jpg",
        sha256=hashlib.sha256(content).hexdigest(),
        width=image.width,
        height=image.height,
    )


def _clean_pdf(data: bytes) -> CleanFile:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise _refuse(_("PDF yang terkunci kata sandi tidak dapat diterima."), "pdf_encrypted")
        pages = len(reader.pages)
    except ApiError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise _refuse(_("PDF rusak atau tidak dapat dibaca."), "corrupt_file") from exc
    except RecursionError as exc:
        raise _refuse(_("PDF rusak atau tidak dapat dibaca."), "corrupt_file") from exc
    if pages < 1:
        raise _refuse(_("PDF tidak berisi halaman."), "corrupt_file")
    if pages > PDF_MAX_PAGES:
        raise _refuse(
            _("PDF terlalu banyak halaman (maksimal %(n)s).") % {"n": PDF_MAX_PAGES}, "pdf_too_long"
        )
    return CleanFile(
        content=data,
        content_type="application/pdf",
        extension="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        pages=pages,
    )


class PrivateStorage(LazyObject):
    """The ``private`` storage alias, resolved lazily and again when settings change."""

    def _setup(self) -> None:
        self._wrapped = storages["private"]


_private_storage = PrivateStorage()


@receiver(setting_changed)
def _reset_private_storage(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":
        _private_storage._wrapped = empty  # type: ignore[assignment]


def private_storage() -> Storage:
    """Storage for private files: no public URL, read only through permission checks."""
    return cast(Storage, _private_storage)
