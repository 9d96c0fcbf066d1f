"""Events of the network: conferences (also online, with bridge points), meetings, delegations,
receptions and ceremonies, with their participants, agenda and documents.

An event is owned by its host organization (`organization`): the host's scope edits it. It is seen
by the scopes of its host, of its co-organizers and of the organizations at its bridge points — a
provincial Union sees the online conference it joined, though the centre hosted it — and by the
centre, which sees everything. The records of an event (bridge points, participants, agenda,
documents) share its scope (`Scope(parent="event")`).
"""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel, TimestampedModel
from amity.core.scoping import AllManager, LiveManager, Scope, ScopedQuerySet
from amity.events.choices import (
    DELEGATION_KINDS,
    Attendance,
    DocumentKind,
    EventKind,
    EventStatus,
    ParticipantRole,
)
from amity.organizations.models import in_language

#: the longest an event may last: the calendar finds a month's events along the index of their
#: start, reading back this far for the events begun earlier and still running
MAX_EVENT_DAYS = 366


class EventQuerySet(ScopedQuerySet):
    def overlapping(self, first_day, last_day):
        """Events running on at least one day from `first_day` to `last_day`: a range of the
        start index (bounded by MAX_EVENT_DAYS), whatever the number of events."""
        return self.filter(
            start__lte=last_day,
            start__gte=first_day - timedelta(days=MAX_EVENT_DAYS),
            end__gte=first_day,
        )


class Event(BaseModel):
    """A conference, meeting, delegation, reception, ceremony or exchange of the network.

    Seen by the branches of the host, of the co-organizers and of the bridge points'
    organizations (and the centre); edited by the host's branch (and the centre)."""

    scope = Scope("organization", seen_by=("co_organizers", "bridge_points__organization"))

    label_related = ()

    kind = models.CharField(_("kind"), max_length=24, choices=EventKind.choices)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    start = models.DateField(_("start date"))
    end = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty for a one-day event.")
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("host organization"),
        on_delete=models.PROTECT,
        related_name="hosted_events",
    )
    co_organizers = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("co-organizers"),
        blank=True,
        related_name="co_organized_events",
    )
    is_online = models.BooleanField(_("online"), default=False)
    place = models.CharField(_("place"), max_length=255, blank=True)
    province = models.ForeignKey(
        "geo.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    countries = models.ManyToManyField(
        "geo.Country", verbose_name=_("countries involved"), blank=True, related_name="events"
    )
    partners = models.ManyToManyField(
        "partners.Partner", verbose_name=_("partners involved"), blank=True, related_name="events"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    description = models.TextField(_("description"), blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    external_ref = models.CharField(_("external reference"), max_length=100, blank=True)

    objects = LiveManager.from_queryset(EventQuerySet)()
    all_objects = AllManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start", "-id"]
        indexes = [
            # the calendar: a month's events along their start, the end read from the index
            models.Index(fields=["start", "end", "id"], name="event_start_end_idx"),
            models.Index(fields=["organization", "start"], name="event_host_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="event_ends_after_start",
                violation_error_message=_("The event ends before it starts."),
            ),
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~Q(external_ref=""),
                name="event_unique_external_ref",
                violation_error_message=_("Another event already has this external reference."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.start:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("events:event", args=[self.pk])

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def is_delegation(self) -> bool:
        return self.kind in DELEGATION_KINDS

    @property
    def days(self) -> int:
        return ((self.end or self.start) - self.start).days + 1

    def clean(self):
        if not (self.title_vi or self.title_en):
            raise ValidationError({"title_vi": _("Give a title in Vietnamese or in English.")})
        if self.start and self.end:
            if self.end < self.start:
                raise ValidationError({"end": _("The event ends before it starts.")})
            if (self.end - self.start).days >= MAX_EVENT_DAYS:
                raise ValidationError(
                    {"end": _("An event lasts at most %(days)s days.") % {"days": MAX_EVENT_DAYS}}
                )
        if (
            self.start_time
            and self.end_time
            and (self.end or self.start) == self.start
            and self.end_time < self.start_time
        ):
            raise ValidationError({"end_time": _("The event ends before it starts.")})

    def derive_fields(self) -> None:
        # A one-day event ends on its first day: the calendar's range query reads `end` alone.
        if self.start and not self.end:
            self.end = self.start


class EventChild(BaseModel):
    """A record of an event's (bridge point, participant, agenda, document): its scope."""

    scope = Scope(parent="event")
    label_related = ("event",)

    class Meta:
        abstract = True

    def same_event(self, **related) -> None:
        """Refuse related records (a session, a speaker) that belong to another event."""
        for name, record in related.items():
            if record is not None and self.event_id and record.event_id != self.event_id:
                raise ValidationError({name: _("This belongs to another event.")})


def event_fk(related_name):
    return models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name=related_name
    )


class BridgePoint(EventChild):
    """A place connected to an online conference: the central point or a local one."""

    label_related = ("event", "organization")

    event = event_fk("bridge_points")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="event_bridge_points",
    )
    is_central = models.BooleanField(_("central bridge point"), default=False)
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    attendees = models.PositiveIntegerField(_("number of attendees"), default=0)

    class Meta:
        verbose_name = _("bridge point")
        verbose_name_plural = _("bridge points")
        ordering = ["event", "-is_central", "organization__tree_path", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization"],
                name="bridgepoint_unique_event_organization",
                violation_error_message=_("This organization is already a bridge point."),
            ),
            models.UniqueConstraint(
                fields=["event"],
                condition=Q(is_central=True, deleted_at__isnull=True),
                name="bridgepoint_one_central",
                violation_error_message=_("This conference already has a central bridge point."),
            ),
        ]

    def __str__(self):
        return f"{self.organization} — {self.event.title}"

    def get_absolute_url(self):
        return reverse("events:bridgepoint", args=[self.pk])

    def clean(self):
        if self.event_id and self.event.kind != EventKind.ONLINE_CONFERENCE:
            raise ValidationError({"event": _("Only an online conference has bridge points.")})


class Participant(EventChild):
    """Someone at an event: one of our people, a partner's contact, or a named guest."""

    label_related = ("event", "person", "contact")

    event = event_fk("participants")
    person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("our person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_participations",
    )
    contact = models.ForeignKey(
        "partners.Contact",
        verbose_name=_("partner contact"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="event_participations",
    )
    guest_name = models.CharField(_("guest's name"), max_length=200, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    role = models.CharField(
        _("role"), max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.DELEGATE
    )
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.INVITED
    )
    bridge_point = models.ForeignKey(
        BridgePoint,
        verbose_name=_("bridge point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["event", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(person__isnull=False),
                name="participant_unique_person",
                violation_error_message=_("This person is already a participant of the event."),
            ),
            models.UniqueConstraint(
                fields=["event", "contact"],
                condition=Q(contact__isnull=False),
                name="participant_unique_contact",
                violation_error_message=_("This contact is already a participant of the event."),
            ),
            models.UniqueConstraint(
                fields=["event", "guest_name"],
                condition=~Q(guest_name=""),
                name="participant_unique_guest",
                violation_error_message=_("This guest is already a participant of the event."),
            ),
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, contact__isnull=True, guest_name="")
                    | Q(person__isnull=True, contact__isnull=False, guest_name="")
                    | (Q(person__isnull=True, contact__isnull=True) & ~Q(guest_name=""))
                ),
                name="participant_one_kind",
                violation_error_message=_(
                    "Choose one of our people, a partner contact, or give a guest's name."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.name} — {self.event.title}"

    def get_absolute_url(self):
        return reverse("events:participant", args=[self.pk])

    @property
    def name(self) -> str:
        if self.person_id:
            return self.person.full_name
        if self.contact_id:
            return self.contact.full_name
        return self.guest_name

    def clean(self):
        given = [bool(self.person_id), bool(self.contact_id), bool(self.guest_name)]
        if sum(given) != 1:
            raise ValidationError(
                _("Choose one of our people, a partner contact, or give a guest's name.")
            )
        self.same_event(bridge_point=self.bridge_point if self.bridge_point_id else None)


class Topic(EventChild):
    """One of the topics an event discusses (the six topics of the April 2024 conference)."""

    event = event_fk("topics")
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["event", "number", "id"]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_absolute_url(self):
        return reverse("events:topic", args=[self.pk])

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    def clean(self):
        if not (self.title_vi or self.title_en):
            raise ValidationError({"title_vi": _("Give a title in Vietnamese or in English.")})


class Session(EventChild):
    """A session of an event's agenda, on a day and at a time."""

    event = event_fk("sessions")
    title = models.CharField(_("title"), max_length=300)
    day = models.DateField(_("day"), null=True, blank=True)
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["event", "day", "starts_at", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:session", args=[self.pk])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The session ends before it starts.")})
        event = self.event if self.event_id else None
        if event and self.day and not event.start <= self.day <= (event.end or event.start):
            raise ValidationError({"day": _("The day is outside the event's dates.")})
        self.same_event(topic=self.topic if self.topic_id else None)


