"""Agreements on the home page: those of the user's scope expiring within 90 days, and the
reviews due within 30, the nearest first."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from amity.agreements.choices import RUNNING
from amity.agreements.filtersets.agreements import BOARD_DAYS, expiring_within
from amity.agreements.models import Agreement, Review
from amity.core.dashboard import ITEMS_SHOWN, capped_count, register_panel

#: the panel lists the reviews due within this many days
REVIEW_DAYS = 30


@register_panel(
    key="agreements.expiring",
    title=_("Agreements expiring or to review"),
    template="agreements/dashboard_expiring.html",
    order=35,
    icon="hourglass-split",
)
def expiring_agreements(request):
    """A count and a LIMIT each, along the index of the expiry and of the review date."""
    visible = Agreement.objects.visible_to(request.user)
    expiring = expiring_within(visible, BOARD_DAYS)
    today = timezone.localdate()
    reviews = Review.objects.filter(
        agreement__in=visible.filter(status__in=RUNNING),
        held_on__isnull=True,
        due_on__gte=today,
        due_on__lte=today + timedelta(days=REVIEW_DAYS),
    )
    count = capped_count(expiring)
    review_rows = list(reviews.select_related("agreement").order_by("due_on", "id")[:ITEMS_SHOWN])
    if not count and not review_rows:
        return None
    rows = list(expiring.order_by("ends_on", "id")[:ITEMS_SHOWN])
    return {
        "count": count,
        "rows": rows,
        "reviews": review_rows,
        "see_all": reverse("agreements:board"),
    }
