"""What the search across domains finds of the events."""

from amity.core.search import Kind, joined, register


def _summary(event) -> str:
    parts = (event.get_kind_display(), f"{event.start:%d/%m/%Y}", event.place)
    return joined(*parts)


register(
    Kind(
        "events.Event",
        fields=("title_vi", "title_en", "place", "external_ref"),
        title=lambda event: event.title,
        summary=_summary,
        order=40,
    )
)
