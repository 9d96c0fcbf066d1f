"""The yearly training report as a Word document, from a docxtpl template: the plan against
what was done, the people trained per target group and per kind of organization, the
certificates issued and the gaps that remain.

The template (`docx/report.docx`) is made by `build_report_template()` with python-docx
(`python scripts/build_training_report_template.py`) and committed. Every sentence is given in
the language of the request (`text.*`), so one template serves Vietnamese and English; the
heading and the closing of an official document are put on by `core.letterhead.stamp_docx`.
"""

from collections import Counter
from pathlib import Path

from django.db.models import Count
from django.utils.formats import number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from amity.core import docx
from amity.documents import library
from amity.organizations.choices import OrganizationKind
from amity.organizations.letterhead import letterhead_of
from amity.organizations.models import Organization, Position
from amity.training import records
from amity.training.choices import TargetGroup
from amity.training.models import Course, Result

FOLDER = Path(__file__).parent / "docx"
REPORT = FOLDER / "report.docx"
COLOUR = docx.COLOUR_MARK


def issuer_of(user) -> Organization | None:
    """The user's organization, or the root of the tree for a user without one."""
    if user.organization_id:
        return user.organization
    return Organization.objects.filter(parent__isnull=True).order_by("pk").first()


def yearly_figures(user, year: int) -> dict:
    """The report's figures, of what `user` sees: a fixed number of queries."""
    lines = records.plan_versus_done(Course.objects.visible_to(user), year)
    completed = records.completed_results().filter(nomination__course__ends_on__year=year)
    completed = completed.filter(pk__in=Result.objects.visible_to(user).values("pk"))
    groups = dict(
        completed.values_list("nomination__course__programme__target_group")
        .annotate(people=Count("nomination__person", distinct=True))
        .order_by()
    )
    kinds = dict(
        completed.values_list("nomination__organization__kind")
        .annotate(people=Count("nomination__person", distinct=True))
        .order_by()
    )
    certificates = (
        Result.objects.visible_to(user)
        .filter(issued_on__year=year, nomination__deleted_at__isnull=True)
        .exclude(certificate_number="")
        .count()
    )
    gaps = records.gaps(Position.objects.visible_to(user))
    return {
        "lines": lines,
        "total": records.plan_total(lines),
        "groups": [(label, groups.get(code, 0)) for code, label in TargetGroup.choices],
        "kinds": [(label, kinds.get(code, 0)) for code, label in OrganizationKind.choices],
        "certificates": certificates,
        "gaps": gaps,
    }


def figure(value) -> str:
    """A figure grouped in the page's language; hours with a decimal only when they have one."""
    places = 1 if isinstance(value, float) and not value.is_integer() else 0
    return number_format(value, decimal_pos=places, force_grouping=True)


def report_context(figures: dict, year: int, issuer: str) -> dict:
    total = figures["total"]
    by_requirement = Counter(
        (gap.requirement.get_position_title_display(), str(gap.requirement.programme))
        for gap in figures["gaps"]
    )
    return {
        "year": year,
        "text": {
            "title": _("REPORT ON THE TRAINING OF OFFICIALS IN %(year)s") % {"year": year},
            "intro": _(
                "%(issuer)s reports on the training of its officials in %(year)s: %(held)s of "
                "%(planned)s planned courses were held, %(completed)s people completed a course "
                "and %(certificates)s certificates were issued."
            )
            % {
                "issuer": issuer,
                "year": year,
                "held": figure(total.held),
                "planned": figure(total.planned),
                "completed": figure(total.completed),
                "certificates": figure(figures["certificates"]),
            },
            "plan": _("1. The plan against what was done"),
            "groups": _("2. People trained per target group"),
            "kinds": _("3. People trained per kind of organization"),
            "gaps": _("4. Gaps that remain: %(count)s position holders lack a required programme")
            % {"count": figure(len(figures["gaps"]))},
            "no_gap": _("No gap remains."),
        },
        "labels": {
            "programme": _("Programme"),
            "planned": _("Courses planned"),
            "held": _("Courses held"),
            "places": _("Places offered"),
            "completed": _("People who completed"),
            "hours": _("Hours held / planned"),
            "group": _("Target group"),
            "kind": _("Kind of organization"),
            "people": _("People"),
            "position": capfirst(pgettext("job", "title")),
        },
        "plan": [
            {
                "programme": line.programme or _("Total"),
                "planned": figure(line.planned),
                "held": figure(line.held),
                "places": figure(line.places),
                "completed": figure(line.completed),
                "hours": f"{figure(line.hours_held)} / {figure(line.hours_planned)}",
            }
            for line in [*figures["lines"], total]
        ],
        "groups": [{"label": str(label), "people": figure(n)} for label, n in figures["groups"]],
        "kinds": [{"label": str(label), "people": figure(n)} for label, n in figures["kinds"]],
        "gaps": [
            {"position": title, "programme": programme, "people": figure(n)}
            for (title, programme), n in sorted(by_requirement.items())
        ],
    }


def yearly_report(user, year: int) -> bytes:
    """The report of `year` as a Word file, under the letterhead of the user's organization."""
    figures = yearly_figures(user, year)
    organization = issuer_of(user)
    head = letterhead_of(organization) if organization is not None else None
    issuer = organization.display_name if organization is not None else ""
    context = report_context(figures, year, issuer)
    return library.render("training_report", context, head, issuer=organization)


# --- the template, written with python-docx ------------------------------------------------------


def _line(document, text, *, bold=False, size=13, center=False, colour=""):
    return docx.line(document, text, bold=bold, size=size, center=center, colour=colour)


_table = docx.loop_table


def build_report_template(path: Path = REPORT) -> Path:
    document = docx.new_document()
    _line(document, "{{ text.title }}", bold=True, size=14, center=True, colour=COLOUR)
    _line(document, "{{ text.intro }}")
    _line(document, "{{ text.plan }}", bold=True)
    _table(
        document,
        (
            "{{ labels.programme }}",
            "{{ labels.planned }}",
            "{{ labels.held }}",
            "{{ labels.places }}",
            "{{ labels.completed }}",
            "{{ labels.hours }}",
        ),
        "row in plan",
        (
            "{{ row.programme }}",
            "{{ row.planned }}",
            "{{ row.held }}",
            "{{ row.places }}",
            "{{ row.completed }}",
            "{{ row.hours }}",
        ),
    )
    _line(document, "{{ text.groups }}", bold=True)
    _table(
        document,
        ("{{ labels.group }}", "{{ labels.people }}"),
        "row in groups",
        ("{{ row.label }}", "{{ row.people }}"),
    )
    _line(document, "{{ text.kinds }}", bold=True)
    _table(
        document,
        ("{{ labels.kind }}", "{{ labels.people }}"),
        "row in kinds",
        ("{{ row.label }}", "{{ row.people }}"),
    )
    _line(document, "{{ text.gaps }}", bold=True)
    document.add_paragraph("{%p if gaps %}")
    _table(
        document,
        ("{{ labels.position }}", "{{ labels.programme }}", "{{ labels.people }}"),
        "row in gaps",
        ("{{ row.position }}", "{{ row.programme }}", "{{ row.people }}"),
    )
    document.add_paragraph("{%p else %}")
    _line(document, "{{ text.no_gap }}")
    document.add_paragraph("{%p endif %}")
    return docx.save(document, path)