class Presentation(EventChild):
    """A presentation made at an event: its speaker, session, topic and attachment."""

    event = event_fk("presentations")
    title = models.CharField(_("title"), max_length=300)
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presentations",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presentations",
    )
    speaker = models.ForeignKey(
        Participant,
        verbose_name=_("speaker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presentations",
    )
    attachment = models.FileField(_("attachment"), upload_to="events/presentations/%Y/", blank=True)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["event", "session", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:presentation", args=[self.pk])

    def clean(self):
        self.same_event(
            session=self.session if self.session_id else None,
            topic=self.topic if self.topic_id else None,
            speaker=self.speaker if self.speaker_id else None,
        )


class EventDocument(EventChild):
    """A document or photo of an event: an uploaded file, or a link to where it is kept."""

    event = event_fk("documents")
    kind = models.CharField(
        _("kind"), max_length=10, choices=DocumentKind.choices, default=DocumentKind.DOCUMENT
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="events/documents/%Y/", blank=True)
    link = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("event document")
        verbose_name_plural = _("event documents")
        ordering = ["event", "kind", "id"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:eventdocument", args=[self.pk])

    def clean(self):
        if not (self.file or self.link):
            raise ValidationError({"file": _("Attach a file or give a link.")})


def new_calendar_key() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(TimestampedModel):
    """A user's secret calendar address, for a phone, which cannot log in: whoever holds it reads
    the feed of the events the user may see, and nothing else. Made anew on request, which
    revokes the old one; a credential like an API token, so it keeps no history of its value."""

    user = models.OneToOneField(
        "accounts.User",
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    key = models.CharField(_("key"), max_length=64, default=new_calendar_key, editable=False)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")
        ordering = ["user"]
        constraints = [
            models.UniqueConstraint(fields=["key"], name="calendar_token_unique_key"),
        ]

    def __str__(self):
        return str(_("Calendar address of %(user)s") % {"user": self.user})
