"""One way to answer with a file: the content, its name, its type.

Every download (exports, templates, Word reports, calendar feeds) goes through `download`, so the
`Content-Disposition` header is written once, by Django's own helper, which quotes a name with
quotes in it and writes a Vietnamese name in the RFC 6266 form browsers read (`filename*=`).
"""

import mimetypes

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
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


def send_stored(field_file, filename: str, content_type: str = "") -> FileResponse:
    """A response that streams a stored file (a `FileField`'s value) as `filename`; a 404 when the
    file is gone from the storage, rather than a 500."""
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, ValueError) as missing:  # gone from the media directory
        raise Http404 from missing
    return FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )


def stored_file_view(model):
    """The download view of an uploaded-file model (`core.uploads`: `file`, `original_name`,
    `content_type`): the record among those the user sees, or a 404."""

    @login_required
    def file_download(request, pk):
        record = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
        return send_stored(record.file, record.original_name, record.content_type)

    return file_download
