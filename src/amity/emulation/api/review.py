from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.emulation import models, review_services
from amity.emulation.filtersets.review import ReviewFilterSet
from amity.emulation.forms.review import REVIEW_FIELDS


class ReviewSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Review
        fields = (*BASE_FIELDS, *REVIEW_FIELDS, "state", "decided_on", "decided_by")
        read_only_fields = ("state", "decided_on", "decided_by")


class ReviewViewSet(ScopedModelViewSet):
    """The reviews; `POST …/<id>/decide/` decides one (the page's "Decide"), `…/reopen/` takes
    a decided one back to draft (the centre only)."""

    model = models.Review
    serializer_class = ReviewSerializer
    filterset_class = ReviewFilterSet

    def _step(self, function):
        review = self.get_object()
        try:
            review = function(review, by=self.request.user)
        except ValidationError as refusal:
            raise exceptions.ValidationError(
                refusal.message_dict if hasattr(refusal, "error_dict") else refusal.messages
            ) from refusal
        except PermissionDenied as refusal:
            raise exceptions.PermissionDenied(str(refusal)) from refusal
        return Response(ReviewSerializer(review, context={"request": self.request}).data)

    @action(detail=True, methods=["post"], serializer_class=serializers.Serializer)
    def decide(self, request, pk=None):
        return self._step(review_services.decide_review)

    @action(detail=True, methods=["post"], serializer_class=serializers.Serializer)
    def reopen(self, request, pk=None):
        return self._step(review_services.reopen_review)
