from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import Role, User
from civil.models import CivilRequest
from tests.factories import make_user

BIRTH_FORM = {
    "child_name": "Putri Ayu",
    "child_sex": "F",
    "birth_date": "2026-11-02",
    "birth_place": "RSUD Kayu Agung",
    "mother_nik": "1602055403920001",
    "mother_name": "Siti Aminah",
    "kk_number": "1602051503150007",
}
KK_ADD_FORM = {
    "kk_number": "1602051503150007",
    "member_name": "Putri Ayu",
    "relationship": "anak",
    "reason": "kelahiran",
}


def jpeg_bytes(size: tuple[int, int] = (640, 480), color: str = "red", **save: Any) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def photo(name: str = "foto.jpg", **kwargs: Any) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


@pytest.fixture(autouse=True)
def _private_media(tmp_path: Any, settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }


@pytest.fixture
def client_of(login: Callable[[User], APIClient]) -> Callable[[User], APIClient]:
    return login


@pytest.fixture
def other_district_officer(db: Any) -> User:
    from accounts.services import assign_role

    user = make_user(full_name="Petugas Pedamaran")
    assign_role(user=user, role=Role.CIVIL_OFFICER, district_codes=["16.02.03"])
    return user


@pytest.fixture
def second_officer(db: Any) -> User:
    from accounts.services import assign_role

    user = make_user(full_name="Petugas Kedua")
    assign_role(user=user, role=Role.CIVIL_OFFICER, district_codes=["16.02.05"])
    return user


def create_draft(
    client: APIClient, service: str = "akta-kelahiran", form: dict[str, Any] | None = None
) -> dict[str, Any]:
    response = client.post(
        "/api/v1/civil/requests/",
        {
            "service": service,
            "village_code": "16.02.05.1002",
            "form_data": form if form is not None else BIRTH_FORM,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def upload(
    client: APIClient, request_id: str, kind: str, file: SimpleUploadedFile | None = None
) -> Any:
    return client.post(
        f"/api/v1/civil/requests/{request_id}/documents/",
        {"kind": kind, "file": file or photo()},
        format="multipart",
    )


def submitted(client: APIClient, service: str = "akta-kelahiran") -> dict[str, Any]:
    """A request with every required document, submitted."""
    draft = create_draft(
        client, service, BIRTH_FORM if service == "akta-kelahiran" else KK_ADD_FORM
    )
    for item in draft["required_documents"]:
        if item["required"]:
            assert upload(client, draft["id"], item["code"]).status_code == 201
    response = client.post(f"/api/v1/civil/requests/{draft['id']}/submit/", {}, format="json")
    assert response.status_code == 200, response.content
    return response.json()


def act(client: APIClient, request_id: str, action: str, **body: Any) -> Any:
    return client.post(f"/api/v1/civil/requests/{request_id}/{action}/", body, format="json")


def get_request(pk: str) -> CivilRequest:
    return CivilRequest.objects.get(pk=pk)
