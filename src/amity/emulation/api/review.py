from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.emulation import models
from amity.emulation.filtersets.review import ReviewFilterSet
from amity.emulation.forms.review import REVIEW_FIELDS


class ReviewSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Review
        fields = (*BASE_FIELDS, *REVIEW_FIELDS, "state", "decided_on", "decided_by")
        read_only_fields = ("state", "decided_on", "decided_by")


class ReviewViewSet(ScopedModelViewSet):
    model = models.Review
    serializer_class = ReviewSerializer
    filterset_class = ReviewFilterSet
