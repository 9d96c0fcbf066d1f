"""Records of the register for the tests, owned by a given organization."""

from datetime import date

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from amity.documents.models import RegisterEntry, RegisterFile, Term
from amity.documents.register import number_entry

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DAY = date(2026, 3, 12)


def entry(owner, index=0, **values) -> RegisterEntry:
    """An outgoing official letter of `owner`, numbered by its register."""
    fields = {
        "organization": owner,
        "direction": "outgoing",
        "document_type": "official_letter",
        "issued_on": DAY,
        "subject": f"V/v phối hợp tổ chức hoạt động đối ngoại nhân dân {index}",
        "signer": "Nguyễn Văn An",
        **values,
    }
    record = RegisterEntry(**fields)
    number_entry(record)
    record.save()
    return record


def pdf(name="van-ban.pdf") -> ContentFile:
    return ContentFile(PDF, name=name)


def pdf_upload(name="van-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def register_file(owner, index=0, **values) -> RegisterFile:
    record = RegisterFile(entry=entry(owner, index), title=f"Bản ký {index}", file=pdf(), **values)
    record.save()
    return record


def term(owner, index=0, **values) -> Term:
    fields = {
        "organization": owner,
        "key": f"other.term_{index}",
        "category": "other",
        "vi": f"Thuật ngữ {index}",
        "en": f"Term {index}",
        **values,
    }
    return Term.objects.create(**fields)
