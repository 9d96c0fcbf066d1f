"""What the search across domains finds of the aid: activities, by title or IATI identifier."""

from amity.core.search import Kind, joined, register


def _summary(activity) -> str:
    donor = activity.reporting_org.display_name if activity.reporting_org else ""
    parts = (activity.iati_identifier, activity.get_status_display(), donor)
    return joined(*parts)


register(
    Kind(
        "aid.Activity",
        fields=("title_vi", "title_en", "iati_identifier", "external_ref"),
        title=lambda activity: activity.title or activity.iati_identifier,
        summary=_summary,
        related=("reporting_org",),
        order=30,
    )
)
