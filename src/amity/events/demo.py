"""The demo data set of events: the online conference of 19 April 2024 between the central Union
and the 52 provincial Unions (its bridge points, participants, six topics and presentations), and
a year of other events up to the month after the day it is loaded — delegations received and
sent, receptions, meetings, ceremonies.

Everything here is invented for demonstration except what the published articles say of the
April 2024 conference (the date, 52 local bridge points, more than 500 delegates, six topics),
and marked: every event has "[demo]" in its notes and an `external_ref` "demo-ev-NNN". It builds on
the registry's and the partner database's demo sets, loaded before it.
"""

import random
from datetime import date, time, timedelta

from django.core.management.base import CommandError

from amity.core.demo_dates import demo_today, month_start
from amity.events.choices import Attendance, EventKind, EventStatus, ParticipantRole
from amity.events.models import BridgePoint, Event, Participant, Presentation, Session, Topic
from amity.organizations.choices import OrganizationKind
from amity.organizations.models import Organization, Person
from amity.partners.models import Partner

SEED = 2024
MARK = "[demo]"
REF_PREFIX = "demo-ev-"
CONFERENCE_DAY = date(2024, 4, 19)
OTHER_EVENTS = 120
#: the other events fall in the year before the day the set is loaded and up to the end of the
#: next month: held ones in the past, planned ones this month and next, two of them today
MONTHS_BACK = 12
TODAY_EVENTS = 2

#: the six topics of the April 2024 conference, as the articles name them
TOPICS = [
    (
        "Tên gọi của hệ thống Liên hiệp các tổ chức hữu nghị Việt Nam",
        "The name of the Viet Nam Union of Friendship Organizations system",
    ),
    (
        "Điều lệ, định hướng công tác, phối hợp trong hệ thống và với các đối tác",
        "Charter, work orientation, coordination within the system and with its partners",
    ),
    ("Công tác đào tạo, bồi dưỡng cán bộ", "Training of officials"),
    ("Công tác thi đua, khen thưởng", "Emulation and reward work"),
    (
        "Phối hợp giữa Liên hiệp và các bộ, ban, ngành",
        "Coordination between the Union and ministries, departments and agencies",
    ),
    ("Thể chế hóa văn bản, quy định của Đảng", "Institutionalising the Party's documents"),
]

#: the proposals the articles quote, as presentations: (union's external_ref, topic, title)
PRESENTATIONS = [
    ("demo-org-danang", 6, "Sớm thể chế hóa Quyết định số 118-QĐ/TW ngày 22/8/2023 của Ban Bí thư"),
    ("demo-org-binhduong", 1, "Thống nhất mô hình tổ chức, tên gọi và nhận diện của hệ thống"),
    ("demo-org-hochiminh", 2, "Phối hợp trong hệ thống và với các đối tác nước ngoài"),
    ("demo-org-dongnai", 3, "Bồi dưỡng nghiệp vụ đối ngoại nhân dân cho cán bộ cơ sở"),
    ("demo-org-dongthap", 4, "Khen thưởng cho bạn bè quốc tế có đóng góp cho địa phương"),
    ("demo-org-hanoi", 5, "Phối hợp với Sở Ngoại vụ trong tiếp đón đoàn vào"),
]

#: the Union presidents the articles name
SPEAKERS = {"demo-org-danang": "Nguyễn Ngọc Bình", "demo-org-binhduong": "Trần Thị Kim Vân"}

#: (kind, Vietnamese title pattern, English title pattern, weight)
OTHER_KINDS = [
    (EventKind.INCOMING_DELEGATION, "Đón đoàn {partner}", "Receiving a delegation of {partner}", 5),
    (EventKind.OUTGOING_DELEGATION, "Đoàn công tác thăm {country}", "Delegation to {country}", 3),
    (EventKind.RECEPTION, "Tiếp xã giao {partner}", "Courtesy reception of {partner}", 4),
    (EventKind.WORKING_MEETING, "Làm việc với {partner}", "Working meeting with {partner}", 4),
    (
        EventKind.CEREMONY,
        "Lễ kỷ niệm quan hệ hữu nghị với {country}",
        "Ceremony for the friendship with {country}",
        2,
    ),
    (
        EventKind.EXCHANGE,
        "Giao lưu hữu nghị với {country}",
        "Friendship exchange with {country}",
        2,
    ),
    (
        EventKind.CONFERENCE,
        "Hội nghị về công tác phi chính phủ nước ngoài",
        "Conference on foreign NGO affairs",
        1,
    ),
]


