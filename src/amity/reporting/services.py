"""The reporting workflow: starting, filling, checking, submitting, returning and approving a
submission; locking and reopening periods; publishing and copying form versions.

Views, the API, imports and commands call these functions; none of it hides in signals.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from amity.core.scoping import branch_of
from amity.core.writes import Writer
from amity.inbox.models import Kind
from amity.inbox.services import central_officers, notify, officers_of
from amity.organizations.choices import OrganizationStatus
from amity.organizations.models import Organization
from amity.reporting.choices import (
    IndicatorType,
    Operator,
    RuleKind,
    SectionKind,
    Severity,
    SubmissionState,
    ValueSource,
    VersionStatus,
)
from amity.reporting.models import (
    Attachment,
    FormVersion,
    Indicator,
    Period,
    Reopening,
    ReviewComment,
    Section,
    SectionItem,
    Submission,
    ValidationRule,
    Value,
)
from amity.reporting.prefill import figures_for
from amity.reporting.rules import (
    entry_refusal,
    plain_number,
    submission_change_refusal,
    today_or,
)


class WorkflowRefused(Exception):
    """A step of the workflow that may not happen now; the message says why, for people."""

    def __init__(self, message, problems=None):
        super().__init__(message)
        self.problems = problems or []


def _save(obj, by):
    obj._history_user = by
    obj.save()
    return obj


# --- who fills a form, and when ----------------------------------------------------------------


def assigned_organizations(form):
    """The live, active organizations that must fill `form`: of its kinds under its designer,
    and those named on it."""
    by_kind = Q(kind__in=form.kind_list, pk__in=branch_of(form.organization))
    named = Q(pk__in=form.assigned_organizations.values("pk"))
    return Organization.objects.filter(status=OrganizationStatus.ACTIVE).filter(by_kind | named)


def current_version(form):
    return form.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


def submission_of(organization, period) -> Submission | None:
    """The submission of `organization` for `period`, if it started one."""
    if organization is None:
        return None
    return Submission.objects.filter(period=period, organization=organization).first()


def is_late(submission) -> bool:
    if submission.submitted_at is None:
        return timezone.localdate() > submission.period.closes_on
    return timezone.localtime(submission.submitted_at).date() > submission.period.closes_on


def may_review(user, submission) -> bool:
    """The centre reviews every submission; a Union reviews those of the organizations under it,
    never its own."""
    if not (user.is_authenticated and user.may_edit):
        return False
    if user.edits_everything:
        return True
    home = user.organization
    path = submission.organization.tree_path
    return bool(home and path.startswith(home.tree_path) and path != home.tree_path)


# --- starting a submission ---------------------------------------------------------------------


@transaction.atomic
def start_submission(organization, period, *, by, version=None, today=None) -> Submission:
    """A new draft for `organization` and `period`, its values prefilled from the system."""
    version = version or current_version(period.form)
    if version is None:
        raise WorkflowRefused(_("This form has no published version yet."))
    if Submission.objects.filter(organization=organization, period=period).exists():
        raise WorkflowRefused(_("This organization already has a submission for this period."))
    submission = Submission(organization=organization, period=period, form_version=version)
    refusal = entry_refusal(submission, today_or(today))
    if refusal:
        raise WorkflowRefused(refusal)
    _save(submission, by)
    prefill_submission(submission, by=by)
    return submission


def prefill_submission(submission, *, by) -> int:
    """Write the figures the system knows as values "from the system"; returns how many."""
    indicators = list(version_indicators(submission.form_version).exclude(prefill=""))
    figures = figures_for(indicators, submission.organization, submission.period)
    existing = set(submission.values.values_list("indicator_id", flat=True))
    written = 0
    for indicator in indicators:
        number = figures.get(indicator.pk)
        if number is None or indicator.pk in existing:
            continue
        value = Value(
            submission=submission,
            indicator=indicator,
            number=number,
            system_number=number,
            source=ValueSource.SYSTEM,
        )
        _save(value, by)
        written += 1
    return written


def version_indicators(version):
    """The indicators of a form version, in the order of its sections."""
    return Indicator.objects.filter(
        section_items__section__form_version=version,
        section_items__deleted_at__isnull=True,
        section_items__section__deleted_at__isnull=True,
    ).order_by("section_items__section__order", "section_items__order", "pk")


# --- reading what people type -------------------------------------------------------------------

TRUE_WORDS = {"1", "yes", "y", "true", "x", "có", "co", "đúng"}
FALSE_WORDS = {"0", "no", "n", "false", "không", "khong", "sai"}
THOUSANDS_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_number(raw: str) -> Decimal | None:
    """A number as Vietnamese and English offices type it: 1.234,5 or 1,234.5 or 1234.5."""
    text = str(raw).strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif "," in text:
        text = (
            text.replace(",", "")
            if re.match(r"^-?\d{1,3}(,\d{3})+$", text)
            else text.replace(",", ".")
        )
    elif THOUSANDS_DOTS.match(text):
        text = text.replace(".", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or abs(number) >= Decimal(10) ** 16:
        raise ValidationError(_("Enter a number: “%(value)s” is not one.") % {"value": raw})
    return number


def parse_entry(indicator, raw) -> tuple[Decimal | None, str]:
    """(number, text) of what was typed for `indicator`, checked against its type and range."""
    raw = "" if raw is None else str(raw)
    if indicator.type == IndicatorType.BOOLEAN:
        word = raw.strip().lower()
        if not word:
            return None, ""
        if word in TRUE_WORDS:
            return Decimal(1), ""
        if word in FALSE_WORDS:
            return Decimal(0), ""
        raise ValidationError(_("Answer yes or no."))
    if indicator.is_numeric:
        number = parse_number(raw)
        indicator.check_value(number, "")
        return number, ""
    text = raw.strip()
    indicator.check_value(None, text)
    return None, text


# --- saving values ------------------------------------------------------------------------------


@dataclass
class Conflict:
    indicator: Indicator
    value: Value | None  # None: the value was deleted meanwhile
    who: object


@dataclass
class EntryResult:
    errors: dict[int, str] = field(default_factory=dict)
    conflicts: dict[int, Conflict] = field(default_factory=dict)
    saved: list[Value] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.conflicts


@dataclass
class Entry:
    raw: str
    base_version: int = 0  # the value's version when the page was read; 0 if there was none
    comment: str | None = None


@transaction.atomic
def save_entries(submission, entries: dict[int, Entry], *, by, source=ValueSource.ENTERED):
    """Save what was typed for some indicators of a submission: all of it, or nothing.

    A value someone else changed since the page was read is a conflict: nothing is saved and
    the other's value is returned, so the page can show it beside what this user typed.
    """
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    refusal = entry_refusal(submission)
    if refusal:
        raise WorkflowRefused(refusal)
    indicators = version_indicators(submission.form_version).in_bulk(list(entries))
    current = {
        value.indicator_id: value
        for value in Value.objects.select_for_update().filter(
            submission=submission, indicator_id__in=list(entries)
        )
    }
    result, parsed = EntryResult(), {}
    for indicator_id, entry in entries.items():
        indicator = indicators.get(indicator_id)
        if indicator is None:
            result.errors[indicator_id] = _("This indicator is not on the form.")
            continue
        if indicator.total_codes:
            continue  # a total is computed, never typed
        value = current.get(indicator_id)
        try:
            parsed[indicator_id] = parse_entry(indicator, entry.raw)
        except ValidationError as error:
            result.errors[indicator_id] = " ".join(error.messages)
            continue
        if (value.version if value else 0) != entry.base_version:
            same = value is not None and (value.number, value.text) == parsed[indicator_id]
            if not same:  # the same value saved meanwhile (an autosave of this page) loses nothing
                result.conflicts[indicator_id] = Conflict(indicator, value, _last_author(value))
    if not result.ok:
        return result
    for indicator_id, (number, text) in parsed.items():
        entry, value = entries[indicator_id], current.get(indicator_id)
        if value is None:
            if number is None and not text and not entry.comment:
                continue  # nothing typed in a field that had nothing
            value = Value(submission=submission, indicator=indicators[indicator_id])
        elif (
            value.number == number and value.text == text and entry.comment in (None, value.comment)
        ):
            result.saved.append(value)
            continue
        value.number, value.text = number, text
        if entry.comment is not None:
            value.comment = entry.comment
        if value.system_number is None or number != value.system_number:
            value.source = source
        result.saved.append(_save(value, by))
    result.saved += update_totals(submission, by=by)
    return result


def _last_author(value):
    if value is None:
        return None
    latest = value.history.select_related("history_user").order_by("-history_date").first()
    return latest.history_user if latest else None


def update_totals(submission, *, by) -> list[Value]:
    """Recompute the indicators that add up others (`total_of`) from the submission's values."""
    indicators = list(version_indicators(submission.form_version))
    totals = [indicator for indicator in indicators if indicator.total_codes]
    if not totals:
        return []
    values = {value.indicator_id: value for value in submission.values.all()}
    by_code = {indicator.code: indicator for indicator in indicators}
    changed = []
    for total in totals:
        parts = [values.get(by_code[code].pk) for code in total.total_codes if code in by_code]
        numbers = [part.number for part in parts if part is not None and part.number is not None]
        number = sum(numbers, Decimal(0)) if numbers else None
        value = values.get(total.pk) or Value(submission=submission, indicator=total)
        if value.pk and value.number == number:
            continue
        value.number = number
        changed.append(_save(value, by))
    return changed


