from amity.core.api import BASE_FIELDS, ScopedModelSerializer, ScopedModelViewSet
from amity.training import models
from amity.training.filtersets.programmes import ModuleFilterSet, ProgrammeFilterSet
from amity.training.forms.programmes import MODULE_FIELDS, PROGRAMME_FIELDS


class TrainingProgrammeSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Programme
        fields = (*BASE_FIELDS, *PROGRAMME_FIELDS)


class ProgrammeViewSet(ScopedModelViewSet):
    model = models.Programme
    serializer_class = TrainingProgrammeSerializer
    filterset_class = ProgrammeFilterSet


class TrainingModuleSerializer(ScopedModelSerializer):
    owner_field = None

    class Meta:
        model = models.Module
        fields = (*BASE_FIELDS, *MODULE_FIELDS)


class ModuleViewSet(ScopedModelViewSet):
    model = models.Module
    serializer_class = TrainingModuleSerializer
    filterset_class = ModuleFilterSet
