from rest_framework import serializers, viewsets

from amity.geo import filtersets, models


class ProvinceSerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Province
        fields = (
            "id",
            "code",
            "name",
            "full_name",
            "name_en",
            "kind",
            "is_current",
            "valid_from",
            "valid_until",
            "successor",
        )


class CountrySerializer(serializers.ModelSerializer):
    class Meta:
        model = models.Country
        fields = ("id", "code", "alpha3", "numeric", "name_en", "name_vi", "region")


class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProvinceSerializer
    filterset_class = filtersets.ProvinceFilterSet

    def get_queryset(self):
        return models.Province.objects.visible_to(self.request.user)


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CountrySerializer
    filterset_class = filtersets.CountryFilterSet

    def get_queryset(self):
        return models.Country.objects.visible_to(self.request.user)
