from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import AuthenticationFailed

from amity.accounts.authentication import TokenAuthentication
from amity.core.downloads import download
from amity.core.views import ModelViews
from amity.events import filtersets, forms, imports, models, services, tables
from amity.events.choices import Attendance, EventKind, ParticipantRole
from amity.organizations.models import Organization

PARTICIPANT_RELATED = ("event", "person", "contact", "bridge_point__organization")


class EventViews(ModelViews):
    model = models.Event
    table = tables.EventTable
    filterset = filtersets.EventFilterSet
    form = forms.EventForm
    resource = imports.EventResource
    detail_template = "events/event_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization", "province")
    list_actions = (
        (gettext_lazy("Calendar"), "events:calendar", "calendar3"),
        (gettext_lazy("Calendar on your phone"), "events:calendar_subscribe", "phone"),
        (gettext_lazy("Calendar feed (iCalendar)"), "events:calendar_feed", "calendar-plus"),
    )
    extra_tabs = (
        ("participants", gettext_lazy("Participants")),
        ("agenda", gettext_lazy("Agenda")),
        ("documents", gettext_lazy("Documents and photos")),
    )

    @classmethod
    def detail_context(cls, obj, request, tab):
        if tab == "participants":
            rows = obj.participants.select_related(*PARTICIPANT_RELATED[1:])
            return {"participants": rows.prefetch_related("presentations")[:1000]}
        if tab == "agenda":
            return {
                "topics": obj.topics.all(),
                "sessions": obj.sessions.select_related("topic").prefetch_related(
                    "presentations__speaker__person", "presentations__speaker__contact"
                ),
                "unscheduled": obj.presentations.filter(session=None).select_related(
                    "topic", "speaker__person", "speaker__contact"
                ),
            }
        if tab == "documents":
            return {"documents": obj.documents.all()}
        return {
            "co_organizers": obj.co_organizers.all(),
            "countries": obj.countries.all(),
            "partners": obj.partners.all(),
            "topics": obj.topics.all(),
            "is_conference": obj.kind == EventKind.ONLINE_CONFERENCE,
        }


class EventChildViews(ModelViews):
    """The views of a record of an event's: after saving, back to the event's page."""

    event_tab = ""

    @classmethod
    def after_save_url(cls, obj):
        suffix = f"?tab={cls.event_tab}" if cls.event_tab else ""
        return f"{obj.event.get_absolute_url()}{suffix}"


class BridgePointViews(EventChildViews):
    model = models.BridgePoint
    table = tables.BridgePointTable
    filterset = filtersets.BridgePointFilterSet
    form = forms.BridgePointForm
    resource = imports.BridgePointResource
    list_select_related = ("event", "organization", "chair")
    detail_select_related = ("event", "organization", "chair")

    @classmethod
    def after_save_url(cls, obj):
        return services.conference_url(obj.event)


class ParticipantViews(EventChildViews):
    model = models.Participant
    table = tables.ParticipantTable
    filterset = filtersets.ParticipantFilterSet
    form = forms.ParticipantForm
    resource = imports.ParticipantResource
    event_tab = "participants"
    list_select_related = PARTICIPANT_RELATED + ("bridge_point__event",)
    detail_select_related = PARTICIPANT_RELATED + ("bridge_point__event",)


class TopicViews(EventChildViews):
    model = models.Topic
    table = tables.TopicTable
    filterset = filtersets.TopicFilterSet
    form = forms.TopicForm
    resource = imports.TopicResource
    event_tab = "agenda"
    list_select_related = ("event",)
    detail_select_related = ("event",)


class SessionViews(EventChildViews):
    model = models.Session
    table = tables.SessionTable
    filterset = filtersets.SessionFilterSet
    form = forms.SessionForm
    resource = imports.SessionResource
    event_tab = "agenda"
    list_select_related = ("event", "topic")
    detail_select_related = ("event", "topic")


class PresentationViews(EventChildViews):
    model = models.Presentation
    table = tables.PresentationTable
    filterset = filtersets.PresentationFilterSet
    form = forms.PresentationForm
    resource = imports.PresentationResource
    event_tab = "agenda"
    related = ("event", "session", "topic", "speaker__event", "speaker__person", "speaker__contact")
    list_select_related = related
    detail_select_related = related


class EventDocumentViews(EventChildViews):
    model = models.EventDocument
    table = tables.EventDocumentTable
    filterset = filtersets.EventDocumentFilterSet
    form = forms.EventDocumentForm
    resource = imports.EventDocumentResource
    event_tab = "documents"
    list_select_related = ("event",)
    detail_select_related = ("event",)


