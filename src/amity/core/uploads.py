"""What Amity knows of an uploaded file before any app looks at it: the types it accepts (by
extension, and how such a file begins) and the name and content type a file came with.

The columns every uploaded-file model keeps are `core.models.UploadedFile`'s; what a domain
refuses (too large, too many for a submission) stays with the domain (`reporting.rules`)."""

from pathlib import PurePath

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old Word and Excel formats
ZIP = b"PK\x03\x04"  # the Office Open XML and OpenDocument formats
#: extension → (content type, how such a file begins)
ATTACHMENT_TYPES = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".doc": ("application/msword", OLE),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP),
    ".xls": ("application/vnd.ms-excel", OLE),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
}


def describe_upload(upload) -> tuple[str, str]:
    """(the name a file came with, without any folder; its content type by that name)."""
    name = PurePath(str(upload.name).replace("\\", "/")).name.strip()[-200:] or "file"
    known = ATTACHMENT_TYPES.get(PurePath(name).suffix.lower())
    return name, known[0] if known else "application/octet-stream"
