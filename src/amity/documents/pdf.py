"""The PDF of a Word document, converted by LibreOffice headless (`soffice --headless
--convert-to pdf`), run as a background task (django-tasks: inline on the embedded default,
by `amity db_worker` in production) and stored beside the Word file (`RegisterFile.pdf`).

Where no converter is installed the file says so (`PdfStatus.UNAVAILABLE`) and the page offers
no PDF: nothing fails. docs/admin.md tells how to install it.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from amity.documents.models.register import PdfStatus, RegisterFile

#: seconds a conversion may take before it is given up (a first start of LibreOffice is slow)
TIMEOUT = 180


class ConversionFailed(Exception):
    pass


def converter() -> str | None:
    """The path of LibreOffice's command, or None where it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx: bytes) -> bytes:
    """The PDF of the Word document `docx`. Raises ConversionFailed (and FileNotFoundError
    where no converter is installed)."""
    command = converter()
    if command is None:
        raise FileNotFoundError("soffice")
    with tempfile.TemporaryDirectory(prefix="amity-pdf-") as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(docx)
        # a profile of its own: a LibreOffice already open for the same user would take the
        # job and leave this one waiting
        profile = (Path(folder) / "profile").as_uri()
        try:
            subprocess.run(
                [
                    command,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT,
            )
        except (subprocess.SubprocessError, OSError) as error:
            raise ConversionFailed(str(error)) from error
        result = Path(folder) / "document.pdf"
        if not result.is_file() or not result.read_bytes().startswith(b"%PDF-"):
            raise ConversionFailed("no PDF written")
        return result.read_bytes()


def request_pdf(register_file: RegisterFile) -> None:
    """Ask for the PDF of a Word file: converted by a task once the transaction that wrote
    the file has committed; marked unavailable at once where there is no converter."""
    if not register_file.is_word:
        return
    status = PdfStatus.PENDING if converter() else PdfStatus.UNAVAILABLE
    RegisterFile.all_objects.filter(pk=register_file.pk).update(pdf_status=status)
    register_file.pdf_status = status
    if status == PdfStatus.PENDING:
        pk = register_file.pk
        transaction.on_commit(lambda: convert_to_pdf.enqueue(pk))


@task()
def convert_to_pdf(file_id: int) -> str:
    """Convert the Word file `file_id` and store its PDF beside it; returns the status."""
    register_file = RegisterFile.all_objects.filter(pk=file_id).first()
    if register_file is None:
        return "gone"
    try:
        with register_file.file.open("rb") as handle:
            content = convert(handle.read())
    except FileNotFoundError:
        return _mark(register_file, PdfStatus.UNAVAILABLE)
    except ConversionFailed:
        return _mark(register_file, PdfStatus.FAILED)
    name = Path(register_file.original_name or "document.docx").with_suffix(".pdf").name
    register_file.pdf.save(name, ContentFile(content), save=False)
    # the PDF is the file's rendering, not a change of it: no new version, no history row
    RegisterFile.all_objects.filter(pk=file_id).update(
        pdf=register_file.pdf.name, pdf_status=PdfStatus.READY
    )
    return PdfStatus.READY


def _mark(register_file: RegisterFile, status: str) -> str:
    RegisterFile.all_objects.filter(pk=register_file.pk).update(pdf_status=status)
    return status