class EventsDemo:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.number = 0
        self.central = Organization.objects.get(external_ref="demo-org-vufo")
        self.unions = list(
            Organization.objects.filter(
                kind=OrganizationKind.PROVINCIAL_UNION, external_ref__startswith="demo-org-"
            )
            .exclude(external_ref__endswith="-2025")
            .order_by("name")
        )
        self.partners = list(
            Partner.objects.filter(notes__contains=MARK).select_related("country")[:400]
        )
        self.first_person = {}
        for person in Person.objects.filter(organization__in=[self.central, *self.unions]):
            self.first_person.setdefault(person.organization_id, person)

    def ref(self) -> str:
        self.number += 1
        return f"{REF_PREFIX}{self.number:03d}"

    def conference(self) -> Event:
        event = Event.objects.create(
            kind=EventKind.ONLINE_CONFERENCE,
            title_vi="Hội nghị trực tuyến Liên hiệp các tổ chức hữu nghị Việt Nam với "
            "52 Liên hiệp các tổ chức hữu nghị tỉnh, thành phố",
            title_en="Online conference of VUFO with the 52 provincial Unions",
            start=CONFERENCE_DAY,
            start_time=time(8, 0),
            end_time=time(11, 30),
            organization=self.central,
            is_online=True,
            place="105A Quán Thánh, Ba Đình, Hà Nội (điểm cầu trung tâm)",
            status=EventStatus.HELD,
            description="Thông tin kết quả, kế hoạch triển khai nhiệm vụ trọng tâm năm 2024; "
            "trao đổi về 6 chuyên đề.",
            minutes="Các đại biểu thảo luận 6 chuyên đề; Chủ tịch Liên hiệp trả lời các kiến nghị.",
            external_ref=self.ref(),
            notes=MARK,
        )
        topics = [
            Topic.objects.create(event=event, number=number, title_vi=vi, title_en=en, notes=MARK)
            for number, (vi, en) in enumerate(TOPICS, start=1)
        ]
        opening = Session.objects.create(
            event=event,
            title="Khai mạc và báo cáo kết quả quý I/2024",
            day=CONFERENCE_DAY,
            starts_at=time(8, 0),
            ends_at=time(9, 0),
            notes=MARK,
        )
        discussion = Session.objects.create(
            event=event,
            title="Thảo luận 6 chuyên đề",
            day=CONFERENCE_DAY,
            starts_at=time(9, 0),
            ends_at=time(11, 30),
            notes=MARK,
        )
        points = {}
        for organization in [self.central, *self.unions]:
            central = organization == self.central
            points[organization.external_ref] = BridgePoint.objects.create(
                event=event,
                organization=organization,
                is_central=central,
                place=organization.address or str(organization),
                attendees=(45 if central else self.rng.randint(6, 14)),
                chair=self.first_person.get(organization.pk),
                notes=MARK,
            )
        for point in points.values():
            # a Union without an official recorded in the demo registry sends a named leader
            who = (
                {"person": point.chair}
                if point.chair
                else {
                    "guest_name": SPEAKERS.get(
                        point.organization.external_ref, f"Lãnh đạo {point.organization.name}"
                    )
                }
            )
            role = ParticipantRole.CHAIR if point.is_central else ParticipantRole.DELEGATE
            Participant.objects.create(
                event=event,
                role=role,
                attendance=Attendance.ATTENDED,
                bridge_point=point,
                affiliation=point.organization.name,
                notes=MARK,
                **who,
            )
        Presentation.objects.create(
            event=event,
            session=opening,
            title="Báo cáo kết quả và nhiệm vụ trọng tâm năm 2024",
            speaker=event.participants.filter(role=ParticipantRole.CHAIR).first(),
            notes=MARK,
        )
        for ref, number, title in PRESENTATIONS:
            point = points.get(ref)
            speaker = point and event.participants.filter(bridge_point=point).first()
            if speaker:
                speaker.role = ParticipantRole.SPEAKER
                speaker.save()
            Presentation.objects.create(
                event=event,
                session=discussion,
                topic=topics[number - 1],
                title=title,
                speaker=speaker or None,
                notes=MARK,
            )
        return event

    def other_events(self) -> None:
        kinds = [row for row in OTHER_KINDS for _ in range(row[3])]
        hosts = [self.central] * 4 + [
            union
            for union in self.unions
            if union.external_ref
            in ("demo-org-hanoi", "demo-org-danang", "demo-org-hochiminh", "demo-org-haiphong")
        ]
        today = demo_today()
        first, last = month_start(today, -MONTHS_BACK), month_start(today, 2) - timedelta(days=1)
        for number in range(OTHER_EVENTS):
            kind, title_vi, title_en, _weight = self.rng.choice(kinds)
            partner = self.rng.choice(self.partners) if self.partners else None
            country = partner.country if partner and partner.country_id else None
            # each title names the partner and the country in its own language (the command
            # runs in English, so what they print would be English in a Vietnamese title)
            names_vi = {
                "partner": partner.name_in("vi") if partner else "",
                "country": country.name_vi if country else "",
            }
            names_en = {
                "partner": partner.name_in("en") if partner else "",
                "country": country.name_en if country else "",
            }
            start = first + timedelta(days=self.rng.randint(0, (last - first).days))
            if number < TODAY_EVENTS:
                start = today  # the calendar's "today" is never empty
            days = (
                self.rng.choice([0, 0, 0, 1, 2, 4])
                if kind in (EventKind.INCOMING_DELEGATION, EventKind.OUTGOING_DELEGATION)
                else 0
            )
            host = self.rng.choice(hosts)
            event = Event.objects.create(
                kind=kind,
                title_vi=title_vi.format(**names_vi),
                title_en=title_en.format(**names_en),
                start=start,
                end=start + timedelta(days=days),
                start_time=time(self.rng.choice([8, 9, 14, 15]), 0),
                organization=host,
                place=host.address,
                status=(EventStatus.HELD if start < today else EventStatus.PLANNED),
                external_ref=self.ref(),
                notes=MARK,
            )
            if partner:
                event.partners.add(partner)
            if country:
                event.countries.add(country)

    def run(self) -> None:
        self.conference()
        self.other_events()


def load(stdout) -> dict[str, int]:
    """Write the events demo data set; print and return what it made."""
    if Event.all_objects.filter(external_ref__startswith=REF_PREFIX).exists():
        raise CommandError("The events demo data set is already loaded.")
    EventsDemo().run()
    counts = count()
    for label, number in counts.items():
        stdout.write(f"  {label}: {number}\n")
    return counts


def count() -> dict[str, int]:
    events = Event.all_objects.filter(external_ref__startswith=REF_PREFIX)
    return {
        "events": events.count(),
        "bridge points": BridgePoint.objects.filter(event__in=events).count(),
        "participants": Participant.objects.filter(event__in=events).count(),
        "presentations": Presentation.objects.filter(event__in=events).count(),
    }