# --- validation rules ---------------------------------------------------------------------------

COMPARE = {
    Operator.LTE: lambda a, b: a <= b,
    Operator.LT: lambda a, b: a < b,
    Operator.GTE: lambda a, b: a >= b,
    Operator.GT: lambda a, b: a > b,
    Operator.EQ: lambda a, b: a == b,
    Operator.NE: lambda a, b: a != b,
}


@dataclass
class Problem:
    """A rule a submission breaks: hard ones block it, soft ones need an explanation."""

    message: str
    severity: str
    indicator_id: int | None = None
    explained: bool = False
    #: every indicator the problem is about (both sides of a comparison): the fields to mark
    others: tuple[int, ...] = ()

    @property
    def blocks(self) -> bool:
        return self.severity == Severity.HARD or not self.explained

    @property
    def indicator_ids(self) -> tuple[int, ...]:
        first = (self.indicator_id,) if self.indicator_id is not None else ()
        return first + tuple(pk for pk in self.others if pk not in first)


def previous_period(period):
    return (
        Period.objects.filter(
            form_id=period.form_id, kind=period.kind, ends_on__lt=period.starts_on
        )
        .order_by("-ends_on")
        .first()
    )


def previous_numbers(submission) -> dict[int, Decimal | None]:
    """The numbers the same organization reported for the previous period of the form."""
    before = previous_period(submission.period)
    if before is None:
        return {}
    return dict(
        Value.objects.filter(
            submission__organization_id=submission.organization_id,
            submission__period=before,
            number__isnull=False,
        ).values_list("indicator_id", "number")
    )


