"""Uploaded documents: checked by content, cleaned, private."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import User
from civil.models import RequestDocument
from tests.civil.conftest import create_draft, jpeg_bytes, upload

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]


def minimal_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Surat keterangan lahir")
    return bytes(pdf.output())


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims enormous dimensions (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return (
            struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def photo_with_exif_gps_rotated() -> bytes:
    image = Image.new("RGB", (400, 200), "white")
    image.paste((255, 0, 0), (0, 0, 100, 200))  # a red band on the left
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "HP Murah"
    gps = {1: "S", 2: (3.0, 24.0, 0.0), 3: "E", 4: (104.0, 49.0, 0.0)}
    exif[0x8825] = gps
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


@pytest.fixture
def draft_of(login: Login, resident: User) -> tuple[APIClient, str]:
    client = login(resident)
    return client, create_draft(client)["id"]


def _send(draft_of: tuple[APIClient, str], name: str, content: bytes, ctype: str) -> Any:
    client, request_id = draft_of
    return upload(client, request_id, "kk", SimpleUploadedFile(name, content, content_type=ctype))


def test_photo_is_turned_upright_and_loses_exif_and_gps(draft_of: tuple[APIClient, str]) -> None:
    response = _send(draft_of, "kk.jpg", photo_with_exif_gps_rotated(), "image/jpeg")
    assert response.status_code == 201, response.content
    stored = RequestDocument.objects.get(pk=response.json()["id"])
    with stored.file.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    assert image.size == (200, 400)  # rotated upright
    pixel = image.getpixel((100, 10))
    assert isinstance(pixel, tuple) and pixel[0] > 200  # the red band is now on top
    assert len(image.getexif()) == 0
    assert "exif" not in image.info


def test_pdf_is_accepted_and_kept(draft_of: tuple[APIClient, str]) -> None:
    response = _send(draft_of, "surat.pdf", minimal_pdf(), "application/pdf")
    assert response.status_code == 201
    assert response.json()["content_type"] == "application/pdf"


def test_png_and_webp_are_re_encoded(draft_of: tuple[APIClient, str]) -> None:
    for fmt, name in (("PNG", "scan.png"), ("WEBP", "scan.webp")):
        buffer = io.BytesIO()
        Image.new("RGBA", (300, 300), (0, 128, 0, 128)).save(buffer, fmt)
        response = _send(draft_of, name, buffer.getvalue(), "image/" + fmt.lower())
        assert response.status_code == 201
        assert response.json()["content_type"] == "image/jpeg"


def test_huge_photo_is_shrunk(draft_of: tuple[APIClient, str]) -> None:
    response = _send(draft_of, "big.jpg", jpeg_bytes(size=(4000, 3000)), "image/jpeg")
    stored = RequestDocument.objects.get(pk=response.json()["id"])
    with stored.file.open("rb") as handle:
        assert max(Image.open(handle).size) == 2400


@pytest.mark.parametrize(
    ("name", "content", "ctype", "code"),
    [
        ("kk.jpg", jpeg_bytes()[:400], "image/jpeg", "corrupt_file"),
        ("kk.jpg", minimal_pdf(), "image/jpeg", "file_type_mismatch"),
        ("kk.jpg", b"", "image/jpeg", "file_empty"),
        ("kk.png", png_header_only(100_000, 100_000), "image/png", "image_too_large"),
        ("kk.pdf", b"%PDF-1.7\n1 0 obj garbage", "application/pdf", "corrupt_file"),
        (
            "kk.html",
            b"<html><script>alert(1)</script></html>",
            "image/jpeg",
            "unsupported_file_type",
        ),
        ("kk.gif", b"GIF89a" + b"\x00" * 20, "image/gif", "unsupported_file_type"),
    ],
    ids=["truncated", "pdf-renamed-jpg", "zero-bytes", "100k-by-100k", "broken-pdf", "html", "gif"],
)
def test_bad_files_are_400_with_the_error_body(
    draft_of: tuple[APIClient, str], name: str, content: bytes, ctype: str, code: str
) -> None:
    response = _send(draft_of, name, content, ctype)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == code
    assert error["fields"]["file"]
    assert not RequestDocument.objects.exists()


def test_fifty_megabytes_is_refused_before_reading(draft_of: tuple[APIClient, str]) -> None:
    big = b"\xff\xd8\xff" + b"\x00" * (50 * 1024 * 1024)
    response = _send(draft_of, "besar.jpg", big, "image/jpeg")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_too_large"


def test_eleven_megabytes_in_a_small_request_is_refused(
    draft_of: tuple[APIClient, str], settings: Any
) -> None:
    settings.API_MAX_UPLOAD_BYTES = 64 * 1024 * 1024
    response = _send(
        draft_of, "besar.jpg", b"\xff\xd8\xff" + b"\x00" * (11 * 1024 * 1024), "image/jpeg"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "file_too_large"


def test_missing_file_and_unknown_kind(draft_of: tuple[APIClient, str]) -> None:
    client, request_id = draft_of
    url = f"/api/v1/civil/requests/{request_id}/documents/"
    no_file = client.post(url, {"kind": "kk"}, format="multipart")
    assert no_file.status_code == 400
    assert "file" in no_file.json()["error"]["fields"]
    wrong_kind = upload(client, request_id, "paspor")
    assert wrong_kind.status_code == 400
    assert "kind" in wrong_kind.json()["error"]["fields"]
    as_json = client.post(url, {"kind": "kk"}, format="json")
    assert as_json.status_code == 415


def test_document_views_are_audited_for_the_owner_too(
    draft_of: tuple[APIClient, str], resident: User
) -> None:
    from core.models import AuditEvent

    client, _ = draft_of
    document = _send(draft_of, "kk.jpg", jpeg_bytes(), "image/jpeg").json()
    response = client.get(document["url"])
    assert response.status_code == 200
    assert AuditEvent.objects.filter(
        action="civil.document_viewed", actor=resident, object_id=document["id"]
    ).exists()
