from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.training import models
from amity.training.filtersets.requirements import RequirementFilterSet
from amity.training.forms.requirements import REQUIREMENT_FIELDS


class TrainingRequirementSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Requirement
        fields = (*BASE_FIELDS, *REQUIREMENT_FIELDS)


class RequirementViewSet(ScopedModelViewSet):
    model = models.Requirement
    serializer_class = TrainingRequirementSerializer
    filterset_class = RequirementFilterSet
