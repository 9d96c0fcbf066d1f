"""Each model of the events through the generic view, import/export and API tests."""

from datetime import date, time

from django.db.models import FileField

from amity.events import models, views
from amity.events.choices import Attendance, DocumentKind, EventKind, ParticipantRole
from tests.events.factories import event, person
from tests.generic import ModelTestCase

API = "/api/events"


class WithFiles:
    """A form with a file field: the post leaves the file as it is (an empty file input)."""

    def current_form_values(self, record):
        values = super().current_form_values(record)
        for field in record._meta.fields:
            if isinstance(field, FileField):
                values.pop(field.name, None)
        return values


class TestEvent(ModelTestCase):
    views = views.EventViews
    api_url = f"{API}/events/"
    edit_field = "place"
    edit_value = "Nhà hữu nghị, 105A Quán Thánh, Hà Nội"
    bad_import = {"end": "2000-01-01"}  # ends before it starts
    api_bad_data = {"end": "2000-01-01"}

    def build(self, orgs, owner, index=0):
        return models.Event(
            kind=EventKind.WORKING_MEETING,
            title_vi=f"Họp giao ban {index}",
            start=date(2024, 5, 1 + index % 28),
            organization=owner,
        )

    def form_data(self, orgs):
        return {
            "kind": EventKind.CONFERENCE,
            "title_vi": "Hội nghị tổng kết năm 2024",
            "title_en": "2024 review conference",
            "start": "2024-12-20",
            "start_time": "08:00",
            "organization": orgs.hanoi.pk,
            "status": "planned",
        }

    def expected(self, orgs):
        return {
            "kind": EventKind.CONFERENCE,
            "title_en": "2024 review conference",
            "start": date(2024, 12, 20),
            "end": date(2024, 12, 20),  # a one-day event ends on its first day
            "start_time": time(8, 0),
            "organization": orgs.hanoi,
        }


class TestBridgePoint(ModelTestCase):
    views = views.BridgePointViews
    api_url = f"{API}/bridge-points/"
    edit_field = "attendees"
    edit_value = 42
    bad_import = {"attendees": "-5"}
    api_bad_data = {"attendees": -5}

    def build(self, orgs, owner, index=0):
        return models.BridgePoint(event=event(owner, index), organization=owner, attendees=10)

    def form_data(self, orgs):
        self.event = getattr(self, "event", None) or event(orgs.hanoi, 90)
        return {
            "event": self.event.pk,
            "organization": orgs.hanoi_member.pk,
            "place": "Hội trường Liên hiệp",
            "attendees": 25,
        }

    def expected(self, orgs):
        return {"event": self.event, "organization": orgs.hanoi_member, "attendees": 25}


class TestParticipant(ModelTestCase):
    views = views.ParticipantViews
    api_url = f"{API}/participants/"
    edit_field = "attendance"
    edit_value = Attendance.ATTENDED
    bad_import = {"role": "boss"}
    api_bad_data = {"role": "boss"}

    def build(self, orgs, owner, index=0):
        return models.Participant(event=event(owner, index), guest_name=f"Khách mời {index}")

    def form_data(self, orgs):
        self.event = getattr(self, "event", None) or event(orgs.hanoi, 91)
        self.person = getattr(self, "person", None) or person(orgs.hanoi)
        return {
            "event": self.event.pk,
            "person": self.person.pk,
            "role": ParticipantRole.SPEAKER,
            "attendance": Attendance.CONFIRMED,
        }

    def expected(self, orgs):
        return {"event": self.event, "person": self.person, "role": ParticipantRole.SPEAKER}


class TestTopic(ModelTestCase):
    views = views.TopicViews
    api_url = f"{API}/topics/"
    edit_field = "title_en"
    edit_value = "Training of officials"
    bad_import = {"number": "abc"}
    api_bad_data = {"number": -1}

    def build(self, orgs, owner, index=0):
        return models.Topic(event=event(owner, index), number=1, title_vi="Tên gọi của hệ thống")

    def form_data(self, orgs):
        self.event = getattr(self, "event", None) or event(orgs.hanoi, 92)
        return {"event": self.event.pk, "number": 3, "title_vi": "Công tác đào tạo cán bộ"}

    def expected(self, orgs):
        return {"event": self.event, "number": 3, "title_vi": "Công tác đào tạo cán bộ"}


class TestSession(ModelTestCase):
    views = views.SessionViews
    api_url = f"{API}/sessions/"
    edit_field = "title"
    edit_value = "Phiên thảo luận chiều"
    bad_import = {"day": "tomorrow"}
    api_bad_data = {"day": "tomorrow"}

    def build(self, orgs, owner, index=0):
        return models.Session(event=event(owner, index), title=f"Phiên {index}")

    def form_data(self, orgs):
        self.event = getattr(self, "event", None) or event(orgs.hanoi, 93)
        return {
            "event": self.event.pk,
            "title": "Phiên khai mạc",
            "day": "2024-04-19",
            "starts_at": "08:00",
            "ends_at": "09:30",
        }

    def expected(self, orgs):
        return {"event": self.event, "title": "Phiên khai mạc", "ends_at": time(9, 30)}


class TestPresentation(WithFiles, ModelTestCase):
    views = views.PresentationViews
    api_url = f"{API}/presentations/"
    edit_field = "title"
    edit_value = "Báo cáo về công tác thi đua, khen thưởng"
    bad_import = {"title": ""}
    api_bad_data = {"title": ""}

    def build(self, orgs, owner, index=0):
        return models.Presentation(event=event(owner, index), title=f"Tham luận {index}")

    def form_data(self, orgs):
        self.event = getattr(self, "event", None) or event(orgs.hanoi, 94)
        return {"event": self.event.pk, "title": "Tham luận của Đà Nẵng"}

    def expected(self, orgs):
        return {"event": self.event, "title": "Tham luận của Đà Nẵng"}


class TestEventDocument(WithFiles, ModelTestCase):
    views = views.EventDocumentViews
    api_url = f"{API}/event-documents/"
    edit_field = "title"
    edit_value = "Biên bản hội nghị"
    bad_import = {"kind": "video"}
    api_bad_data = {"kind": "video"}

    def build(self, orgs, owner, index=0):
        return models.EventDocument(
            event=event(owner, index), title=f"Tài liệu {index}", link="https://example.org/a.pdf"
        )

    def form_data(self, orgs):
        self.event = getattr(self, "event", None) or event(orgs.hanoi, 95)
        return {
            "event": self.event.pk,
            "kind": DocumentKind.PHOTO,
            "title": "Ảnh điểm cầu trung tâm",
            "link": "https://intranet.example.org/photos/2024-04-19",
        }

    def expected(self, orgs):
        return {"event": self.event, "kind": DocumentKind.PHOTO}
