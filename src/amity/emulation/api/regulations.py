from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.emulation import models
from amity.emulation.filtersets.regulations import RegulationFilterSet
from amity.emulation.forms.regulations import REGULATION_FIELDS


class RegulationSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Regulation
        fields = (*BASE_FIELDS, *REGULATION_FIELDS)


class RegulationViewSet(ScopedModelViewSet):
    model = models.Regulation
    serializer_class = RegulationSerializer
    filterset_class = RegulationFilterSet
