"""Reminders to mothers: an antenatal contact or a child's vaccine dose that is due.

The same rules as the health worker's worklist (``health.selectors.worklist``), over the
whole regency. A mother is reminded in the app when her book is hers to open (linked to
her account, or recorded with her NIK and phone number); at most once per due item per
week (``health.models.Reminder``), so the daily job may run any number of times.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.models import User
from core.notifications import notify, register_template
from health.models import Mother, Reminder
from health.selectors.worklist import anc_items, immunization_items

register_template(
    "health.anc_due",
    gettext_lazy("Saatnya periksa kehamilan (%(contact)s)"),
    gettext_lazy(
        "Pemeriksaan kehamilan %(contact)s sebaiknya dilakukan paling lambat %(due)s. "
        "Datang ke bidan, posyandu, atau puskesmas terdekat."
    ),
)
register_template(
    "health.immunization_due",
    gettext_lazy("Jadwal imunisasi anak"),
    gettext_lazy(
        "Imunisasi yang sudah waktunya: %(doses)s. Datang ke posyandu atau puskesmas terdekat."
    ),
)

BOOK_LINK = "/layanan/kia"


def iso_week(day: dt.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def mother_accounts(mothers: list[Mother]) -> dict[Any, User]:
    """Mother id → the active account that may open her book (see ``access.own_book``)."""
    accounts: dict[Any, User] = {}
    linked = {m.user_id: m.pk for m in mothers if m.user_id}
    for user in User.objects.filter(pk__in=list(linked), is_active=True):
        accounts[linked[user.pk]] = user
    by_nik = {m.nik: m for m in mothers if not m.user_id and m.phone}
    for user in User.objects.filter(nik__in=list(by_nik), is_active=True):
        mother = by_nik[user.nik]
        if user.phone == mother.phone:
            accounts[mother.pk] = user
    return accounts


def _remind(
    *, user: User, kind: str, items: list[str], week: str, template: str, params: dict[str, Any]
) -> bool:
    """Record the items for this week and notify, all or nothing; False if already done."""
    try:
        with transaction.atomic():
            Reminder.objects.bulk_create(
                [Reminder(kind=kind, item=item, week=week, user=user) for item in items]
            )
            notify(user=user, kind=template, params=params, link=BOOK_LINK)
    except IntegrityError:
        return False  # a concurrent run reminded of these items this week
    return True


def send_health_reminders(*, now: dt.datetime | None = None) -> int:
    """Remind mothers of due antenatal contacts and vaccine doses; returns reminders sent."""
    now = now or timezone.now()
    on = timezone.localtime(now).date()
    week = iso_week(on)
    everyone = Q()
    anc = anc_items(everyone, on)
    immunizations = immunization_items(everyone, on)

    mothers = {item.pregnancy.mother.pk: item.pregnancy.mother for item in anc}
    mothers.update({item.child.mother.pk: item.child.mother for item in immunizations})
    accounts = mother_accounts(list(mothers.values()))

    candidates = [f"anc:{i.pregnancy.pk}:{i.contact.code}" for i in anc] + [
        f"imm:{i.child.pk}:{dose.code}" for i in immunizations for dose, _status in i.doses
    ]
    already = set(
        Reminder.objects.filter(week=week, item__in=candidates).values_list("item", flat=True)
    )
    sent = 0

    for anc_item in anc:
        user = accounts.get(anc_item.pregnancy.mother.pk)
        key = f"anc:{anc_item.pregnancy.pk}:{anc_item.contact.code}"
        if user is None or key in already:
            continue
        sent += _remind(
            user=user,
            kind=Reminder.Kind.ANC,
            items=[key],
            week=week,
            template="health.anc_due",
            params={
                "contact": anc_item.contact.code,
                "due": anc_item.contact.due_by.isoformat(),
            },
        )

    # One reminder per child listing every dose not yet reminded of this week.
    for imm_item in immunizations:
        user = accounts.get(imm_item.child.mother.pk)
        if user is None:
            continue
        doses = [
            dose
            for dose, _status in imm_item.doses
            if f"imm:{imm_item.child.pk}:{dose.code}" not in already
        ]
        if not doses:
            continue
        names: dict[str, list[str]] = defaultdict(list)
        for dose in doses:
            names["id"].append(dose.name_id)
            names["en"].append(dose.name_en or dose.name_id)
        sent += _remind(
            user=user,
            kind=Reminder.Kind.IMMUNIZATION,
            items=[f"imm:{imm_item.child.pk}:{dose.code}" for dose in doses],
            week=week,
            template="health.immunization_due",
            params={"doses": {"id": ", ".join(names["id"]), "en": ", ".join(names["en"])}},
        )
    return sent
