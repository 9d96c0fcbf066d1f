"""Word files for the library's tests: a template with given lines, a small PNG picture."""

import base64
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

#: a 1×1 transparent PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def docx_bytes(*lines: str) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(*lines: str, name="template.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes(*lines))


def body(content: bytes) -> list[str]:
    """The paragraphs of the document's body that say something (the letterhead is in tables)."""
    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text.strip()]
