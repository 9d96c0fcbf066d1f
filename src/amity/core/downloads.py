"""One way to answer with a file: the content, its name, its type.

Every download (exports, templates, Word reports, calendar feeds) goes through `download`, so the
`Content-Disposition` header is written once, by Django's own helper, which quotes a name with
quotes in it and writes a Vietnamese name in the RFC 6266 form browsers read (`filename*=`).
"""

import mimetypes

from django.http import HttpResponse
from django.utils.http import content_disposition_header

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(
    content: bytes | str, filename: str, content_type: str = "", *, inline: bool = False
) -> HttpResponse:
    """A response that hands `content` to the browser as the file `filename`; its type is
    guessed from the name when not given (".docx", ".xlsx", ".csv", ".ics", ".xml")."""
    if not content_type:
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(not inline, filename)
    if disposition:  # None only for an inline file without a name
        response["Content-Disposition"] = disposition
    return response
