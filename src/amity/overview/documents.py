"""The overview's kind of Word document in the template library (`documents.library`): the
annual review. Its context and built-in template are `review.py`'s; an administrator may upload
a replacement that uses the fields listed here."""

from django.utils.translation import gettext_lazy as _

from amity.documents.library import Kind, register
from amity.overview import review

ANNUAL_REVIEW = register(
    Kind(
        "annual_review",
        _("Annual review"),
        review.TEMPLATE,
        (
            "title",
            "subject",
            "summary",
            "figures",
            "new_partners",
            "sectors",
            "regions",
            "conferences",
            "received",
            "sent",
            "events_sentence",
            "proposals_sentence",
            "awards",
            "courses",
            "reviews",
            "labels",
        ),
        required=("figures",),
        build=review.build_template,
    )
)
