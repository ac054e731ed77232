"""Residents file requests with documents; officers work them to the end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from accounts.models import User
from civil.models import CivilRequest
from core.models import AuditEvent, Notification
from tests.civil.conftest import BIRTH_FORM, act, create_draft, photo, submitted, upload

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]


def test_catalogue_is_free_and_bilingual(api: APIClient) -> None:
    services = api.get("/api/v1/civil/services/").json()
    codes = {s["code"] for s in services}
    assert {
        "akta-kelahiran",
        "akta-kematian",
        "kk-baru",
        "kk-tambah-anggota",
        "kk-perubahan-data",
        "ktp-baru",
        "ktp-hilang",
        "ktp-rusak",
        "kia",
        "pindah",
        "datang",
    } <= codes
    assert all(s["fee"] == 0 and s["fee_label"] == "Gratis / Rp0" for s in services)
    birth = next(s for s in services if s["code"] == "akta-kelahiran")
    assert birth["service_days"] >= 1
    assert [r["code"] for r in birth["requirements"] if r["required"]] == [
        "surat_kelahiran",
        "buku_nikah",
        "kk",
    ]
    english = api.get("/api/v1/civil/services/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert next(s for s in english if s["code"] == "akta-kelahiran")["name"] == "Birth certificate"
    assert english[0]["fee_label"] == "Free / Rp0"


def test_a_service_cannot_be_given_a_fee() -> None:
    from django.db import IntegrityError, transaction

    from civil.models import ServiceType

    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceType.objects.filter(code="kia").update(fee=50_000)


def test_birth_certificate_from_draft_to_completed(
    login: Login, resident: User, civil_officer: User
) -> None:
    warga, petugas = login(resident), login(civil_officer)
    draft = create_draft(warga)
    assert draft["status"] == "draft"
    assert draft["tracking_code"].startswith("AD-")
    assert draft["allowed_actions"] == ["update", "upload", "submit", "cancel"]

    # Submitting is refused while required documents are missing, naming them.
    refused = act(warga, draft["id"], "submit")
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["code"] == "documents_missing"
    assert error["fields"]["documents"] == ["surat_kelahiran", "buku_nikah", "kk"]
    assert "Surat keterangan lahir" in error["message"]

    for kind in ("surat_kelahiran", "buku_nikah", "kk"):
        assert upload(warga, draft["id"], kind).status_code == 201
    sent = act(warga, draft["id"], "submit").json()
    assert sent["status"] == "submitted"
    assert sent["due_date"] is not None

    # The officer of Kayu Agung sees it in the queue and works it.
    queue = petugas.get("/api/v1/civil/requests/").json()
    assert [r["tracking_code"] for r in queue["results"]] == [draft["tracking_code"]]
    assert queue["results"][0]["applicant_nik_masked"].count("*") == 8

    claimed = act(petugas, draft["id"], "claim").json()
    assert claimed["status"] == "in_review"
    assert claimed["assigned_officer_name"] == civil_officer.full_name
    assert set(claimed["allowed_actions"]) == {"request-revision", "approve", "reject"}

    # Officer opens a document: the resident sees it on her timeline.
    document = claimed["documents"][0]
    file_response = petugas.get(document["url"])
    assert file_response.status_code == 200
    assert file_response["Content-Type"] == "image/jpeg"
    assert file_response["Cache-Control"] == "private, no-store"
    b"".join(file_response.streaming_content)  # type: ignore[attr-defined]

    revision = act(petugas, draft["id"], "request-revision", note="Foto KK buram, mohon ulang.")
    assert revision.json()["status"] == "needs_revision"
    assert revision.json()["due_date"] is None  # the clock is paused

    mine = warga.get(f"/api/v1/civil/requests/{draft['id']}/").json()
    assert mine["revision_note"] == "Foto KK buram, mohon ulang."
    assert set(mine["allowed_actions"]) == {"update", "upload", "resubmit", "cancel"}
    assert upload(warga, draft["id"], "kk", photo(color="blue")).status_code == 201
    assert act(warga, draft["id"], "resubmit").json()["status"] == "submitted"

    assert act(petugas, draft["id"], "claim").status_code == 200
    assert act(petugas, draft["id"], "approve").json()["status"] == "approved"
    done = act(petugas, draft["id"], "complete", output_document_number="1602-LT-22112026-0001")
    assert done.status_code == 200
    final = warga.get(f"/api/v1/civil/requests/{draft['id']}/").json()
    assert final["status"] == "completed"
    assert final["output_document_number"] == "1602-LT-22112026-0001"
    assert final["flags"]["on_time"] is True
    assert final["allowed_actions"] == []

    actions = [item["action"] for item in final["timeline"]]
    assert actions == [
        "created",
        "document_uploaded",
        "document_uploaded",
        "document_uploaded",
        "submitted",
        "claimed",
        "document_viewed",
        "revision_requested",
        "document_uploaded",
        "resubmitted",
        "claimed",
        "approved",
        "completed",
    ]
    viewed = next(i for i in final["timeline"] if i["action"] == "document_viewed")
    assert viewed["actor_name"] == civil_officer.full_name
    assert viewed["actor_is_applicant"] is False
    # Only the current KK is listed; the replaced one is kept but superseded.
    assert [d["kind"] for d in final["documents"]].count("kk") == 1

    # Every status change notified the resident.
    kinds = Notification.objects.filter(user=resident).values_list("params__status", flat=True)
    assert len(kinds) == 7
    notifications = warga.get("/api/v1/notifications/").json()
    assert notifications["unread_count"] == 7
    assert "1602-LT-22112026-0001" in notifications["results"][0]["body"]

    receipt = warga.get(f"/api/v1/civil/requests/{draft['id']}/receipt")
    assert receipt.status_code == 200
    assert receipt["Content-Type"] == "application/pdf"
    assert receipt.content.startswith(b"%PDF")

    audited = set(AuditEvent.objects.filter(object_id=draft["id"]).values_list("action", flat=True))
    assert {
        "civil.created",
        "civil.submitted",
        "civil.claimed",
        "civil.revision_requested",
        "civil.resubmitted",
        "civil.approved",
        "civil.completed",
    } <= audited
    assert AuditEvent.objects.filter(
        action="civil.document_viewed", actor=civil_officer, object_id=document["id"]
    ).exists()


def test_family_card_add_member_flow(login: Login, resident: User, civil_officer: User) -> None:
    warga, petugas = login(resident), login(civil_officer)
    sent = submitted(warga, "kk-tambah-anggota")
    assert sent["service"]["code"] == "kk-tambah-anggota"
    assert act(petugas, sent["id"], "claim").status_code == 200
    assert act(petugas, sent["id"], "approve").status_code == 200
    done = act(petugas, sent["id"], "complete", output_document_number="KK 1602051503150007")
    assert done.json()["status"] == "completed"


def test_officer_rejects_with_a_reason(login: Login, resident: User, civil_officer: User) -> None:
    warga, petugas = login(resident), login(civil_officer)
    sent = submitted(warga)
    act(petugas, sent["id"], "claim")
    missing = act(petugas, sent["id"], "reject", reason="   ")
    assert missing.status_code == 400
    assert "reason" in missing.json()["error"]["fields"]
    rejected = act(petugas, sent["id"], "reject", reason="Surat lahir bukan untuk anak ini.")
    assert rejected.json()["status"] == "rejected"
    assert warga.get(f"/api/v1/civil/requests/{sent['id']}/").json()["rejection_reason"] == (
        "Surat lahir bukan untuk anak ini."
    )


def test_resident_cancels_before_approval_but_not_after(
    login: Login, resident: User, civil_officer: User
) -> None:
    warga, petugas = login(resident), login(civil_officer)
    first = submitted(warga)
    assert act(warga, first["id"], "cancel", reason="Salah layanan").json()["status"] == "cancelled"
    second = submitted(warga)
    act(petugas, second["id"], "claim")
    act(petugas, second["id"], "approve")
    late = act(warga, second["id"], "cancel")
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "invalid_transition"


def test_idempotent_create_returns_the_first_draft(login: Login, resident: User) -> None:
    warga = login(resident)
    body = {"service": "akta-kelahiran", "village_code": "16.02.05.1002", "form_data": BIRTH_FORM}
    first = warga.post("/api/v1/civil/requests/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = warga.post("/api/v1/civil/requests/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert CivilRequest.objects.count() == 1


def test_idempotent_upload_does_not_duplicate(login: Login, resident: User) -> None:
    warga = login(resident)
    draft = create_draft(warga)
    url = f"/api/v1/civil/requests/{draft['id']}/documents/"
    content = photo()
    first = warga.post(
        url, {"kind": "kk", "file": content}, format="multipart", HTTP_IDEMPOTENCY_KEY="u-1"
    )
    content.seek(0)
    again = warga.post(
        url, {"kind": "kk", "file": content}, format="multipart", HTTP_IDEMPOTENCY_KEY="u-1"
    )
    assert first.json()["id"] == again.json()["id"]
    assert CivilRequest.objects.get().documents.count() == 1


def test_form_is_validated_per_service(login: Login, resident: User) -> None:
    warga = login(resident)
    bad = {
        **BIRTH_FORM,
        "birth_date": "2099-01-01",
        "mother_nik": "1602050206850002",  # a man's NIK
        "kk_number": "12345",
        "favourite_colour": "biru",
    }
    response = warga.post(
        "/api/v1/civil/requests/",
        {"service": "akta-kelahiran", "village_code": "16.02.05.1002", "form_data": bad},
        format="json",
    )
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert set(fields) == {
        "form_data.birth_date",
        "form_data.mother_nik",
        "form_data.kk_number",
        "form_data.favourite_colour",
    }
    missing = warga.post(
        "/api/v1/civil/requests/",
        {"service": "akta-kelahiran", "village_code": "16.02.05.1002", "form_data": {}},
        format="json",
    )
    assert "form_data.child_name" in missing.json()["error"]["fields"]


def test_late_birth_is_flagged(login: Login, resident: User) -> None:
    draft = create_draft(login(resident), form={**BIRTH_FORM, "birth_date": "2026-01-05"})
    assert draft["flags"]["late_registration"] is True
    assert draft["flags"]["days_since_event"] > 60


@pytest.mark.parametrize(
    ("service", "form", "field"),
    [
        (
            "ktp-baru",
            {
                "nik": "1602050101150001",
                "full_name": "Anak",
                "marital_status": "belum_kawin",
                "kk_number": "1602051503150007",
            },
            "form_data.nik",
        ),
        (
            "kia",
            {
                "child_nik": "1602050101900001",
                "child_name": "Dewasa",
                "kk_number": "1602051503150007",
            },
            "form_data.child_nik",
        ),
    ],
)
def test_age_rules(
    login: Login, resident: User, service: str, form: dict[str, Any], field: str
) -> None:
    response = login(resident).post(
        "/api/v1/civil/requests/",
        {"service": service, "village_code": "16.02.05.1002", "form_data": form},
        format="json",
    )
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_kia_photo_is_required_from_age_five(login: Login, resident: User) -> None:
    draft = create_draft(
        login(resident),
        "kia",
        {"child_nik": "1602050101180001", "child_name": "Raka", "kk_number": "1602051503150007"},
    )
    photo_row = next(r for r in draft["required_documents"] if r["code"] == "pas_foto")
    assert photo_row["required"] is True


def test_village_is_required_and_checked(login: Login, resident: User) -> None:
    warga = login(resident)
    no_village = warga.post(
        "/api/v1/civil/requests/",
        {"service": "akta-kelahiran", "form_data": BIRTH_FORM},
        format="json",
    )
    assert "village_code" in no_village.json()["error"]["fields"]
    unknown = warga.post(
        "/api/v1/civil/requests/",
        {"service": "akta-kelahiran", "village_code": "99.99.99.9999", "form_data": BIRTH_FORM},
        format="json",
    )
    assert "village_code" in unknown.json()["error"]["fields"]
    wrong_service = warga.post(
        "/api/v1/civil/requests/",
        {"service": "paspor", "village_code": "16.02.05.1002", "form_data": {}},
        format="json",
    )
    assert "service" in wrong_service.json()["error"]["fields"]


def test_demo_requests_cover_the_states_and_are_idempotent() -> None:
    from django.core.management import call_command

    call_command("seed_demo", "--quiet")
    call_command("seed_civil_demo")
    call_command("seed_civil_demo")
    demo = CivilRequest.objects.filter(flags__demo=True)
    assert demo.count() == 6
    assert set(demo.values_list("status", flat=True)) == {
        "draft",
        "submitted",
        "in_review",
        "needs_revision",
        "completed",
    }
    from civil.selectors import is_overdue

    assert sum(is_overdue(r) for r in demo) == 1


def test_a_draft_can_be_cancelled(login: Login, resident: User) -> None:
    warga = login(resident)
    draft = create_draft(warga)
    cancelled = act(warga, draft["id"], "cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["allowed_actions"] == []


def test_officers_hear_of_new_requests_in_their_district(
    login: Login, resident: User, civil_officer: User, other_district_officer: User
) -> None:
    sent = submitted(login(resident))
    petugas = login(civil_officer).get("/api/v1/notifications/").json()
    assert petugas["unread_count"] == 1
    item = petugas["results"][0]
    assert item["title"] == f"Permohonan baru {sent['tracking_code']}"
    assert item["link"] == f"/petugas/adminduk/{sent['id']}"
    assert login(other_district_officer).get("/api/v1/notifications/").json()["unread_count"] == 0
    english = login(resident).get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["results"][0]["body"].startswith("Birth certificate — status is now Submitted")
    assert not english["results"][0]["body"].endswith(" ")


def test_invalid_page_is_a_404_in_indonesian(login: Login, resident: User) -> None:
    response = login(resident).get("/api/v1/civil/requests/?page=abc")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "Halaman tidak valid."


def test_a_replayed_submit_returns_the_first_answer(login: Login, resident: User) -> None:
    warga = login(resident)
    draft = create_draft(warga)
    for item in draft["required_documents"]:
        if item["required"]:
            upload(warga, draft["id"], item["code"])
    url = f"/api/v1/civil/requests/{draft['id']}/submit/"
    first = warga.post(url, {}, format="json", HTTP_IDEMPOTENCY_KEY="submit-1")
    again = warga.post(url, {}, format="json", HTTP_IDEMPOTENCY_KEY="submit-1")
    assert first.status_code == again.status_code == 200
    assert again["Idempotent-Replayed"] == "true"
    assert CivilRequest.objects.get(pk=draft["id"]).events.filter(action="submitted").count() == 1
