"""Who may see and who may write which health records.

- The mother: a logged-in resident sees her own book and her children's when the book is
  linked to her account, or when it was recorded with her NIK *and* her phone number.
  Registration cannot prove that a NIK belongs to whoever types it (the NIK carries the
  birth date), so a NIK alone opens nothing: a book without a matching phone is linked by
  a health worker who has seen the mother in person (``link-account``).
- A health worker (active ``health_worker`` assignment) sees and writes the records of
  mothers whose village is one of her assigned villages.
- Anyone else sees nothing (a regency admin sees aggregate figures only). A record that
  is not visible answers 404; a visible record the user may not write answers 403.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied

from accounts.models import Role, RoleAssignment
from accounts.selectors import has_role
from core.exceptions import NotFound
from core.selectors import unique_or_none
from health.models import Child, Mother, Pregnancy

MOTHER_ROLE = "mother"
HEALTH_WORKER_ROLE = Role.HEALTH_WORKER.value
REGENCY_ADMIN_ROLE = Role.REGENCY_ADMIN.value


def worker_village_codes(user: Any) -> QuerySet[Any]:
    """A lazy subquery of the villages the user works as a health worker (may be empty)."""
    through = RoleAssignment.villages.through
    user_id = getattr(user, "pk", None)
    if user_id is None:
        return through.objects.none().values("village_id")
    return through.objects.filter(
        roleassignment__user_id=user_id,
        roleassignment__role=HEALTH_WORKER_ROLE,
        roleassignment__is_active=True,
    ).values("village_id")


def is_health_worker(user: Any) -> bool:
    return has_role(user, HEALTH_WORKER_ROLE)


def own_book(user: Any, prefix: str = "") -> Q:
    """Her own book: linked to her account, or recorded with her NIK and her phone."""
    return Q(**{f"{prefix}user_id": user.pk}) | Q(
        **{f"{prefix}nik": user.nik, f"{prefix}phone": user.phone}
    )


def is_own_book(user: Any, mother: Mother) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return mother.user_id == user.pk or (
        bool(mother.phone) and mother.nik == user.nik and mother.phone == user.phone
    )


def _mother_scope(user: Any, prefix: str = "") -> Q:
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    return Q(**{f"{prefix}village_id__in": worker_village_codes(user)}) | own_book(user, prefix)


def mothers_visible_to(user: Any) -> QuerySet[Mother]:
    return Mother.objects.filter(_mother_scope(user))


def pregnancies_visible_to(user: Any) -> QuerySet[Pregnancy]:
    return Pregnancy.objects.filter(_mother_scope(user, "mother__"))


def children_visible_to(user: Any) -> QuerySet[Child]:
    return Child.objects.filter(_mother_scope(user, "mother__"))


def may_see(user: Any, mother: Mother) -> bool:
    """The same rule as ``mothers_visible_to``, for one record already loaded: her own book
    costs no query, a health worker's village one."""
    if not getattr(user, "is_authenticated", False):
        return False
    return is_own_book(user, mother) or can_write(user, mother)


def can_write(user: Any, mother: Mother) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return worker_village_codes(user).filter(village_id=mother.village_id).exists()


def reader_role(user: Any, mother: Mother) -> str:
    """How the user sees this record: as the mother herself or as her health worker."""
    return MOTHER_ROLE if is_own_book(user, mother) else HEALTH_WORKER_ROLE


def ensure_writable(user: Any, mother: Mother) -> None:
    """A visible record the user may not change: 403."""
    if not can_write(user, mother):
        raise PermissionDenied()


def get_or_404(queryset: QuerySet[Any], pk: Any) -> Any:
    obj = unique_or_none(queryset.filter(pk=pk))
    if obj is None:
        raise NotFound(_("Data tidak ditemukan."))
    return obj
