"""The template library in the API, read-only (an upload is checked and replaces a template
through the gallery's form): the kinds of document with their fields, the uploaded templates
the user sees, and the system's identity."""

from django.db.models import Q
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from amity.documents import library
from amity.documents.models import DocumentTemplate, Identity


class KindSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    fields = serializers.ListField(child=serializers.CharField())
    required = serializers.ListField(child=serializers.CharField())
    official = serializers.BooleanField()


class TemplateKindViewSet(viewsets.GenericViewSet):
    """Every kind of document the system writes, with the fields its templates may use and
    those they must."""

    serializer_class = KindSerializer
    filter_backends: list = []
    pagination_class = None

    @extend_schema(
        parameters=[OpenApiParameter("q", str, required=False)],
        responses=KindSerializer(many=True),
    )
    def list(self, request):
        text = request.query_params.get("q", "").strip().casefold()
        rows = [
            {
                "code": kind.code,
                "label": str(kind.label),
                "fields": sorted(kind.allowed),
                "required": sorted(kind.required),
                "official": kind.official,
            }
            for kind in library.kinds()
            if not text or text in kind.code or text in str(kind.label).casefold()
        ]
        return Response(KindSerializer(rows, many=True).data)


class DocumentTemplateSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentTemplate
        fields = ("id", "kind", "name", "organization", "original_name", "version", "created_at")


def _text(request) -> str:
    return request.query_params.get("q", "").strip()[:200].replace("\x00", "")


@extend_schema(
    parameters=[
        OpenApiParameter("q", str, required=False),
        OpenApiParameter("kind", str, required=False),
    ]
)
class DocumentTemplateViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DocumentTemplateSerializer
    filter_backends: list = []

    def get_queryset(self):
        records = DocumentTemplate.objects.visible_to(self.request.user).order_by("kind", "pk")
        kind = self.request.query_params.get("kind", "").strip().replace("\x00", "")
        if kind:
            records = records.filter(kind=kind[:40])
        text = _text(self.request)
        if text:
            records = records.filter(Q(name__icontains=text) | Q(kind__icontains=text))
        return records


class IdentitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Identity
        fields = ("id", "name_vi", "name_en", "short_name", "primary_colour", "footer", "version")


@extend_schema(parameters=[OpenApiParameter("q", str, required=False)])
class IdentityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = IdentitySerializer
    filter_backends: list = []

    def get_queryset(self):
        records = Identity.objects.order_by("pk")  # every signed-in user reads the identity
        text = _text(self.request)
        if text:
            records = records.filter(Q(name_vi__icontains=text) | Q(name_en__icontains=text))
        return records
