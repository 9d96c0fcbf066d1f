"""What the search across domains finds of the reporting: the reports (submissions), by their
organization and period."""

from amity.core.search import Kind, register

register(
    Kind(
        "reporting.Submission",
        fields=(
            "organization__name",
            "organization__short_name",
            "period__form__name",
            "period__form__name_en",
            "period__year",
        ),
        summary=lambda submission: submission.get_state_display(),
        related=("organization", "period__form"),
        order=60,
    )
)
