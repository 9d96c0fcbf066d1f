"""Records of every domain the overview reads, dated in a chosen year, for its tests."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from amity.aid import services as aid_services
from amity.aid.models import Activity, ActivityProvince, ActivitySector, Transaction
from amity.emulation.models import Cluster
from amity.events.models import Event
from amity.geo.models import Country, Province
from amity.partners.models import Partner, RelationshipHolder
from amity.proposals.choices import AnswerState, ProposalSource
from amity.proposals.models import Proposal, Topic


def partner(name, country="US", *, since=None, status="active", kind="ngo", holder=None):
    made = Partner.objects.create(
        kind=kind,
        name=name,
        country=Country.objects.get(code=country),
        relationship_since=since,
        status=status,
    )
    if holder is not None:
        RelationshipHolder.objects.create(partner=made, organization=holder)
    return made


def activity(owner, identifier, donor, start, end=None, province="01", sector="12220"):
    made = Activity.objects.create(
        iati_identifier=identifier,
        reporting_org=donor,
        reporting_org_ref=identifier.split("-")[0],
        title_vi=identifier,
        organization=owner,
        planned_start=start,
        planned_end=end,
    )
    place = Province.objects.get(code=province, is_current=True)
    ActivityProvince.objects.create(activity=made, province=place, percentage=100)
    ActivitySector.objects.create(activity=made, sector=sector, percentage=100)
    return made


def flow(of, kind, day, value):
    """A transaction in USD ("2" committed, "3" disbursed), converted by its writer."""
    made = Transaction(
        activity=of, transaction_type=kind, date=day, value=Decimal(value), currency="USD"
    )
    return aid_services.write(made, None)


def event(owner, kind, start, status="held", title="Sự kiện"):
    return Event.objects.create(
        kind=kind, title_vi=title, start=start, organization=owner, status=status
    )


def proposal(orgs, owner, raised_on, *, due_on=None, published_on=None, by=None, title="Kiến nghị"):
    published = None
    if published_on is not None:
        published = timezone.make_aware(datetime.combine(published_on, datetime.min.time()))
    return Proposal.objects.create(
        organization=owner,
        raised_on=raised_on,
        source=ProposalSource.LETTER,
        topic=Topic.objects.get(code="charter"),
        title=title,
        text="…",
        addressed_to=orgs.department,
        due_on=due_on,
        answer_state=AnswerState.PUBLISHED if published else AnswerState.NONE,
        answer_published_at=published,
        answer_approved_by=by if published else None,
        answer_approved_at=published,
    )


def cluster(owner, members, year=2025, name="Cụm các thành phố"):
    made = Cluster.objects.create(organization=owner, year=year, name=name)
    made.members.set(members)
    return made


def day(year, month=6, day_=15):
    return date(year, month, day_)
