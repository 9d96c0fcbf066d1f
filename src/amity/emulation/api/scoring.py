from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from amity.core.api import (
    BASE_FIELDS,
    ScopedModelSerializer,
    ScopedModelViewSet,
    StaleVersion,
    if_match_versions,
)
from amity.emulation import models
from amity.emulation.filtersets import scoring as filtersets
from amity.emulation.forms import scoring as forms
from amity.emulation.models.scoring import FIRST_YEAR, LAST_YEAR


class CriteriaTableSerializer(ScopedModelSerializer):
    class Meta:
        model = models.CriteriaTable
        fields = (*BASE_FIELDS, *forms.CRITERIA_TABLE_FIELDS)


class CriteriaSectionSerializer(ScopedModelSerializer):
    class Meta:
        model = models.CriteriaSection
        fields = (*BASE_FIELDS, *forms.CRITERIA_SECTION_FIELDS)


class CriterionSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Criterion
        fields = (*BASE_FIELDS, *forms.CRITERION_FIELDS)


class ClusterSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Cluster
        fields = (*BASE_FIELDS, *forms.CLUSTER_FIELDS)


class CampaignSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Campaign
        fields = (*BASE_FIELDS, *forms.CAMPAIGN_FIELDS)


SHEET_WORKFLOW_FIELDS = (
    "state",
    "submitted_at",
    "reviewed_at",
    "confirmed_at",
    "return_reason",
    "returned_at",
)


class ScoreSheetSerializer(ScopedModelSerializer):
    class Meta:
        model = models.ScoreSheet
        fields = (*BASE_FIELDS, *forms.SCORE_SHEET_FIELDS, *SHEET_WORKFLOW_FIELDS)
        read_only_fields = SHEET_WORKFLOW_FIELDS


SCORE_STAGE_FIELDS = (
    "computed_value",
    "computed_points",
    "computed_links",
    "cluster_points",
    "cluster_reason",
    "council_points",
    "council_reason",
)


class ScoreSerializer(ScopedModelSerializer):
    class Meta:
        model = models.Score
        fields = (*BASE_FIELDS, *forms.SCORE_FIELDS, *SCORE_STAGE_FIELDS)
        read_only_fields = SCORE_STAGE_FIELDS


class CriteriaTableViewSet(ScopedModelViewSet):
    model = models.CriteriaTable
    serializer_class = CriteriaTableSerializer
    filterset_class = filtersets.CriteriaTableFilterSet


class CriteriaSectionViewSet(ScopedModelViewSet):
    model = models.CriteriaSection
    serializer_class = CriteriaSectionSerializer
    filterset_class = filtersets.CriteriaSectionFilterSet


class CriterionViewSet(ScopedModelViewSet):
    model = models.Criterion
    serializer_class = CriterionSerializer
    filterset_class = filtersets.CriterionFilterSet


class ClusterViewSet(ScopedModelViewSet):
    model = models.Cluster
    serializer_class = ClusterSerializer
    filterset_class = filtersets.ClusterFilterSet


class CampaignViewSet(ScopedModelViewSet):
    model = models.Campaign
    serializer_class = CampaignSerializer
    filterset_class = filtersets.CampaignFilterSet


class SheetReturnSerializer(serializers.Serializer):
    """Why the sheet goes back to the unit (required: the unit reads it on its sheet)."""

    reason = serializers.CharField(max_length=5000)


class ScoreSheetViewSet(ScopedModelViewSet):
    model = models.ScoreSheet
    serializer_class = ScoreSheetSerializer
    filterset_class = filtersets.ScoreSheetFilterSet

    @extend_schema(request=SheetReturnSerializer, responses=ScoreSheetSerializer)
    @action(
        detail=True, methods=["post"], url_path="return", serializer_class=SheetReturnSerializer
    )
    def return_(self, request, pk=None):
        """Send a submitted sheet back to the unit with the reason (the cluster head or the
        centre); the sheet is a draft again."""
        from amity.emulation import scoring_services as services

        # the cluster head sees the unit's sheet without editing it, and returns it: the step's
        # own rule (`may_review`) decides, not the record's edit scope
        sheet = GenericAPIView.get_object(self)  # 404 outside what the user sees
        sent = if_match_versions(request)
        if sent is not None and sheet.version not in sent:
            raise StaleVersion()
        if not request.user.may_edit:  # a viewer reads, never takes a step
            raise exceptions.PermissionDenied(_("You may not take this step."))
        given = SheetReturnSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            sheet = services.return_sheet(
                sheet, reason=given.validated_data["reason"], by=request.user
            )
        except PermissionDenied as denied:
            raise exceptions.PermissionDenied(str(denied)) from denied
        except ValidationError as refused:
            raise exceptions.ValidationError({"detail": refused.messages}) from refused
        return Response(ScoreSheetSerializer(sheet, context={"request": request}).data)


class ScoreViewSet(ScopedModelViewSet):
    model = models.Score
    serializer_class = ScoreSerializer
    filterset_class = filtersets.ScoreFilterSet


class RankRowSerializer(serializers.Serializer):
    """One sheet's place in a year's ranking."""

    sheet = serializers.IntegerField(source="sheet_id")
    organization = serializers.IntegerField(source="organization_id")
    organization_name = serializers.CharField(source="organization")
    cluster = serializers.IntegerField(source="cluster_id", allow_null=True)
    state = serializers.CharField()
    total = serializers.DecimalField(max_digits=9, decimal_places=2)
    first_section = serializers.DecimalField(max_digits=9, decimal_places=2)
    penalties = serializers.DecimalField(max_digits=9, decimal_places=2)
    rank_in_cluster = serializers.IntegerField(source="cluster_rank")


class RankingViewSet(viewsets.GenericViewSet):
    """A year's ranking (`?year=`), cluster by cluster: the centre and each cluster's head see
    it as it forms, a member once the centre published it; the tie-break rule is
    `scoring_services.TIE_RULE`."""

    serializer_class = RankRowSerializer
    filter_backends: list = []
    pagination_class = None

    @extend_schema(
        # the years a ranking can have, in the schema too: a client (and the fuzz) asks for them
        parameters=[
            OpenApiParameter(
                "year",
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
                required=True,
            )
        ],
        responses=RankRowSerializer(many=True),
    )
    def list(self, request):
        from amity.emulation import scoring_services as services

        raw = request.query_params.get("year", "")
        if not (raw.isascii() and raw.isdigit() and FIRST_YEAR <= int(raw) <= LAST_YEAR):
            raise exceptions.ValidationError(
                {
                    "year": [
                        _("A year between %(first)s and %(last)s.")
                        % {"first": FIRST_YEAR, "last": LAST_YEAR}
                    ]
                }
            )
        year = int(raw)
        clusters = list(
            models.Cluster.objects.visible_to(request.user).filter(year=year).select_related("head")
        )
        shown = [c.pk for c in services.clusters_with_ranking(request.user, clusters)]
        sheets = models.ScoreSheet.objects.filter(
            year=year, campaign__isnull=True, cluster__in=shown
        )
        rows = services.ranking(sheets) if shown else []
        return Response(self.get_serializer(rows, many=True).data)
