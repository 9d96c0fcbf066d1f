"""One uploaded-file model (`core.models.UploadedFile`): the course material, the report's
attachment and the dossier's document keep the same columns, in their place, and read the name,
size and type of a new upload from the file itself."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils.translation import override

from amity.core.models import UploadedFile
from amity.core.uploads import ATTACHMENT_TYPES, describe_upload
from amity.emulation.models import AwardDocument
from amity.reporting import rules
from amity.reporting.models import Attachment
from amity.training.models import Material
from tests.training import builders

MODELS = (Material, Attachment, AwardDocument)
COLUMNS = ["title", "file", "original_name", "size", "content_type"]


@pytest.mark.parametrize("model", MODELS)
def test_every_uploaded_file_model_keeps_the_same_columns_after_its_own_relation(model):
    assert issubclass(model, UploadedFile)
    names = [field.name for field in model._meta.concrete_fields]
    assert names[-5:] == COLUMNS
    own = {Material: ["course"], Attachment: ["submission"], AwardDocument: ["proposal", "kind"]}
    assert names[6:-5] == own[model]  # id and BaseModel's five, then the model's own
    meta = model._meta
    with override("en"):
        labels = [str(meta.get_field(name).verbose_name) for name in COLUMNS]
    assert labels == [
        "title",
        "file",
        "file name",
        "size (bytes)",
        "type of file",
    ]
    assert not meta.get_field("original_name").editable
    assert meta.get_field("file").max_length == 255


def test_each_model_stores_its_files_under_its_own_path():
    upload_to = {model: model._meta.get_field("file").upload_to for model in MODELS}
    assert upload_to[Material].__name__ == "material_path"
    assert upload_to[Attachment].__name__ == "attachment_path"
    assert upload_to[AwardDocument].__name__ == "award_document_path"
    assert upload_to[Material](None, "Bài giảng.PDF").startswith("training/materials/")
    assert upload_to[Material](None, "x.PDF").endswith(".pdf")


@pytest.mark.django_db
def test_no_migration_results_from_the_shared_columns():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_describe_upload_is_cores_and_reporting_uses_the_same():
    assert rules.describe_upload is describe_upload
    assert rules.ATTACHMENT_TYPES is ATTACHMENT_TYPES
    upload = SimpleUploadedFile("C:\\Tài liệu\\báo cáo.DOCX", b"PK\x03\x04")
    assert describe_upload(upload) == (
        "báo cáo.DOCX",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    assert describe_upload(SimpleUploadedFile("notes.xyz", b"x")) == (
        "notes.xyz",
        "application/octet-stream",
    )


@pytest.mark.django_db
def test_a_new_upload_gets_its_name_size_and_type_and_keeps_them_after(orgs):
    course = builders.course(orgs.central)
    material = Material(course=course, file=builders.pdf_upload("Lễ tân.pdf"))
    assert material.is_new_upload
    material.full_clean()
    material.save()
    assert (material.original_name, material.content_type, material.size) == (
        "Lễ tân.pdf",
        "application/pdf",
        len(builders.PDF),
    )
    assert material.file.name.startswith("training/materials/")
    assert not material.is_new_upload
    stored = Material.objects.get(pk=material.pk)
    stored.title = "Slides"
    stored.save()
    stored.refresh_from_db()
    assert (stored.original_name, stored.size) == ("Lễ tân.pdf", len(builders.PDF))
    assert stored.version == 2
    assert stored.history.count() == 2


def test_no_file_is_no_new_upload():
    assert not Material().is_new_upload
