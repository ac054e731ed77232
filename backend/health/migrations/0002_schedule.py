"""The national routine immunization schedule (Kemenkes) as data.

Ages: recommended age = birth date + months (+ days). Earliest ages and minimum intervals
are the usual programme rules; grace = days after the recommended date during which a
dose counts as "due" before it is "overdue". JE is given only in endemic areas and ships
inactive. ``in_basic_set`` marks the complete basic immunization (IDL) set. All of it can
be edited in the admin.
"""

from django.db import migrations

# code, antigen, dose, name_id, name_en, months, days, earliest, interval, grace, basic, active
SCHEDULE = [
    (
        "hb0",
        "HB0",
        1,
        "Hepatitis B lahir (HB0)",
        "Hepatitis B birth dose (HB0)",
        0,
        0,
        0,
        0,
        7,
        True,
        True,
    ),
    ("bcg", "BCG", 1, "BCG", "BCG", 1, 0, 0, 0, 30, True, True),
    ("opv1", "OPV", 1, "Polio tetes 1", "Oral polio 1", 1, 0, 0, 0, 30, True, True),
    ("dpt_hb_hib1", "DPT-HB-Hib", 1, "DPT-HB-Hib 1", "DTP-HepB-Hib 1", 2, 0, 42, 0, 30, True, True),
    ("opv2", "OPV", 2, "Polio tetes 2", "Oral polio 2", 2, 0, 42, 28, 30, True, True),
    ("pcv1", "PCV", 1, "PCV 1 (pneumokokus)", "PCV 1 (pneumococcal)", 2, 0, 42, 0, 30, False, True),
    ("rv1", "RV", 1, "Rotavirus 1", "Rotavirus 1", 2, 0, 42, 0, 30, False, True),
    (
        "dpt_hb_hib2",
        "DPT-HB-Hib",
        2,
        "DPT-HB-Hib 2",
        "DTP-HepB-Hib 2",
        3,
        0,
        70,
        28,
        30,
        True,
        True,
    ),
    ("opv3", "OPV", 3, "Polio tetes 3", "Oral polio 3", 3, 0, 70, 28, 30, True, True),
    (
        "pcv2",
        "PCV",
        2,
        "PCV 2 (pneumokokus)",
        "PCV 2 (pneumococcal)",
        3,
        0,
        70,
        28,
        30,
        False,
        True,
    ),
    ("rv2", "RV", 2, "Rotavirus 2", "Rotavirus 2", 3, 0, 70, 28, 30, False, True),
    (
        "dpt_hb_hib3",
        "DPT-HB-Hib",
        3,
        "DPT-HB-Hib 3",
        "DTP-HepB-Hib 3",
        4,
        0,
        98,
        28,
        30,
        True,
        True,
    ),
    ("opv4", "OPV", 4, "Polio tetes 4", "Oral polio 4", 4, 0, 98, 28, 30, True, True),
    (
        "ipv1",
        "IPV",
        1,
        "Polio suntik (IPV) 1",
        "Inactivated polio (IPV) 1",
        4,
        0,
        98,
        0,
        30,
        True,
        True,
    ),
    ("rv3", "RV", 3, "Rotavirus 3", "Rotavirus 3", 4, 0, 98, 28, 30, False, True),
    (
        "mr1",
        "MR",
        1,
        "Campak-Rubela (MR) 1",
        "Measles-rubella (MR) 1",
        9,
        0,
        270,
        0,
        30,
        True,
        True,
    ),
    (
        "ipv2",
        "IPV",
        2,
        "Polio suntik (IPV) 2",
        "Inactivated polio (IPV) 2",
        9,
        0,
        182,
        120,
        30,
        False,
        True,
    ),
    (
        "je",
        "JE",
        1,
        "Japanese Encephalitis (JE)",
        "Japanese encephalitis (JE)",
        10,
        0,
        270,
        0,
        30,
        False,
        False,
    ),
    ("pcv3", "PCV", 3, "PCV 3 (lanjutan)", "PCV 3 (booster)", 12, 0, 270, 56, 30, False, True),
    (
        "dpt_hb_hib4",
        "DPT-HB-Hib",
        4,
        "DPT-HB-Hib lanjutan",
        "DTP-HepB-Hib booster",
        18,
        0,
        365,
        365,
        30,
        False,
        True,
    ),
    (
        "mr2",
        "MR",
        2,
        "Campak-Rubela (MR) lanjutan",
        "Measles-rubella (MR) booster",
        18,
        0,
        365,
        180,
        30,
        False,
        True,
    ),
]


def load(apps, schema_editor):
    ScheduleDose = apps.get_model("health", "ScheduleDose")
    for order, row in enumerate(SCHEDULE, start=1):
        (
            code,
            antigen,
            dose,
            name_id,
            name_en,
            months,
            days,
            earliest,
            interval,
            grace,
            basic,
            active,
        ) = row
        ScheduleDose.objects.update_or_create(
            code=code,
            defaults={
                "antigen": antigen,
                "dose_number": dose,
                "name_id": name_id,
                "name_en": name_en,
                "age_months": months,
                "age_days": days,
                "earliest_age_days": earliest,
                "min_interval_days": interval,
                "grace_days": grace,
                "in_basic_set": basic,
                "is_active": active,
                "order": order * 10,
            },
        )


def unload(apps, schema_editor):
    ScheduleDose = apps.get_model("health", "ScheduleDose")
    ScheduleDose.objects.filter(code__in=[row[0] for row in SCHEDULE]).delete()


class Migration(migrations.Migration):
    dependencies = [("health", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
