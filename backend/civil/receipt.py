"""A printable receipt (PDF) for a request: what was asked, when, and what it costs (nothing)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF

from civil.models import CivilRequest, Status
from civil.selectors import localized
from core.nik import mask_nik
from core.regions import regency_name


def _latin1(text: str) -> str:
    dashes = {"\u2014": "-", "\u2013": "-"}
    for dash, plain in dashes.items():
        text = text.replace(dash, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def receipt_pdf(civil_request: CivilRequest) -> bytes:
    pdf = FPDF(unit="mm", format=(148, 210))  # A5
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(
        0, 7, _latin1(_("Tanda Terima Permohonan Adminduk")), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, _latin1(f"Pintu Warga - {regency_name()}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    local = timezone.localtime
    rows = [
        (_("Kode pelacakan"), civil_request.tracking_code),
        (_("Layanan"), localized(civil_request.service, "name")),
        (_("Pemohon"), civil_request.applicant.full_name),
        (_("NIK pemohon"), mask_nik(civil_request.applicant.nik)),
        (_("Desa/kelurahan"), f"{civil_request.village.name}, {civil_request.district.name}"),
        (
            _("Diajukan"),
            local(civil_request.submitted_at).strftime("%d-%m-%Y %H:%M")
            if civil_request.submitted_at
            else "-",
        ),
        (_("Status"), str(Status(civil_request.status).label)),
        (
            _("Batas waktu layanan"),
            civil_request.due_date.strftime("%d-%m-%Y") if civil_request.due_date else "-",
        ),
        (_("Nomor dokumen terbit"), civil_request.output_document_number or "-"),
        (_("Biaya"), _("Gratis / Rp0")),
    ]
    for label, value in rows:
        pdf.set_font("Helvetica", "B", 9)
        pdf.cell(42, 6, _latin1(str(label)))
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 6, _latin1(str(value)), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "I", 8)
    pdf.multi_cell(
        0,
        4.5,
        _latin1(
            _(
                "Layanan administrasi kependudukan tidak dipungut biaya (UU 24/2013 pasal 79A). "
                "Laporkan setiap permintaan uang kepada Disdukcapil."
            )
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
