"""The training's Word documents from a docxtpl template: course certificates, one or all of a
course's in one file (a page each).

The template (`docx/certificate.docx`) is made by `build_templates()` with python-docx
(`python scripts/build_training_templates.py`) and committed; an administrator may replace it by
a file styled in Word that uses the same fields. Every sentence is given already in the
language of the request (`text.*`), so one template serves Vietnamese and English. The
issuer, its place and its signer come from the organizer's letterhead
(`organizations.letterhead.letterhead_of`); a certificate is not a letter, so no heading is
stamped on it.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core import docx
from amity.core.docx import COLOUR_MARK
from amity.core.letterhead import dated_place
from amity.documents.library import Kind, register, render
from amity.organizations.letterhead import letterhead_of
from amity.training.models import Course, Result

FOLDER = Path(__file__).parent / "docx"
CERTIFICATE = FOLDER / "certificate.docx"


def _day(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def certificates_context(course: Course, results: list[Result]) -> dict:
    """What the template shows: per certificate, the person, the number, the course with its
    dates and place, and the organizer's place, date and signer."""
    head = letterhead_of(course.organization)
    issuer = str(course.organization.display_name)
    title = str(course)
    return {
        "issuer": issuer,
        "issuer_upper": issuer.upper(),
        "parent_upper": head.parent.upper(),
        "course": title,
        "signer_position": head.signer_position,
        "signer_name": head.signer_name,
        "certificates": [
            {
                "name": result.nomination.person.full_name,
                "organization": str(result.nomination.organization),
                "number": result.certificate_number,
                "issued_on": _day(result.issued_on),
                "text": {
                    "title": _("CERTIFICATE"),
                    "granted_to": _("is granted to"),
                    "completed": _("for completing the course “%(course)s”") % {"course": title},
                    "dates": _("held from %(start)s to %(end)s%(place)s")
                    % {
                        "start": _day(course.starts_on),
                        "end": _day(course.ends_on),
                        "place": f", {course.place}" if course.place else "",
                    },
                    "number": _("Certificate No. %(number)s")
                    % {"number": result.certificate_number},
                    "place_and_date": dated_place(head.place or "……", result.issued_on)
                    if result.issued_on
                    else "",
                },
            }
            for result in results
        ],
    }


def certificates_docx(course: Course, results: list[Result]) -> bytes:
    """The certificates of `results` (of `course`) in one Word file, a page each."""
    context = certificates_context(course, results)
    return render(TRAINING_CERTIFICATE.code, context, issuer=course.organization)


# --- the template, written with python-docx ----------------------------------------------------


def build_certificate_template(path: Path = CERTIFICATE) -> Path:
    """A page per certificate: the issuing body, the title, the person and their organization,
    the course with its days and place, the number, the place and date, the signer; a page
    break between two certificates."""
    from docx.enum.text import WD_BREAK

    document = docx.new_document()
    document.add_paragraph("{%p for certificate in certificates %}")
    _line(document, "{{ parent_upper }}", size=12)
    _line(document, "{{ issuer_upper }}", bold=True)
    _line(document, "{{ certificate.text.title }}", bold=True, size=26, colour=COLOUR_MARK)
    _line(document, "{{ certificate.text.granted_to }}", italic=True)
    _line(document, "{{ certificate.name }}", bold=True, size=20)
    _line(document, "{{ certificate.organization }}", italic=True)
    _line(document, "{{ certificate.text.completed }}")
    _line(document, "{{ certificate.text.dates }}")
    _line(document, "{{ certificate.text.number }}", size=12)
    _line(document, "{{ certificate.text.place_and_date }}", italic=True)
    _line(document, "{{ signer_position }}", bold=True)
    _line(document, "{{ signer_name }}", bold=True)
    document.add_paragraph("{%p if not loop.last %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    return docx.save(document, path)


def build_templates() -> list[Path]:
    return [build_certificate_template()]


def _line(document, text, *, bold=False, italic=False, size=13, colour=""):
    return docx.line(document, text, bold=bold, italic=italic, size=size, colour=colour)


# --- the kinds, with the fields their templates may use ------------------------------------------

TRAINING_CERTIFICATE = register(
    Kind(
        "training_certificate",
        gettext_lazy("Training certificate"),
        CERTIFICATE,
        (
            "issuer",
            "issuer_upper",
            "parent_upper",
            "course",
            "signer_position",
            "signer_name",
            "certificates",
        ),
        required=("certificates",),
        official=False,
        build=build_certificate_template,
    )
)


def _register_report() -> Kind:
    from amity.training import report

    return register(
        Kind(
            "training_report",
            gettext_lazy("Yearly training report"),
            report.REPORT,
            ("year", "text", "labels", "plan", "groups", "kinds", "gaps"),
            required=("plan",),
            build=report.build_report_template,
        )
    )


TRAINING_REPORT = _register_report()
