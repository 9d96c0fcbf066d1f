"""Small builders of reporting data for the tests: a form with its design, periods, submissions."""

import itertools
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from amity.reporting import models
from amity.reporting.choices import IndicatorType, SubmissionState, VersionStatus


def indicator(owner, code, type=IndicatorType.INTEGER, **extra):
    return models.Indicator.objects.create(
        organization=owner, code=code, name=f"Chỉ tiêu {code}", type=type, **extra
    )


def form_with(owner, code="HALF", indicators=(), *, published=True, sections=1):
    """A form of `owner` whose version 1 has `sections` sections sharing `indicators` in turn."""
    form = models.Form.objects.create(
        organization=owner, code=code, name=f"Báo cáo {code}", assigned_kinds="provincial_union"
    )
    version = models.FormVersion.objects.create(form=form, number=1)
    made = [
        models.Section.objects.create(form_version=version, order=n + 1, title=f"Phần {n + 1}")
        for n in range(sections)
    ]
    for position, item in enumerate(indicators):
        models.SectionItem.objects.create(
            section=made[position % sections], indicator=item, order=position + 1
        )
    if published:
        version.status = VersionStatus.PUBLISHED
        version.save()
    return SimpleNamespace(form=form, version=version, sections=made)


def period(
    form,
    year=2025,
    number=1,
    *,
    kind="half_year",
    opens_on=date(2000, 1, 1),
    deadline=date(2999, 12, 31),
    **extra,
):
    return models.Period.objects.create(
        form=form,
        kind=kind,
        year=year,
        number=number,
        opens_on=opens_on,
        deadline=deadline,
        **extra,
    )


def submission(
    organization, version, for_period, state=SubmissionState.DRAFT, values=None, **extra
):
    made = models.Submission.objects.create(
        organization=organization, form_version=version, period=for_period, state=state, **extra
    )
    for item, number in (values or {}).items():
        models.Value.objects.create(submission=made, indicator=item, number=Decimal(number))
    return made


_DESIGNS_MADE = itertools.count(1)


class Designs:
    """Per test, one design of each owner, made on first use."""

    def __init__(self):
        self.made = {}
        # Several test classes' designs may live in one test (the permission matrix builds a
        # record of every model): each makes codes of its own.
        self.prefix = next(_DESIGNS_MADE)

    def of(self, owner, published=False):
        key = (owner.pk, published)
        if key not in self.made:
            code = f"D{self.prefix}-{owner.pk}{'P' if published else ''}"
            first = indicator(owner, f"{code}-A")
            self.made[key] = form_with(owner, code, [first], published=published)
            self.made[key].indicator = first
            self.made[key].period = period(self.made[key].form)
        return self.made[key]