def check_submission(submission) -> list[Problem]:
    """Every problem of the submission: required values missing, rules broken, figures from the
    system changed without a word."""
    values = {value.indicator_id: value for value in submission.values.select_related("indicator")}
    problems = _missing_required(submission, values)
    rules = list(
        ValidationRule.objects.filter(form_version=submission.form_version).select_related("left")
    )
    previous = (
        previous_numbers(submission)
        if any(r.kind == RuleKind.PREVIOUS_PERIOD for r in rules)
        else {}
    )
    for rule in rules:
        problem = _broken(rule, values, previous)
        if problem:
            problems.append(problem)
    for value in values.values():
        if value.system_number is not None and value.number != value.system_number:
            if not value.comment.strip():
                problems.append(
                    Problem(
                        _("%(code)s differs from the figure of the system (%(system)s): say why.")
                        % {
                            "code": value.indicator.code,
                            "system": plain_number(value.system_number),
                        },
                        Severity.SOFT,
                        value.indicator_id,
                    )
                )
    return problems


def _missing_required(submission, values) -> list[Problem]:
    items = SectionItem.objects.filter(
        section__form_version=submission.form_version,
        required=True,
        section__deleted_at__isnull=True,
        indicator__total_of="",
    ).select_related("indicator")
    return [
        Problem(
            _("%(code)s is required.") % {"code": item.indicator.code},
            Severity.HARD,
            item.indicator_id,
        )
        for item in items
        if item.indicator_id not in values or values[item.indicator_id].is_empty
    ]


def _broken(rule, values, previous) -> Problem | None:
    left = values.get(rule.left_id)
    if left is None or left.number is None:
        return None
    if rule.kind == RuleKind.PREVIOUS_PERIOD:
        before = previous.get(rule.left_id)
        if not before:
            return None
        change = abs(left.number - before) * 100 / abs(before)
        if change <= rule.max_change_percent:
            return None
    else:
        if rule.right_id is not None:
            right = values.get(rule.right_id)
            if right is None or right.number is None:
                return None
            other = right.number
        else:
            other = rule.constant
        if COMPARE[rule.operator](left.number, other):
            return None
    others = (rule.right_id,) if rule.right_id is not None else ()
    return Problem(
        rule.display_message, rule.severity, rule.left_id, bool(left.comment.strip()), others
    )


