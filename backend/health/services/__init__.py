"""Every write of the Buku KIA: plain functions with keyword arguments, one transaction each,
permission checked, audit written."""

from health.services.audit import record_read, record_reads
from health.services.children import (
    record_immunization,
    record_measurement,
    register_child,
    update_child,
)
from health.services.mothers import (
    confirm_account,
    link_account,
    register_mother,
    update_mother,
)
from health.services.pregnancies import (
    end_pregnancy,
    record_delivery,
    record_postnatal_contact,
    record_visit,
    register_pregnancy,
    update_pregnancy,
)

__all__ = [
    "confirm_account",
    "end_pregnancy",
    "link_account",
    "record_delivery",
    "record_immunization",
    "record_measurement",
    "record_postnatal_contact",
    "record_read",
    "record_reads",
    "record_visit",
    "register_child",
    "register_mother",
    "register_pregnancy",
    "update_child",
    "update_mother",
    "update_pregnancy",
]
