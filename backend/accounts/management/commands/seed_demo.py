"""Demo accounts for trying Pintu Warga. Safe to run again: it updates, never duplicates."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from accounts import services
from accounts.models import Role, User
from core.models import District, Village
from core.regions import load_regions

DEMO_PASSWORD = "pintuwarga-demo"
DEMO_DISTRICT = "16.02.05"  # Kayu Agung, the regency seat

# phone, NIK (district 16.02.05), full name, role
DEMO_USERS = [
    ("081200000001", "1602055403920001", "Siti Aminah", None),
    ("081200000002", "1602050206850002", "Rahmat Hidayat", Role.CIVIL_OFFICER),
    ("081200000003", "1602056111880003", "Dewi Lestari", Role.HEALTH_WORKER),
    ("081200000004", "1602050901900004", "Ahmad Fauzi", None),
    ("081200000005", "1602057007870005", "Rina Marlina", Role.MARKET_OFFICER),
    ("081200000006", "1602050512800006", "Budi Santoso", Role.REGENCY_ADMIN),
]


class Command(BaseCommand):
    help = "Create or refresh the demo accounts (password: pintuwarga-demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--quiet", action="store_true")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        if not District.objects.filter(code=DEMO_DISTRICT).exists():
            load_regions()
        district_code = DEMO_DISTRICT
        if settings.REGENCY_CODE != "16.02":
            district_code = District.objects.order_by("code").values_list("code", flat=True)[0]
        villages = list(Village.objects.filter(district_id=district_code).order_by("code"))
        home_village = villages[0]
        for phone, nik, name, role in DEMO_USERS:
            user = User.objects.filter(nik=nik).first()
            if user is None:
                user = User.objects.create_user(nik, phone, name, DEMO_PASSWORD)
            else:
                user.set_password(DEMO_PASSWORD)
                user.is_active = True
            user.village = home_village
            user.full_name = name
            user.save()
            if role == Role.CIVIL_OFFICER:
                services.assign_role(user=user, role=role, district_codes=[district_code])
            elif role == Role.HEALTH_WORKER:
                services.assign_role(
                    user=user,
                    role=role,
                    village_codes=[v.code for v in villages],
                    facility="Puskesmas Kayu Agung",
                )
            elif role is not None:
                services.assign_role(user=user, role=role)
        if not options["quiet"]:
            self.stdout.write(f"{len(DEMO_USERS)} demo accounts ready (password {DEMO_PASSWORD}).")
