"""The annual review, drafted by the system: for a year and the whole network or one
organization, a Word document in the template library's kind "annual_review" with the year's
figures beside the year before's and the lists drawn from the records, ready for the officials to
edit and complete.

Its sentences are those the Union publishes, made from the records when they hold them: "more
than 160 active foreign NGOs …: Americas 43%, Europe 35%, Asia 20%", "33 NGOs, 80 projects, total
disbursement of 9.35 million USD in 2013–2018". Every text is given in the language of the
request, so one template serves Vietnamese and English.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.db.models import Count, DateField, Q
from django.db.models.functions import Coalesce, TruncDate
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from amity.aid import statistics
from amity.core import docx
from amity.core.docx import COLOUR_MARK
from amity.documents import library
from amity.emulation.models import AwardProposal, Review
from amity.emulation.models.awards import ProposalState
from amity.events.choices import EventKind, EventStatus
from amity.events.models import Event
from amity.geo.choices import WorldRegion
from amity.organizations.choices import OrganizationKind
from amity.organizations.letterhead import letterhead_of
from amity.organizations.models import Organization, in_language
from amity.overview import figures as overview_figures
from amity.overview.figures import CONFERENCE_KINDS, Subject, year_bounds
from amity.partners.choices import PartnerStatus
from amity.training.choices import CourseStatus
from amity.training.models import Course

TEMPLATE = Path(__file__).parent / "docx" / "annual_review.docx"
#: the term the review sums up by default: the five years up to the year reviewed
TERM_YEARS = 5
#: a list of the review stops after this many entries (the document says how many there were)
LIST_LIMIT = 300
HUNDRED = Decimal(100)
MILLION = Decimal(1_000_000)


def _day(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _count(value) -> str:
    return number_format(value or 0, 0, force_grouping=True)


def _amount(value) -> str:
    return number_format(Decimal(value or 0).quantize(Decimal(1), ROUND_HALF_UP), 0, None, True)


def _share(part, whole) -> str:
    """A whole percentage, as published: 43%."""
    if not whole:
        return "—"
    return f"{(HUNDRED * Decimal(part) / Decimal(whole)).quantize(Decimal(1), ROUND_HALF_UP)}%"


def more_than(count: int) -> str:
    """ "More than 160" for 163 (the tens below, never the count itself); a small count as it
    is."""
    if count < 20:
        return str(count)
    return _("more than %(count)s") % {"count": _count((count - 1) // 10 * 10)}


def ngo_sentence(partners: dict, subject_name: str) -> str:
    """ "More than 160 active foreign NGOs work with …: Americas 43%, Europe 35%, Asia 20%." —
    the regions of the active NGOs, largest first, those under one percent left out."""
    counts = {region: row["ngos"][0] for region, row in partners.items() if row["ngos"][0]}
    total = sum(counts.values())
    if not total:
        return _("No active foreign NGO is recorded for %(subject)s.") % {"subject": subject_name}
    labels = dict(WorldRegion.choices)
    shares = [
        f"{labels.get(region, _('Not specified'))} {_share(count, total)}"
        for region, count in sorted(counts.items(), key=lambda item: -item[1])
        if HUNDRED * count / total >= 1
    ]
    return _("%(count)s active foreign NGOs work with %(subject)s: %(shares)s.") % {
        "count": more_than(total).capitalize() if total >= 20 else total,
        "subject": subject_name,
        "shares": ", ".join(shares),
    }


def term_sentence(totals: dict, since: int, year: int) -> str:
    """ "33 NGOs, 80 projects, total disbursement of 9.35 million USD in 2013–2018"."""
    millions = (Decimal(totals["disbursed_usd"]) / MILLION).quantize(Decimal("0.01"))
    return _(
        "%(ngos)s NGOs, %(projects)s projects, total disbursement of %(amount)s million USD "
        "in %(start)s–%(end)s."
    ) % {
        "ngos": _count(totals["ngos"]),
        "projects": _count(totals["activities"]),
        "amount": number_format(millions, 2, force_grouping=True),
        "start": since,
        "end": year,
    }


def issuer_of(user, organization: Organization | None) -> Organization | None:
    """Who issues the review: the organization, else the central Union (the network's)."""
    if organization is not None:
        return organization
    root = Organization.objects.filter(kind=OrganizationKind.CENTRAL_UNION, parent__isnull=True)
    return root.order_by("pk").first() or user.organization


# --- the lists -----------------------------------------------------------------------------------


def new_partners(subject: Subject, year: int) -> list[dict]:
    began = Coalesce("relationship_since", TruncDate("created_at"), output_field=DateField())
    start, end = year_bounds(year)
    partners = (
        subject.partners()
        .alias(began=began)
        .filter(began__gte=start, began__lte=end)
        .exclude(status=PartnerStatus.PROSPECTIVE)
        .select_related("country")
        .order_by("name", "pk")[:LIST_LIMIT]
    )
    return [
        {
            "name": str(partner),
            "country": str(partner.country or ""),
            "kind": str(partner.get_kind_display()),
        }
        for partner in partners
    ]


def events_of(subject: Subject, year: int, kinds) -> list[dict]:
    start, end = year_bounds(year)
    events = (
        subject.records(Event)
        .filter(subject.within("organization"))
        .filter(kind__in=kinds, start__gte=start, start__lte=end)
        .exclude(status=EventStatus.CANCELLED)
        .select_related("organization")
        .order_by("start", "pk")[:LIST_LIMIT]
    )
    return [
        {
            "date": _day(event.start),
            "title": event.title,
            "place": event.place,
            "organization": str(event.organization),
        }
        for event in events
    ]


def awards_of(subject: Subject, year: int) -> list[dict]:
    start, end = year_bounds(year)
    awards = (
        subject.records(AwardProposal)
        .filter(subject.within("organization"))
        .filter(state=ProposalState.DECIDED)
        .filter(decision__decided_on__gte=start, decision__decided_on__lte=end)
        .select_related(
            "award_form",
            "decision",
            "nominee_organization",
            "nominee_person",
            "nominee_contact",
            "nominee_partner",
        )
        .order_by("decision__decided_on", "pk")[:LIST_LIMIT]
    )
    return [
        {
            "award": str(award.award_form),
            "nominee": award.nominee_label,
            "decision": award.decision.number if award.decision else "",
            "date": _day(award.decision.decided_on) if award.decision else "",
        }
        for award in awards
    ]


def courses_of(subject: Subject, year: int) -> list[dict]:
    start, end = year_bounds(year)
    completed = Q(nominations__result__completed=True, nominations__deleted_at__isnull=True)
    courses = (
        subject.records(Course)
        .filter(subject.within("organization"))
        .exclude(status=CourseStatus.DRAFT)
        .filter(ends_on__gte=start, ends_on__lte=end)
        .annotate(completed=Count("nominations__result", filter=completed))
        .order_by("starts_on", "pk")[:LIST_LIMIT]
    )
    return [
        {
            "title": in_language(course.title_vi, course.title_en),
            "dates": f"{_day(course.starts_on)}–{_day(course.ends_on)}",
            "completed": course.completed,
        }
        for course in courses
    ]


def reviews_of(subject: Subject, year: int) -> list[dict]:
    reviews = (
        subject.records(Review)
        .filter(subject.within("organization"))
        .filter(year=year)
        .select_related("organization")
        .order_by("organization__name", "pk")[:LIST_LIMIT]
    )
    return [
        {
            "organization": str(review.organization),
            "assessment": str(review.get_assessment_display() or "—"),
            "proposal": str(review.get_proposal_display() or "—"),
        }
        for review in reviews
    ]


# --- the document ----------------------------------------------------------------------------


def shares_of(rows: list[dict], total) -> list[dict]:
    return [
        {
            "label": row["label"] or _("Not specified"),
            "ngos": _count(row.get("ngos", 0)),
            "disbursed": _amount(row["disbursed_usd"]),
            "share": _share(row["disbursed_usd"], total),
            "ngo_share": f"{row['share']}%" if row.get("share") is not None else "—",
        }
        for row in rows
    ]


def review_context(user, organization: Organization | None, year: int, since: int) -> dict:
    """Everything the template shows, in the language of the request."""
    subject = Subject(user, None if organization is None else [organization])
    data = overview_figures.overview(user, organization, year)
    aid = data.aid
    totals = aid["totals"]
    term = statistics.headline(subject.activities(), date(since, 1, 1), year_bounds(year)[1])
    name = str(organization.display_name) if organization else _("the network")
    events, proposals = aid["events"], aid["proposals"]
    received = events_of(subject, year, (EventKind.INCOMING_DELEGATION,))
    sent = events_of(subject, year, (EventKind.OUTGOING_DELEGATION,))
    conferences = events_of(subject, year, CONFERENCE_KINDS)
    return {
        "title": _("ANNUAL REVIEW OF %(year)s") % {"year": year},
        "subject": name,
        "summary": [
            ngo_sentence(aid["partners"], name),
            _(
                "In %(year)s, %(committed)s USD of aid were committed and %(disbursed)s USD "
                "disbursed, in %(projects)s projects of %(ngos)s NGOs."
            )
            % {
                "year": year,
                "committed": _amount(totals["committed_usd"]),
                "disbursed": _amount(totals["disbursed_usd"]),
                "projects": _count(totals["activities"]),
                "ngos": _count(totals["ngos"]),
            },
            term_sentence(term, since, year),
        ],
        "figures": [
            {
                "label": str(figure.label),
                "current": _figure(figure.current, figure.unit),
                "previous": _figure(figure.previous, figure.unit),
                "change": _change(figure),
            }
            for figure in data.figures
        ],
        "new_partners": new_partners(subject, year),
        "sectors": shares_of(aid.get("sectors", []), totals["disbursed_usd"]),
        "regions": shares_of(aid.get("regions", []), totals["disbursed_usd"]),
        "conferences": conferences,
        "received": received,
        "sent": sent,
        "events_sentence": _(
            "%(conferences)s conferences held; %(received)s delegations received and %(sent)s sent."
        )
        % {
            "conferences": events["conferences"][0],
            "received": events["received"][0],
            "sent": events["sent"][0],
        },
        "proposals_sentence": _(
            "%(raised)s proposals raised in %(year)s, %(answered)s answered, %(on_time)s of "
            "them on time."
        )
        % {
            "raised": proposals["raised"][0],
            "year": year,
            "answered": proposals["answered"][0],
            "on_time": proposals["on_time"][0],
        },
        "awards": awards_of(subject, year),
        "courses": courses_of(subject, year),
        "reviews": reviews_of(subject, year),
        "labels": labels(year),
    }


def _figure(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "%":
        return f"{number_format(value, 1)}%"
    if isinstance(value, int):
        return _count(value)
    return _amount(value)


def _change(figure) -> str:
    change = figure.change
    if change is None:
        return "—"
    arrow = {"up": "▲", "down": "▼"}.get(figure.direction, "")
    unit = f" {_('points')}" if figure.rate else "%"
    return f"{arrow} {number_format(abs(change), 1)}{unit}".strip()


def labels(year: int) -> dict:
    return {
        "summary": _("The year in brief"),
        "figures": _("The year's figures"),
        "figure": _("Figure"),
        "year": str(year),
        "previous": str(year - 1),
        "change": _("Change"),
        "partners": _("New partners"),
        "name": _("Name"),
        "country": _("Country"),
        "kind": _("Kind"),
        "aid": _("Aid mobilised"),
        "sectors": _("By sector group"),
        "regions": _("By donor's world region"),
        "label": _("Group"),
        "ngos": _("NGOs"),
        "ngo_share": _("Share of NGOs"),
        "disbursed": _("Disbursed (USD)"),
        "share": _("Share"),
        "events": _("Conferences and delegations"),
        "conferences": _("Conferences held"),
        "received": _("Delegations received"),
        "sent": _("Delegations sent"),
        "date": _("Date"),
        "title": _("Title"),
        "place": _("Place"),
        "proposals": _("Proposals and answers"),
        "awards": _("Awards"),
        "award": _("Award"),
        "nominee": _("Awarded to"),
        "decision": _("Decision"),
        "training": _("Training"),
        "course": _("Course"),
        "dates": _("Dates"),
        "completed": _("Completed"),
        "reviews": _("Member organizations reviewed"),
        "organization": _("Organization"),
        "assessment": _("Assessment"),
        "proposal": _("Proposal"),
        "to_complete": _(
            "Drafted by Amity from the records; to be completed by the officials: the year's "
            "assessment, its lessons and the tasks of the next year."
        ),
    }


def review_docx(user, organization, year: int, since: int, today: date | None = None) -> bytes:
    """The review as a Word document under the issuer's letterhead."""
    context = review_context(user, organization, year, since)
    issuer = issuer_of(user, organization)
    head = letterhead_of(issuer, on=today) if issuer is not None else None
    return library.render("annual_review", context, head, issuer)


# --- the template, written with python-docx ---------------------------------------------------


def build_template(path: Path = TEMPLATE) -> Path:
    """The review: its title and subject, the summary's sentences, the figures' table, then a
    section a domain with its lists as tables, and the part the officials write."""
    document = docx.new_document()
    docx.line(document, "{{ title }}", bold=True, size=15, colour=COLOUR_MARK)
    docx.line(document, "{{ subject }}", italic=True)
    _section(document, "{{ labels.summary }}")
    document.add_paragraph("{%p for sentence in summary %}")
    docx.line(document, "{{ sentence }}", center=False)
    document.add_paragraph("{%p endfor %}")
    _section(document, "{{ labels.figures }}")
    docx.loop_table(
        document,
        (
            "{{ labels.figure }}",
            "{{ labels.year }}",
            "{{ labels.previous }}",
            "{{ labels.change }}",
        ),
        "row in figures",
        ("{{ row.label }}", "{{ row.current }}", "{{ row.previous }}", "{{ row.change }}"),
    )
    _section(document, "{{ labels.partners }}")
    docx.loop_table(
        document,
        ("{{ labels.name }}", "{{ labels.country }}", "{{ labels.kind }}"),
        "row in new_partners",
        ("{{ row.name }}", "{{ row.country }}", "{{ row.kind }}"),
    )
    _section(document, "{{ labels.aid }}")
    for key in ("sectors", "regions"):
        docx.line(document, f"{{{{ labels.{key} }}}}", bold=True, center=False)
        docx.loop_table(
            document,
            (
                "{{ labels.label }}",
                "{{ labels.ngos }}",
                "{{ labels.disbursed }}",
                "{{ labels.share }}",
            ),
            f"row in {key}",
            ("{{ row.label }}", "{{ row.ngos }}", "{{ row.disbursed }}", "{{ row.share }}"),
        )
    _section(document, "{{ labels.events }}")
    docx.line(document, "{{ events_sentence }}", center=False)
    for key in ("conferences", "received", "sent"):
        docx.line(document, f"{{{{ labels.{key} }}}}", bold=True, center=False)
        docx.loop_table(
            document,
            ("{{ labels.date }}", "{{ labels.title }}", "{{ labels.place }}"),
            f"row in {key}",
            ("{{ row.date }}", "{{ row.title }}", "{{ row.place }}"),
        )
    _section(document, "{{ labels.proposals }}")
    docx.line(document, "{{ proposals_sentence }}", center=False)
    _section(document, "{{ labels.awards }}")
    docx.loop_table(
        document,
        (
            "{{ labels.award }}",
            "{{ labels.nominee }}",
            "{{ labels.decision }}",
            "{{ labels.date }}",
        ),
        "row in awards",
        ("{{ row.award }}", "{{ row.nominee }}", "{{ row.decision }}", "{{ row.date }}"),
    )
    _section(document, "{{ labels.training }}")
    docx.loop_table(
        document,
        ("{{ labels.course }}", "{{ labels.dates }}", "{{ labels.completed }}"),
        "row in courses",
        ("{{ row.title }}", "{{ row.dates }}", "{{ row.completed }}"),
    )
    _section(document, "{{ labels.reviews }}")
    docx.loop_table(
        document,
        ("{{ labels.organization }}", "{{ labels.assessment }}", "{{ labels.proposal }}"),
        "row in reviews",
        ("{{ row.organization }}", "{{ row.assessment }}", "{{ row.proposal }}"),
    )
    docx.line(document, "{{ labels.to_complete }}", italic=True, center=False)
    return docx.save(document, path)


def _section(document, text: str) -> None:
    docx.line(document, text, bold=True, size=14, center=False, colour=COLOUR_MARK)
