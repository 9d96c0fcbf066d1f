"""Records of the training app for the tests, owned by a given organization. Courses lie in
the future (their deadline 30 days ahead, their first day 60), so that they take nominations."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from amity.organizations.models import Person
from amity.training import models
from amity.training.choices import CourseStatus, NominationState

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TODAY = timezone.localdate()
DEADLINE = TODAY + timedelta(days=30)
START = TODAY + timedelta(days=60)
END = START + timedelta(days=4)


def at(day, hour, minute=0) -> datetime:
    """A moment of `day` in the site's time zone."""
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def programme(owner, index=0, **values):
    fields = {
        "organization": owner,
        "title_vi": f"Chương trình bồi dưỡng cán bộ {index}",
        "target_group": "local_leaders",
        "required_hours": 40,
        **values,
    }
    return models.Programme.objects.create(**fields)


def module(programme_, order=1, **values):
    fields = {
        "programme": programme_,
        "order": order,
        "topic": "protocol",
        "title_vi": f"Lễ tân đối ngoại {order}",
        "hours": 8,
        **values,
    }
    return models.Module.objects.create(**fields)


def course(owner, index=0, **values):
    fields = {
        "programme": values.pop("programme", None) or programme(owner, index),
        "organization": owner,
        "title_vi": f"Khóa bồi dưỡng {index}",
        "starts_on": START,
        "ends_on": END,
        "place": "Hà Nội",
        "capacity": 30,
        "nomination_deadline": DEADLINE,
        "status": CourseStatus.OPEN,
        **values,
    }
    return models.Course.objects.create(**fields)


def quota(course_, organization, places=2):
    return models.Quota.objects.create(course=course_, organization=organization, places=places)


def person(owner, index=0, name=None):
    return Person.objects.create(full_name=name or f"Nguyễn Văn {index}", organization=owner)


def nomination(owner, index=0, state=NominationState.CONFIRMED, course_=None, person_=None):
    return models.Nomination.objects.create(
        course=course_ or course(owner, index),
        person=person_ or person(owner, index),
        organization=owner,
        state=state,
    )


def session(course_, day=None, hour=8, hours=2, **values):
    day = day or course_.starts_on
    return models.Session.objects.create(
        course=course_, starts_at=at(day, hour), ends_at=at(day, hour + hours), **values
    )


def pdf(name="bai-giang.pdf"):
    return ContentFile(PDF, name=name)


def pdf_upload(name="bai-giang.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PDF, content_type="application/pdf")
