from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.emulation import filtersets, models
from amity.emulation.forms import REGULATION_FIELDS


class RegulationSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Regulation
        fields = (*BASE_FIELDS, *REGULATION_FIELDS)


class RegulationViewSet(ScopedModelViewSet):
    model = models.Regulation
    serializer_class = RegulationSerializer
    filterset_class = filtersets.RegulationFilterSet
