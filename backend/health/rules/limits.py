"""Plausible ranges: a value outside them is a typing error, refused with 400."""

from __future__ import annotations

from decimal import Decimal

# Antenatal visit (the mother)
MOTHER_WEIGHT_KG = (Decimal("25"), Decimal("200"))
MOTHER_HEIGHT_CM = (Decimal("100"), Decimal("220"))
SYSTOLIC = (50, 260)
DIASTOLIC = (30, 160)
LILA_CM = (Decimal("10"), Decimal("60"))
HB_G_DL = (Decimal("3"), Decimal("25"))
FUNDAL_HEIGHT_CM = (Decimal("1"), Decimal("60"))
FETAL_HEART_RATE = (60, 240)
IRON_TABLETS = (0, 200)

# The child
CHILD_WEIGHT_KG = (Decimal("0.01"), Decimal("50"))  # "weight <= 0 or > 50 kg" is impossible
CHILD_HEIGHT_CM = (Decimal("30"), Decimal("150"))
HEAD_CIRCUMFERENCE_CM = (Decimal("20"), Decimal("65"))
BIRTH_WEIGHT_G = (300, 7000)
BIRTH_LENGTH_CM = (Decimal("25"), Decimal("65"))
MAX_BABIES = 6

# The mother's age when registered
MOTHER_AGE_YEARS = (10, 60)
# The Buku KIA follows a child to age 6
CHILD_MAX_AGE_YEARS = 6
