from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.exceptions import ValidationError

from accounts import selectors, services
from accounts.models import Role
from core.models import Village


def _codes(value: str | None) -> list[str]:
    return [c.strip() for c in (value or "").split(",") if c.strip()]


class Command(BaseCommand):
    help = "Grant, update or revoke an officer role (audited). The user is named by NIK or phone."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("user", help="NIK or phone number of the user")
        parser.add_argument("role", choices=Role.values)
        parser.add_argument("--districts", help="Comma-separated district codes (civil officers)")
        parser.add_argument("--villages", help="Comma-separated village codes (health workers)")
        parser.add_argument(
            "--villages-of", help="Comma-separated district codes: all their villages"
        )
        parser.add_argument("--facility", default="", help="Facility name (health workers)")
        parser.add_argument("--revoke", action="store_true", help="Revoke the role instead")

    def handle(self, *args: Any, **options: Any) -> None:
        user = selectors.user_by_identifier(options["user"])
        if user is None:
            raise CommandError("No user with that NIK or phone number.")
        if options["revoke"]:
            revoked = services.revoke_role(user=user, role=options["role"])
            self.stdout.write("revoked" if revoked else "nothing to revoke")
            return
        villages = _codes(options["villages"])
        for district in _codes(options["villages_of"]):
            villages += list(
                Village.objects.filter(district_id=district).values_list("code", flat=True)
            )
        try:
            services.assign_role(
                user=user,
                role=options["role"],
                district_codes=_codes(options["districts"]),
                village_codes=villages,
                facility=options["facility"],
            )
        except ValidationError as exc:
            raise CommandError(str(exc.detail)) from exc
        self.stdout.write(f"{options['role']} granted")