# --- the workflow -------------------------------------------------------------------------------


@transaction.atomic
def submit_submission(submission, *, by) -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    refusal = entry_refusal(submission)
    if refusal:
        raise WorkflowRefused(refusal)
    problems = [problem for problem in check_submission(submission) if problem.blocks]
    if problems:
        raise WorkflowRefused(_("The submission cannot be sent yet."), problems)
    submission.state = SubmissionState.SUBMITTED
    submission.submitted_at, submission.submitted_by = timezone.now(), by
    submission = _save(submission, by)
    _tell_reviewers(submission, by)
    return submission


def _tell_reviewers(submission, by) -> None:
    """Tell the nearest reviewers that a report is theirs (`may_review`'s rule): the officers
    of the nearest Union above the reporting organization that has any, or, when that is the
    central Union at the top, the central officers, who sit in its departments."""
    params = {"report": submission.period, "organization": submission.organization}
    message = gettext_noop(
        "The report “%(report)s” of %(organization)s was sent in for your review."
    )
    url = submission.get_absolute_url()
    notify(_nearest_reviewers(submission.organization), Kind.ASSIGNED, message, params, url, by=by)


def _nearest_reviewers(organization) -> list:
    above = organization.ancestor_ids()
    for depth in range(len(above) - 1, 0, -1):
        officers = officers_of([above[depth]])
        if officers:
            return officers
    return central_officers() if above else []


def _for_review(submission, by) -> Submission:
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not may_review(by, submission):
        raise WorkflowRefused(_("You may not review this submission."))
    if submission.state != SubmissionState.SUBMITTED:
        raise WorkflowRefused(_("Only a submitted report can be reviewed."))
    return submission


@transaction.atomic
def return_submission(submission, *, by, comments) -> Submission:
    """Send a submission back for correction with comments: (indicator or None, text) pairs."""
    submission = _for_review(submission, by)
    comments = [(indicator, text.strip()) for indicator, text in comments if text.strip()]
    if not comments:
        raise WorkflowRefused(_("Say what needs correcting."))
    for indicator, text in comments:
        comment = ReviewComment(submission=submission, indicator=indicator, text=text, author=by)
        _save(comment, by)
    submission.state = SubmissionState.RETURNED
    submission.returned_at, submission.returned_by = timezone.now(), by
    submission = _save(submission, by)
    _tell_organization(
        submission,
        Kind.RETURNED,
        gettext_noop("Your report “%(report)s” was sent back for correction."),
        by,
    )
    return submission


def _tell_organization(submission, kind, message, by) -> None:
    """Tell the officers of the reporting organization, and who sent the report in."""
    recipients = [*officers_of([submission.organization_id]), submission.submitted_by]
    params = {"report": submission.period}
    notify(recipients, kind, message, params, submission.get_absolute_url(), by=by)


@transaction.atomic
def approve_submission(submission, *, by) -> Submission:
    submission = _for_review(submission, by)
    submission.state = SubmissionState.APPROVED
    submission.approved_at, submission.approved_by = timezone.now(), by
    submission.comments.filter(resolved=False).update(resolved=True)
    submission = _save(submission, by)
    _tell_organization(
        submission, Kind.APPROVED, gettext_noop("Your report “%(report)s” was approved."), by
    )
    return submission


@transaction.atomic
def set_period_lock(period, *, locked: bool, by) -> Period:
    period.locked = locked
    return _save(period, by)


@transaction.atomic
def reopen_period(period, organization, *, reason, expires_on, by) -> Reopening:
    if not reason.strip():
        raise WorkflowRefused(_("Give the reason for reopening."))
    reopening = Reopening(
        period=period,
        organization=organization,
        reason=reason,
        expires_on=expires_on,
        granted_by=by,
    )
    reopening.full_clean()
    return _save(reopening, by)


# --- form versions ------------------------------------------------------------------------------


