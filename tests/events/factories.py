"""Events and their records for the tests, owned by a given organization."""

from datetime import date

from amity.events import models
from amity.events.choices import EventKind
from amity.organizations.models import Person


def event(owner, index=0, **extra):
    fields = {
        "kind": EventKind.ONLINE_CONFERENCE,
        "title_vi": f"Hội nghị trực tuyến {index}",
        "start": date(2024, 4, 19),
        "organization": owner,
        **extra,
    }
    return models.Event.objects.create(**fields)


def person(owner, name="Nguyễn Văn An"):
    return Person.objects.create(full_name=name, organization=owner)
