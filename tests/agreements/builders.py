"""Records of the agreements app for the tests, owned by a given organization."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from amity.agreements import models
from amity.partners.models import Partner, RelationshipHolder

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TODAY = timezone.localdate()


def pdf(name="thoa-thuan.pdf"):
    return ContentFile(PDF, name=name)


def pdf_upload(name="thoa-thuan.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def partner(holder=None, index=0, **values):
    record = Partner.objects.create(
        kind=values.pop("kind", "ngo"),
        name=values.pop("name", f"Friendship Fund {index}"),
        **values,
    )
    if holder is not None:
        RelationshipHolder.objects.create(partner=record, organization=holder)
    return record


def agency(owner, index=0, **values):
    fields = {
        "name_vi": f"Bộ Ngoại giao {index}",
        "name_en": f"Ministry of Foreign Affairs {index}",
        "kind": "ministry",
        "organization": owner,
        **values,
    }
    return models.VietnameseAgency.objects.create(**fields)


def agreement(owner, index=0, **values):
    """An agreement under negotiation (no signed file needed), expiring in two years."""
    fields = {
        "kind": "cooperation",
        "title_vi": f"Thỏa thuận hợp tác {index}",
        "organization": owner,
        "starts_on": TODAY - timedelta(days=30),
        "ends_on": TODAY + timedelta(days=730),
        "status": "negotiating",
        **values,
    }
    return models.Agreement.objects.create(**fields)


def signed_file(agreement_, **values):
    return models.AgreementFile.objects.create(
        agreement=agreement_, title="Bản ký", file=pdf(), is_signed=True, **values
    )


def in_force(owner, index=0, ends_on=None, **values):
    """An agreement in force, signed with its signed copy, expiring on `ends_on`."""
    record = agreement(owner, index, signed_on=TODAY - timedelta(days=60), **values)
    signed_file(record)
    record.status = "in_force"
    if ends_on is not None:
        record.ends_on = ends_on
    record.save()
    return record


def commitment(agreement_, owner, index=0, **values):
    fields = {
        "agreement": agreement_,
        "description": f"Tổ chức đoàn giao lưu {index}",
        "organization": owner,
        "due_on": TODAY + timedelta(days=60),
        **values,
    }
    return models.Commitment.objects.create(**fields)


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")
