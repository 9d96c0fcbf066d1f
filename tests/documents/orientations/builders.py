"""Records of the work orientations for the tests, owned by a given organization."""

from datetime import date

from django.core.files.base import ContentFile

from amity.documents import models
from amity.documents.orientations_choices import OrientationKind, OrientationStatus

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
ISSUED_ON = date(2030, 1, 15)


def orientation(owner, index=0, **values):
    fields = {
        "organization": owner,
        "year": 2030,
        "kind": OrientationKind.GENERAL,
        "title": f"Định hướng công tác năm 2030 số {index}",
        "status": OrientationStatus.ISSUED,
        "issued_on": ISSUED_ON,
        **values,
    }
    return models.Orientation.objects.create(**fields)


def task(orientation_, order=1, **values):
    fields = {
        "orientation": orientation_,
        "order": order,
        "title": f"Nhiệm vụ {order}",
        "due_on": date(2030, 6, 30),
        **values,
    }
    return models.OrientationTask.objects.create(**fields)


def recipient(orientation_, organization, **values):
    return models.Recipient.objects.create(
        orientation=orientation_, organization=organization, **values
    )


def report(recipient_, task_, progress="in_progress", **values):
    return models.TaskReport.objects.create(
        recipient=recipient_, task=task_, progress=progress, **values
    )


def pdf(name="bao-cao.pdf"):
    return ContentFile(PDF, name=name)


def pdf_upload(name="bao-cao.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PDF, content_type="application/pdf")
