import django_filters
from django.utils.translation import gettext_lazy as _

from amity.core.filtersets import BaseFilterSet
from amity.events import models
from amity.geo.models import Country
from amity.organizations.models import Organization
from amity.partners.models import Partner


class EventFilterSet(BaseFilterSet):
    search_fields = ("title_vi", "title_en", "place", "description")
    start = django_filters.DateFilter(field_name="start", label=_("start date"))
    start_after = django_filters.DateFilter(
        field_name="start", lookup_expr="gte", label=_("starting from")
    )
    start_before = django_filters.DateFilter(
        field_name="start", lookup_expr="lte", label=_("starting until")
    )
    organization = django_filters.ModelChoiceFilter(
        queryset=Organization.objects.all(), label=_("host organization")
    )
    co_organizer = django_filters.ModelChoiceFilter(
        field_name="co_organizers",
        queryset=Organization.objects.all(),
        label=_("co-organizer"),
        distinct=True,
    )
    country = django_filters.ModelChoiceFilter(
        field_name="countries", queryset=Country.objects.all(), label=_("country"), distinct=True
    )
    partner = django_filters.ModelChoiceFilter(
        field_name="partners", queryset=Partner.objects.all(), label=_("partner"), distinct=True
    )

    class Meta:
        model = models.Event
        fields = [
            "kind",
            "status",
            "start",
            "start_after",
            "start_before",
            "organization",
            "co_organizer",
            "country",
            "partner",
            "is_online",
        ]


class EventChildFilterSet(BaseFilterSet):
    event = django_filters.ModelChoiceFilter(queryset=models.Event.objects.all(), label=_("event"))


class BridgePointFilterSet(EventChildFilterSet):
    search_fields = ("organization__name", "place")

    class Meta:
        model = models.BridgePoint
        fields = ["event", "organization", "is_central"]


class ParticipantFilterSet(EventChildFilterSet):
    search_fields = ("guest_name", "person__full_name", "contact__full_name", "affiliation")

    class Meta:
        model = models.Participant
        fields = ["event", "role", "attendance", "person", "contact", "bridge_point"]


class TopicFilterSet(EventChildFilterSet):
    search_fields = ("title_vi", "title_en")

    class Meta:
        model = models.Topic
        fields = ["event"]


class SessionFilterSet(EventChildFilterSet):
    search_fields = ("title",)

    class Meta:
        model = models.Session
        fields = ["event", "day", "topic"]


class PresentationFilterSet(EventChildFilterSet):
    search_fields = ("title",)

    class Meta:
        model = models.Presentation
        fields = ["event", "session", "topic", "speaker"]


class EventDocumentFilterSet(EventChildFilterSet):
    search_fields = ("title",)

    class Meta:
        model = models.EventDocument
        fields = ["event", "kind"]
