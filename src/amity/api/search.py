"""`/api/search/?q=&kind=`: the search across domains of `amity.core.search`, as the page has it,
scoped the same way (each kind's own `visible_to`)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from amity.core import search


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="The kind's plural, as in its list's URL: partners.")
    id = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.CharField(help_text="The record's page.")


class SearchKindSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField(help_text="Matches the user may see.")
    more = serializers.BooleanField(help_text="The count is a lower bound.")
    see_all = serializers.CharField(help_text="The kind's list, filtered by the query.")


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    corrected = serializers.CharField(help_text="The query after typos were corrected, or empty.")
    count = serializers.IntegerField()
    kinds = SearchKindSerializer(many=True)
    results = SearchHitSerializer(many=True)


class SearchView(APIView):
    """Records of every domain the user may see whose names, titles or identifiers match `q`
    (whatever the case and Vietnamese marks, a typo forgiven), best first: up to 5 of each kind,
    or 50 of the one `kind` asked for."""

    filter_backends: list = []

    @extend_schema(
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="What to look for."),
            OpenApiParameter(
                "kind",
                OpenApiTypes.STR,
                description="Only this kind (a plural such as `partners`, `activities`).",
            ),
        ],
        responses=SearchResponseSerializer,
    )
    def get(self, request):
        text = request.query_params.get("q", "")
        if "\x00" in text:
            text = ""
        results = search.search(request.user, text, kind=request.query_params.get("kind", ""))
        kinds = [
            {
                "kind": group.plural,
                "label": str(group.label),
                "count": group.count,
                "more": group.more,
                "see_all": group.see_all,
            }
            for group in results.groups
        ]
        hits = [
            {
                "kind": hit.kind,
                "id": hit.id,
                "title": hit.title,
                "summary": hit.summary,
                "url": request.build_absolute_uri(hit.url),
            }
            for group in results.groups
            for hit in group.hits
        ]
        data = {
            "query": results.query,
            "corrected": results.corrected,
            "count": results.count,
            "kinds": kinds,
            "results": hits,
        }
        return Response(data)
