from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from accounts.models import RoleAssignment, User
from accounts.permissions import HasRole
from core.models import AuditEvent
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_command_grants_updates_and_revokes_with_audit() -> None:
    user = make_user(phone="081355556666")
    call_command("assign_role", "081355556666", "civil_officer", "--districts", "16.02.05")
    assignment = RoleAssignment.objects.get(user=user)
    assert [d.code for d in assignment.districts.all()] == ["16.02.05"]
    call_command("assign_role", user.nik, "civil_officer", "--districts", "16.02.03,16.02.05")
    assert assignment.districts.count() == 2
    call_command("assign_role", user.nik, "civil_officer", "--revoke")
    assignment.refresh_from_db()
    assert not assignment.is_active
    actions = list(
        AuditEvent.objects.filter(object_id=str(user.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["role.granted", "role.updated", "role.revoked"]


def test_health_worker_gets_every_village_of_a_district() -> None:
    user = make_user()
    call_command(
        "assign_role", user.nik, "health_worker", "--villages-of", "16.02.05", "--facility", "Pkm"
    )
    assignment = RoleAssignment.objects.get(user=user)
    assert assignment.villages.count() > 5


@pytest.mark.parametrize(
    "args",
    [
        ["civil_officer"],  # no district
        ["health_worker"],  # no village
        ["civil_officer", "--districts", "99.99.99"],  # unknown region
    ],
)
def test_command_refuses_incomplete_assignments(args: list[str]) -> None:
    user = make_user()
    with pytest.raises(CommandError):
        call_command("assign_role", user.nik, *args)
    assert not RoleAssignment.objects.exists()


def test_command_refuses_unknown_user() -> None:
    with pytest.raises(CommandError):
        call_command("assign_role", "081299990000", "market_officer")


def test_has_role_permission(civil_officer: User, resident: User) -> None:
    class Req:
        def __init__(self, user: User) -> None:
            self.user = user

    permission = HasRole.of("civil_officer")()
    assert permission.has_permission(Req(civil_officer), None)  # type: ignore[arg-type]
    assert not permission.has_permission(Req(resident), None)  # type: ignore[arg-type]


def test_seed_demo_is_idempotent() -> None:
    call_command("seed_demo", "--quiet")
    call_command("seed_demo", "--quiet")
    assert User.objects.filter(phone__startswith="+6281200000").count() == 6
    assert RoleAssignment.objects.count() == 4
    officer = User.objects.get(phone="+6281200000002")
    assert officer.check_password("pintuwarga-demo")


def test_granting_the_same_role_again_records_nothing_new() -> None:
    user = make_user()
    for _ in range(3):
        call_command("assign_role", user.nik, "market_officer")
    assert (
        AuditEvent.objects.filter(object_id=str(user.pk), action__startswith="role.").count() == 1
    )
