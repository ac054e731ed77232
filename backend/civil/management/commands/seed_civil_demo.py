"""Demo civil-registration requests in every state, so the officer's queue looks alive.

Safe to run again: it does nothing when the demo requests exist. Requests are created
through the same services residents and officers use; only their dates are moved back
so that one of them is overdue.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw

from accounts.models import User
from civil import services
from civil.models import CivilRequest, ServiceType
from core.workdays import add_working_days, local_today

DEMO_MARK = "demo"
# Residents of Kayu Agung without a login of their own (unusable password).
EXTRA_RESIDENTS = [
    ("081200000011", "1602054101950011", "Nurhayati"),
    ("081200000012", "1602051205880012", "Hendra Gunawan"),
    ("081200000013", "1602056307990013", "Maya Sari"),
]


def _document(label: str) -> SimpleUploadedFile:
    image = Image.new("RGB", (900, 600), (245, 245, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 880, 580), outline=(40, 90, 100), width=6)
    draw.text((60, 80), "CONTOH DOKUMEN / SAMPLE", fill=(160, 30, 30))
    draw.text((60, 140), label, fill=(20, 20, 20))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return SimpleUploadedFile(f"{label}.jpg", buffer.getvalue(), content_type="image/jpeg")


FORMS: dict[str, dict[str, Any]] = {
    "akta-kelahiran": {
        "child_name": "Aisyah Putri",
        "child_sex": "F",
        "birth_place": "RSUD Kayu Agung",
        "mother_nik": "1602055403920001",
        "mother_name": "Siti Aminah",
        "father_name": "Ahmad",
        "kk_number": "1602051503150007",
    },
    "kk-tambah-anggota": {
        "kk_number": "1602051503150007",
        "member_name": "Aisyah Putri",
        "relationship": "anak",
        "reason": "kelahiran",
    },
    "ktp-hilang": {"full_name": "", "kk_number": "1602051203100002"},
    "akta-kematian": {
        "deceased_nik": "1602050101400021",
        "deceased_name": "Abdul Rahman",
        "death_place": "Rumah, Kayu Agung",
        "reporter_relationship": "anak",
        "kk_number": "1602051203100002",
    },
    "pindah": {
        "kk_number": "1602051203100002",
        "destination_address": "Jl. Merdeka 10, Palembang",
        "reason": "pekerjaan",
    },
}


class Command(BaseCommand):
    help = "Create demo civil-registration requests in several states (idempotent)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        if CivilRequest.objects.filter(flags__demo=True).exists():
            self.stdout.write("demo requests already present")
            return
        if not User.objects.filter(phone="+6281200000001").exists():
            call_command("seed_demo", "--quiet")
        resident = User.objects.get(phone="+6281200000001")
        officer = User.objects.get(phone="+6281200000002")
        village = resident.village_id
        others = []
        for phone, nik, name in EXTRA_RESIDENTS:
            user = User.objects.filter(nik=nik).first() or User.objects.create_user(
                nik, phone, name, None
            )
            user.village_id = village
            user.save(update_fields=["village"])
            others.append(user)
        today = local_today()

        def create(applicant: User, code: str, **extra: Any) -> CivilRequest:
            form = {**FORMS[code], **extra}
            if code == "ktp-hilang":
                form = {**form, "nik": applicant.nik, "full_name": applicant.full_name}
            if code == "pindah":
                form = {**form, "nik": applicant.nik}
            civil_request = services.create_request(
                applicant=applicant, service_code=code, form_data=form, village_code=village
            )
            service = ServiceType.objects.get(code=code)
            for item in service.requirements:
                if item["required"]:
                    services.upload_document(
                        user=applicant,
                        civil_request=civil_request,
                        kind=item["code"],
                        upload=_document(item["name_id"]),
                    )
            CivilRequest.objects.filter(pk=civil_request.pk).update(
                flags={**civil_request.flags, DEMO_MARK: True}
            )
            civil_request.refresh_from_db()
            return civil_request

        # The demo resident: a birth certificate in review and a family card draft.
        birth = create(
            resident, "akta-kelahiran", birth_date=(today - dt.timedelta(days=12)).isoformat()
        )
        services.submit(user=resident, civil_request=birth)
        services.claim(officer=officer, civil_request=birth)
        create(resident, "kk-tambah-anggota")

        # Others: submitted, overdue, needs revision, completed.
        lost = create(others[0], "ktp-hilang")
        services.submit(user=others[0], civil_request=lost)

        death = create(
            others[1], "akta-kematian", death_date=(today - dt.timedelta(days=9)).isoformat()
        )
        services.submit(user=others[1], civil_request=death)
        overdue_start = today - dt.timedelta(days=10)
        CivilRequest.objects.filter(pk=death.pk).update(
            due_date=add_working_days(overdue_start, 3), clock_resumed_on=overdue_start
        )

        moving = create(others[2], "pindah")
        services.submit(user=others[2], civil_request=moving)
        services.claim(officer=officer, civil_request=moving)
        services.request_revision(
            officer=officer,
            civil_request=moving,
            note="Foto KTP-el kurang jelas, mohon unggah ulang. / The ID card photo is unclear.",
        )

        done = create(
            others[0],
            "akta-kelahiran",
            birth_date=(today - dt.timedelta(days=20)).isoformat(),
            mother_nik=others[0].nik,
            mother_name=others[0].full_name,
        )
        services.submit(user=others[0], civil_request=done)
        services.claim(officer=officer, civil_request=done)
        services.approve(officer=officer, civil_request=done)
        services.complete(
            officer=officer, civil_request=done, output_document_number="1602-LT-DEMO-0001"
        )
        self.stdout.write(f"{CivilRequest.objects.filter(flags__demo=True).count()} demo requests")