@login_required
def conference(request, pk):
    """An online conference: its bridge points with their chairs and attendees, the totals, and
    who took part, by attendance and role."""
    event = get_object_or_404(
        models.Event.objects.visible_to(request.user).select_related("organization"), pk=pk
    )
    points = event.bridge_points.select_related("organization", "chair")
    participation = event.participants.aggregate(
        total=Count("pk"),
        **{state: Count("pk", filter=Q(attendance=state)) for state in Attendance.values},
    )
    by_role = dict(
        event.participants.values_list("role").annotate(count=Count("pk")).order_by("role")
    )
    return render(
        request,
        "events/conference.html",
        {
            "object": event,
            "points": points,
            "totals": services.bridge_point_totals(event),
            "participation": participation,
            "attendance": [(label, participation[value]) for value, label in Attendance.choices],
            "roles": [(label, by_role.get(value, 0)) for value, label in ParticipantRole.choices],
            "topics": event.topics.all(),
            "may_edit": models.Event.objects.editable_by(request.user).filter(pk=pk).exists(),
        },
    )


@login_required
def calendar_page(request):
    """The events the user may see in a month, with what other apps add (the courses): as a
    grid of weeks, or as a list."""
    shown = forms.CalendarForm(request.GET)
    first, view = shown.first_day(), shown.layout()
    events = services.with_entries(
        services.month_events(request.user, first), services.month_entries(request.user, first)
    )
    previous = (first.replace(day=1) - timedelta(days=1)).replace(day=1)
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return render(
        request,
        "events/calendar.html",
        {
            "first": first,
            "view": view,
            "events": events,
            "weeks": services.month_grid(first, events) if view == "grid" else [],
            "days": services.month_list(events) if view == "list" else [],
            "previous_url": services.calendar_url(previous, view),
            "next_url": services.calendar_url(following, view),
            "today_url": services.calendar_url(services.month_of(""), view),
            "grid_url": services.calendar_url(first),
            "list_url": services.calendar_url(first, "list"),
        },
    )


def feed_user(request):
    """The user of a feed: the session's, or the one whose API token the request carries
    (`Authorization: Token <key>`), as for the API (CONTRACT.md)."""
    if request.user.is_authenticated:
        return request.user
    try:
        found = TokenAuthentication().authenticate(request)
    except AuthenticationFailed:
        return None
    return found[0] if found else None


def unauthorized():
    response = HttpResponse(_("Log in, or send an API token."), status=401)
    response["WWW-Authenticate"] = "Token"
    return response


def feed_response(request, events, name, filename, entries=()):
    base_url = request.build_absolute_uri("/")[:-1]
    content = services.ical_feed(events, name, base_url, entries)
    return download(content, filename, "text/calendar; charset=utf-8", inline=True)


def user_feed(request, user):
    events = services.feed_events(models.Event.objects.visible_to(user))
    entries = services.feed_entries(user)
    return feed_response(request, events, _("Amity events"), "amity-events.ics", entries)


def organization_events_feed(request, user, pk):
    organization = Organization.objects.visible_to(user).filter(pk=pk).first()
    if organization is None:
        raise Http404
    events = models.Event.objects.visible_to(user).filter(services.involving(organization))
    name = _("Events of %(organization)s") % {"organization": organization}
    entries = services.feed_entries(user, organization)
    return feed_response(request, services.feed_events(events), name, f"events-{pk}.ics", entries)


def calendar_feed(request):
    """The iCalendar feed of every event the user may see."""
    user = feed_user(request)
    if user is None:
        return unauthorized()
    return user_feed(request, user)


def organization_feed(request, pk):
    """The iCalendar feed of an organization's events (hosted, co-organized, or joined as a
    bridge point), among those the user may see."""
    user = feed_user(request)
    if user is None:
        return unauthorized()
    return organization_events_feed(request, user, pk)


def _token_user(key):
    user = services.token_user(key)
    if user is None:  # a wrong or revoked address says nothing about what exists
        raise Http404
    return user


def secret_calendar_feed(request, key):
    """The feed of `calendar_feed` at the user's secret address, for a phone (no log-in)."""
    return user_feed(request, _token_user(key))


def secret_organization_feed(request, key, pk):
    """The feed of `organization_feed` at the user's secret address."""
    return organization_events_feed(request, _token_user(key), pk)


@login_required
def calendar_subscribe(request):
    """The user's secret calendar address: shown to copy into a phone, made anew (revoking the
    old one) or removed."""
    if request.method == "POST":
        if forms.CalendarAddressForm(request.POST).revokes:
            if services.revoke_calendar_token(request.user):
                messages.success(request, _("Your calendar address has been removed."))
        else:
            services.regenerate_calendar_token(request.user)
            messages.success(
                request, _("Your new calendar address is ready; the old one no longer works.")
            )
        return redirect("events:calendar_subscribe")
    token = services.calendar_token(request.user)
    home = request.user.organization
    context = {"token": token, "home": home}
    if token is not None:
        context["feed_url"] = request.build_absolute_uri(
            reverse("events:secret_calendar_feed", args=[token.key])
        )
        if home is not None:
            context["organization_feed_url"] = request.build_absolute_uri(
                reverse("events:secret_organization_feed", args=[token.key, home.pk])
            )
    return render(request, "events/calendar_subscribe.html", context)
