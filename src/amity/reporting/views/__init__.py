"""The reporting pages, by what they are about: the design of forms (`design`), submissions and
their workflow (`submissions`), what the reports add up to (`consolidation`), and a submission as
a document, a workbook or attachments (`documents`). The generic views of every model are
re-exported here, where the registry names them."""

from amity.reporting.views.design import (
    FormVersionViews,
    FormViews,
    IndicatorViews,
    PeriodViews,
    ReopeningViews,
    SectionItemViews,
    SectionViews,
    ValidationRuleViews,
)
from amity.reporting.views.submissions import (
    AttachmentViews,
    ReviewCommentViews,
    SubmissionViews,
    ValueViews,
)

__all__ = [
    "AttachmentViews",
    "FormVersionViews",
    "FormViews",
    "IndicatorViews",
    "PeriodViews",
    "ReopeningViews",
    "ReviewCommentViews",
    "SectionItemViews",
    "SectionViews",
    "SubmissionViews",
    "ValidationRuleViews",
    "ValueViews",
]