@transaction.atomic
def publish_version(version, *, by) -> FormVersion:
    if version.status != VersionStatus.DRAFT:
        raise WorkflowRefused(_("This version is already published."))
    if not version.sections.exists():
        raise WorkflowRefused(_("A version without sections cannot be published."))
    version.form.versions.filter(status=VersionStatus.PUBLISHED).update(
        status=VersionStatus.RETIRED
    )
    version.status, version.published_on = VersionStatus.PUBLISHED, timezone.localdate()
    return _save(version, by)


@transaction.atomic
def copy_version(version, *, by) -> FormVersion:
    """A new draft version of the form, with the sections, items and rules of `version`."""
    last = version.form.versions.order_by("-number").values_list("number", flat=True).first()
    copy = _save(FormVersion(form=version.form, number=(last or 0) + 1), by)
    for section in version.sections.prefetch_related("items"):
        new = _save(
            Section(
                form_version=copy,
                order=section.order,
                title=section.title,
                title_en=section.title_en,
                kind=section.kind,
                instructions=section.instructions,
            ),
            by,
        )
        for item in section.items.all():
            _save(
                SectionItem(
                    section=new,
                    indicator_id=item.indicator_id,
                    order=item.order,
                    required=item.required,
                ),
                by,
            )
    for rule in version.rules.all():
        rule.pk, rule.id, rule.form_version, rule._state.adding = None, None, copy, True
        rule.version = 1
        _save(rule, by)
    return copy


def version_sections(version):
    """The sections of a form version, each with its live items and their indicators."""
    return Section.objects.filter(form_version=version).prefetch_related(_items_prefetch())


def entry_sections(submission):
    """The sections of the submission's version with their items and current values."""
    values = {value.indicator_id: value for value in submission.values.all()}
    sections = list(version_sections(submission.form_version))
    for section in sections:
        section.rows = [(item, values.get(item.indicator_id)) for item in section.live_items]
        section.is_narrative = section.kind == SectionKind.NARRATIVE
    return sections


def _items_prefetch():
    return Prefetch(
        "items", queryset=SectionItem.objects.select_related("indicator"), to_attr="live_items"
    )


# --- attachments --------------------------------------------------------------------------------


@transaction.atomic
def add_attachment(submission, upload, *, title="", by):
    """Attach an uploaded file to a submission that may still change."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    refusal = entry_refusal(submission)
    if refusal:
        raise WorkflowRefused(refusal)
    attachment = Attachment(submission=submission, title=title.strip()[:255], file=upload)
    try:
        attachment.full_clean()
    except ValidationError as error:
        raise WorkflowRefused(" ".join(error.messages)) from error
    return _save(attachment, by)


@transaction.atomic
def remove_attachment(attachment, *, by):
    """Remove an attachment while its submission may still change. The file stays under the
    media directory until the trash is emptied: a removal can be undone."""
    refusal = entry_refusal(attachment.submission)
    if refusal:
        raise WorkflowRefused(refusal)
    attachment._history_user = by
    attachment.soft_delete()
    return attachment


# --- the one write path of each model (core.writes.save_record) ---------------------------------
#
# The edit form, the API and the import save through `save_record`, which calls these writers
# (declared in `registry.py`): what a save brings happens the same whoever writes.


class ReopeningWriter(Writer):
    """A reopening is granted by whoever makes it."""

    def before_save(self, record, user, created):
        if created and record.granted_by_id is None:
            record.granted_by = user


class ReviewCommentWriter(Writer):
    """A review comment is written by whoever makes it."""

    def before_save(self, record, user, created):
        if created and record.author_id is None:
            record.author = user


class SubmissionWriter(Writer):
    """A new submission starts with the figures the system knows. Its organization, period and
    form version identify it; once submitted it changes only by the workflow's steps (return,
    reopen), never by an edit, the API or an import."""

    fixed_fields = ("organization", "period", "form_version")

    def change_refusal(self, record, user):
        return submission_change_refusal(record)

    def after_save(self, record, user, created):
        if created:
            prefill_submission(record, by=user)


class ValueWriter(Writer):
    """The totals of a submission follow its values, which change only while it may."""

    fixed_fields = ("submission", "indicator")

    def change_refusal(self, record, user):
        return entry_refusal(record.submission)

    def after_save(self, record, user, created):
        update_totals(record.submission, by=user)

    def after_save_batch(self, records, user, created):
        # An offline workbook brings hundreds of values of a few submissions: each once.
        for submission in {value.submission for value in records}:
            update_totals(submission, by=user)
