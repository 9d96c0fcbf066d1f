"""Each filter of the aid lists narrows them as it says."""

from datetime import date

from tests.aid import test_models_generic as generic
from tests.aid.test_models_generic import province
from tests.filtersets import Case, FilterSetTestCase

from amity.aid import models
from amity.aid.choices import Lineage
from amity.geo.models import Country
from amity.partners.models import Partner


def set_activity(record, **values):
    models.Activity.all_objects.filter(pk=record.pk).update(**values)


def a_third(self, orgs):
    return self.model_case().make(orgs, orgs.danang, 2)


def spans(a, b):
    set_activity(a, planned_start=date(2010, 1, 1), planned_end=date(2012, 12, 31))
    set_activity(b, planned_start=date(2020, 1, 1), planned_end=date(2022, 12, 31))


def year_from_case(self, orgs, a, b):
    spans(a, b)
    return Case({"year_from": 2019}, [b])


def year_until_case(self, orgs, a, b):
    spans(a, b)
    return Case({"year_until": 2015}, [a])


def province_case(self, orgs, a, b):
    """Today's Dong Thap holds the former Tien Giang: an activity recorded there is in it."""
    c = a_third(self, orgs)
    models.ActivityProvince.objects.create(
        activity=a, province=province("82", current=False), percentage=100
    )
    models.ActivityProvince.objects.create(activity=b, province=province("82"), percentage=100)
    models.ActivityProvince.objects.create(activity=c, province=province("48"), percentage=100)
    return Case({"province": province("82").pk}, [a, b])


def lineage_case(self, orgs, a, b):
    """As recorded, today's Dong Thap is only itself, not the former Tien Giang."""
    c = a_third(self, orgs)
    models.ActivityProvince.objects.create(
        activity=a, province=province("82", current=False), percentage=100
    )
    models.ActivityProvince.objects.create(activity=b, province=province("82"), percentage=100)
    models.ActivityProvince.objects.create(activity=c, province=province("48"), percentage=100)
    return Case({"province": province("82").pk, "lineage": Lineage.AS_RECORDED}, [b])


def sector_group_case(self, orgs, a, b):
    models.ActivitySector.objects.create(activity=a, sector="12240", percentage=60)
    models.ActivitySector.objects.create(activity=a, sector="12220", percentage=40)  # once
    models.ActivitySector.objects.create(activity=b, sector="11220", percentage=100)
    return Case({"sector_group": "120"}, [a])  # health


def sector_case(self, orgs, a, b):
    models.ActivitySector.objects.create(activity=a, sector="12240", percentage=100)
    models.ActivitySector.objects.create(activity=b, sector="12220", percentage=100)
    return Case({"sector": "12240"}, [a])


def donors(a, b):
    laos = Partner.objects.create(
        kind="ngo", name="Lao Friendship", country=Country.objects.get(code="LA")
    )
    cuba = Partner.objects.create(
        kind="ngo", name="Cuba Friendship", country=Country.objects.get(code="CU")
    )
    set_activity(a, reporting_org=laos)
    set_activity(b, reporting_org=cuba)
    return laos, cuba


def region_case(self, orgs, a, b):
    laos, cuba = donors(a, b)
    assert laos.country.region != cuba.country.region
    return Case({"region": laos.country.region}, [a])


def reporting_org_case(self, orgs, a, b):
    laos, _cuba = donors(a, b)
    return Case({"reporting_org": laos.pk}, [a])


def organization_case(self, orgs, a, b):
    """An organization answers for its own activities and those of the organizations under it."""
    c = self.model_case().make(orgs, orgs.hanoi_member, 2)
    return Case({"organization": orgs.hanoi.pk}, [a, c])


class TestActivityFilters(FilterSetTestCase):
    model_case = generic.TestActivity
    cases = {
        "year_from": year_from_case,
        "year_until": year_until_case,
        "province": province_case,
        "lineage": lineage_case,
        "sector_group": sector_group_case,
        "sector": sector_case,
        "region": region_case,
        "reporting_org": reporting_org_case,
        "organization": organization_case,
    }
    not_filtered = {
        "planned_start": "`year_from` and `year_until` filter by the activity's whole span",
        "planned_end": "`year_from` and `year_until` filter by the activity's whole span",
        "actual_start": "`year_from` and `year_until` filter by the activity's whole span",
        "actual_end": "`year_from` and `year_until` filter by the activity's whole span",
        "default_currency": "a convenience for entering transactions, not a criterion",
    }


class TestActivityProvinceFilters(FilterSetTestCase):
    model_case = generic.TestActivityProvince
    links = {"province": lambda record: province("79")}


class TestActivitySectorFilters(FilterSetTestCase):
    model_case = generic.TestActivitySector


class TestParticipatingOrgFilters(FilterSetTestCase):
    model_case = generic.TestParticipatingOrg
    links = {"partner": lambda record: Partner.objects.create(kind="ngo", name="Implementer")}


class TestBudgetFilters(FilterSetTestCase):
    model_case = generic.TestBudget
    not_filtered = {
        "period_start": "an activity's budgets are few: read on its page, by the activity filter",
        "period_end": "an activity's budgets are few: read on its page, by the activity filter",
        "value_date": "the date of the exchange rate, not a criterion",
    }


class TestActivityDocumentFilters(FilterSetTestCase):
    model_case = generic.TestActivityDocument
    not_filtered = {"document_date": "an activity's documents are few: read on its page"}


def unconverted_case(self, orgs, a, b):
    models.Transaction.all_objects.filter(pk=a.pk).update(value_usd=None)
    models.Transaction.all_objects.filter(pk=b.pk).update(value_usd=10, value_vnd=250_000)
    return Case({"unconverted": "true"}, [a])


class TestTransactionFilters(FilterSetTestCase):
    model_case = generic.TestTransaction
    cases = {"unconverted": unconverted_case}
    not_filtered = {
        "provider_org": "the activity's donor is the list's criterion (the activity filter)",
        "value_date": "the date of the exchange rate; `date_from`/`date_until` filter by `date`",
    }


class TestRateFilters(FilterSetTestCase):
    model_case = generic.TestRate


def placed_case(self, orgs, a, b):
    models.UnplacedLocation.all_objects.filter(pk=a.pk).update(province=province("92"))
    return Case({"placed": "false"}, [b])


def unplaced_donor_case(self, orgs, a, b):
    laos, _cuba = donors(a.activity, b.activity)
    return Case({"donor": laos.pk}, [a])


class TestUnplacedLocationFilters(FilterSetTestCase):
    model_case = generic.TestUnplacedLocation
    cases = {"placed": placed_case, "donor": unplaced_donor_case}
    links = {"province": lambda record: province("92")}
    not_filtered = {"publisher_ref": "the donor filter names the publisher; `q` finds the ref"}
