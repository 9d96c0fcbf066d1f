"""The pure rules of reporting: when a submission's values may change, which files may be attached.

They sit below both the models (whose `clean()` applies them) and the services (which apply them
before a workflow step), so that neither imports the other to ask: this module imports no model
of its own app and writes nothing. It reads what it needs through the records it is given.
"""

from datetime import date
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from amity.core.import_files import ImportFileError, refuse_zip_bomb
from amity.core.uploads import ATTACHMENT_TYPES, ZIP, describe_upload
from amity.reporting.choices import EDITABLE_STATES


def today_or(today=None) -> date:
    return today or timezone.localdate()


def plain_number(number) -> str:
    """A decimal as people write it: 12, 12.5, not 12.0000."""
    return format(number.normalize(), "f") if isinstance(number, Decimal) else str(number)


# --- when values may change ---------------------------------------------------------------------


def is_reopened(period, organization, today=None) -> bool:
    """`period` is reopened for `organization` (a record or its id) on `today`."""
    return period.reopenings.filter(
        organization=organization, expires_on__gte=today_or(today)
    ).exists()


def entry_refusal(submission, today=None) -> str | None:
    """Why the values of `submission` may not change now, or None when they may."""
    cached: str | None | bool = getattr(submission, "_entry_refusal", False)
    if not isinstance(cached, bool) and today is None:
        return cached
    refusal = None
    if submission.state not in EDITABLE_STATES:
        refusal = _("This submission is %(state)s: its values can no longer change.") % {
            "state": submission.get_state_display().lower()
        }
    else:
        period = submission.period
        if today_or(today) < period.opens_on:
            refusal = _("The period opens for reporting on %(date)s.") % {
                "date": f"{period.opens_on:%d/%m/%Y}"
            }
        elif period.locked and not is_reopened(period, submission.organization_id, today):
            refusal = _("The period is locked; ask the centre to reopen it for you.")
    if today is None:
        submission._entry_refusal = refusal
    return refusal


def submission_change_refusal(submission) -> str | None:
    """Why `submission` may not be edited or deleted now (it was sent: only the workflow's
    steps, a return or a reopening, move it), or None for a draft or a returned report."""
    if submission.state in EDITABLE_STATES:
        return None
    return _(
        "This report is %(state)s: it can no longer be edited or deleted. Only its workflow "
        "changes it: the reviewer returns it, or the centre reopens the period."
    ) % {"state": submission.get_state_display().lower()}


# --- attachments --------------------------------------------------------------------------------

# The accepted types and `describe_upload` are core's (`core.uploads`), shared by every
# uploaded-file model; the forms of the apps read ATTACHMENT_TYPES from here.


def attachment_limits() -> dict:
    """How large one attachment may be, and how many a submission holds (settings may change
    them: REPORTING_ATTACHMENT_MAX_BYTES, REPORTING_ATTACHMENTS_PER_SUBMISSION)."""
    return {
        "bytes": getattr(settings, "REPORTING_ATTACHMENT_MAX_BYTES", 15 * 1024 * 1024),
        "count": getattr(settings, "REPORTING_ATTACHMENTS_PER_SUBMISSION", 20),
    }


def check_attachment(upload) -> tuple[str, str]:
    """(the name it came with, its content type) of an uploaded file that may be attached:
    of an allowed type by its name and by its first bytes, not empty, not too large, and, for
    the zipped office formats, not a zip bomb. Refused with a message for people otherwise."""
    name, _content_type = describe_upload(upload)
    suffix = PurePath(name).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        raise ValidationError(
            _("Attach a PDF, Word, Excel or OpenDocument file or a JPEG or PNG photo.")
        )
    limit = attachment_limits()["bytes"]
    if upload.size > limit:
        raise ValidationError(
            _("The file is larger than %(limit)s MB.")
            % {"limit": plain_number(Decimal(limit) / (1024 * 1024))}
        )
    if not upload.size:
        raise ValidationError(_("The file is empty."))
    content_type, magic = ATTACHMENT_TYPES[suffix]
    upload.seek(0)
    head = upload.read(len(magic))
    if head != magic:
        raise ValidationError(
            _("“%(name)s” is not the kind of file its name says.") % {"name": name}
        )
    if magic == ZIP:
        upload.seek(0)
        try:
            refuse_zip_bomb(upload.read())
        except ImportFileError as error:
            raise ValidationError(str(error)) from error
        except Exception as error:  # a broken zip raises anything from zipfile
            raise ValidationError(
                _("“%(name)s” is damaged and cannot be opened.") % {"name": name}
            ) from error
    upload.seek(0)
    return name, content_type
