"""What the search across domains finds of the training: the courses."""

from amity.core.search import Kind, joined, register


def _summary(course) -> str:
    dates = f"{course.starts_on:%d/%m/%Y} – {course.ends_on:%d/%m/%Y}"
    return joined(dates, course.place)


register(
    Kind(
        "training.Course",
        fields=("title_vi", "title_en", "place"),
        summary=_summary,
        order=90,
    )
)
