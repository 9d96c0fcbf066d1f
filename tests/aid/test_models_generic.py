"""Each model of the aid domain through the generic view, import/export and API tests."""

from datetime import date, timedelta
from decimal import Decimal

from tests.generic import ModelTestCase

from amity.aid import models, views
from amity.aid.choices import OrganisationRole, TransactionType
from amity.geo.models import Province
from amity.partners.models import Partner

API = "/api/aid"


def donor(index=0):
    return Partner.objects.get_or_create(
        name=f"Friendship Aid Foundation {index}", defaults={"kind": "ngo"}
    )[0]


def activity(owner, index=0, **extra):
    """An activity kept by `owner`, started in 2020."""
    return models.Activity.objects.create(
        iati_identifier=f"XM-TEST-{owner.pk}-{index}",
        reporting_org_ref="XM-TEST",
        reporting_org=donor(index),
        title_vi=f"Dự án nước sạch {index}",
        organization=owner,
        planned_start=date(2020, 1, 1),
        **extra,
    )


def province(code, current=True):
    return Province.objects.get(code=code, is_current=current)


class TestActivity(ModelTestCase):
    views = views.ActivityViews
    api_url = f"{API}/activities/"
    edit_field = "title_en"
    edit_value = "Clean water for schools"
    bad_import = {"status": "9"}
    api_bad_data = {"status": "9"}

    def build(self, orgs, owner, index=0):
        return models.Activity(
            iati_identifier=f"XM-BUILD-{owner.pk}-{index}",
            reporting_org_ref="XM-BUILD",
            reporting_org=donor(),
            title_vi=f"Hoạt động {index}",
            organization=owner,
            planned_start=date(2021, 1, 1),
        )

    def form_data(self, orgs):
        self.donor = getattr(self, "donor", None) or donor(7)
        hanoi, danang = province("01"), province("48")
        return {
            "iati_identifier": "GB-CHC-202918-VN-0042",
            "reporting_org": self.donor.pk,
            "reporting_org_ref": "GB-CHC-202918",
            "title_vi": "Nước sạch cho trường học",
            "kind": "project",
            "status": "2",
            "planned_start": "01/03/2022",
            "organization": orgs.hanoi.pk,
            "default_currency": "EUR",
            "provinces": f"{hanoi.code}:60; {danang.code}:40",
            "sectors": "14030:100",
        }

    def api_data(self, orgs):
        data = self.form_data(orgs)
        return {
            **data,
            "planned_start": "2022-03-01",
            "provinces": [
                {"province": province("01").pk, "percentage": "60"},
                {"province": province("48").pk, "percentage": "40"},
            ],
            "sectors": [{"sector": "14030", "percentage": "100"}],
        }

    def expected(self, orgs):
        return {
            "iati_identifier": "GB-CHC-202918-VN-0042",
            "reporting_org": self.donor,
            "organization": orgs.hanoi,
            "planned_start": date(2022, 3, 1),
            "default_currency": "EUR",
        }


class TestActivityProvince(ModelTestCase):
    views = views.ActivityProvinceViews
    api_url = f"{API}/activity-provinces/"
    edit_field = "province"
    bad_import = {"percentage": "150"}
    api_bad_data = {"percentage": "60"}

    @property
    def edit_value(self):
        return province("79").pk

    @property
    def edit_expected(self):
        return province("79")

    def build(self, orgs, owner, index=0):
        return models.ActivityProvince(
            activity=activity(owner, 100 + index), province=province("01"), percentage=100
        )

    def form_data(self, orgs):
        self.activity = getattr(self, "activity", None) or activity(orgs.hanoi, 90)
        return {"activity": self.activity.pk, "province": province("56").pk, "percentage": "100"}

    def expected(self, orgs):
        return {"activity": self.activity, "province": province("56"), "percentage": Decimal("100")}


class TestActivitySector(ModelTestCase):
    views = views.ActivitySectorViews
    api_url = f"{API}/activity-sectors/"
    edit_field = "sector"
    edit_value = "12220"
    bad_import = {"sector": "99999"}
    api_bad_data = {"sector": "1"}

    def build(self, orgs, owner, index=0):
        return models.ActivitySector(
            activity=activity(owner, 100 + index), sector="12240", percentage=100
        )

    def form_data(self, orgs):
        self.activity = getattr(self, "activity", None) or activity(orgs.hanoi, 91)
        return {"activity": self.activity.pk, "sector": "11220", "percentage": "100"}

    def expected(self, orgs):
        return {"activity": self.activity, "sector": "11220", "percentage": Decimal("100")}


class TestParticipatingOrg(ModelTestCase):
    views = views.ParticipatingOrgViews
    api_url = f"{API}/participating-organizations/"
    edit_field = "role"
    edit_value = OrganisationRole.IMPLEMENTING
    bad_import = {"role": "7"}
    api_bad_data = {"role": "7"}

    def build(self, orgs, owner, index=0):
        return models.ParticipatingOrg(
            activity=activity(owner, 100 + index), partner=donor(), role=OrganisationRole.FUNDING
        )

    def form_data(self, orgs):
        self.activity = getattr(self, "activity", None) or activity(orgs.hanoi, 92)
        return {
            "activity": self.activity.pk,
            "partner": donor(3).pk,
            "role": "3",
            "ref": "XM-DAC-41114",
        }

    def expected(self, orgs):
        return {"activity": self.activity, "partner": donor(3), "role": "3"}


class TestBudget(ModelTestCase):
    views = views.BudgetViews
    api_url = f"{API}/budgets/"
    edit_field = "value"
    edit_value = "25000.00"
    edit_expected = Decimal("25000.00")
    bad_import = {"period_end": "2030-12-31"}
    api_bad_data = {"value": "-5"}

    def build(self, orgs, owner, index=0):
        return models.Budget(
            activity=activity(owner, 100 + index),
            period_start=date(2022, 1, 1),
            period_end=date(2022, 12, 31),
            value=Decimal("10000"),
            currency="USD",
            value_date=date(2022, 1, 1),
        )

    def form_data(self, orgs):
        self.activity = getattr(self, "activity", None) or activity(orgs.hanoi, 93)
        return {
            "activity": self.activity.pk,
            "budget_type": "1",
            "status": "2",
            "period_start": "2023-01-01",
            "period_end": "2023-12-31",
            "value": "50000",
            "currency": "EUR",
            "value_date": "2023-01-01",
        }

    def expected(self, orgs):
        return {
            "activity": self.activity,
            "value": Decimal("50000"),
            "currency": "EUR",
            "period_end": date(2023, 12, 31),
        }


class TestActivityDocument(ModelTestCase):
    views = views.ActivityDocumentViews
    api_url = f"{API}/activity-documents/"
    edit_field = "title"
    edit_value = "Báo cáo đánh giá giữa kỳ"
    bad_import = {"category": "Z99"}
    api_bad_data = {"url": "not a url"}

    def build(self, orgs, owner, index=0):
        return models.ActivityDocument(
            activity=activity(owner, 100 + index),
            title=f"Văn kiện {index}",
            url="https://example.org/doc.pdf",
            category="A09",
        )

    def form_data(self, orgs):
        self.activity = getattr(self, "activity", None) or activity(orgs.hanoi, 94)
        return {
            "activity": self.activity.pk,
            "title": "Biên bản ghi nhớ",
            "url": "https://example.org/mou.pdf",
            "category": "A09",
            "language": "vi",
        }

    def expected(self, orgs):
        return {"activity": self.activity, "title": "Biên bản ghi nhớ", "category": "A09"}


class TestTransaction(ModelTestCase):
    views = views.TransactionViews
    api_url = f"{API}/transactions/"
    edit_field = "description"
    edit_value = "Đợt giải ngân thứ hai"
    bad_import = {"value": "-100"}
    api_bad_data = {"date": "2019-06-01"}  # a disbursement before the activity starts
    # converted by the transaction's writer on every write path (a record built here is not)
    derived_fields = ("value_usd", "value_vnd")

    def build(self, orgs, owner, index=0):
        return models.Transaction(
            activity=activity(owner, 100 + index),
            transaction_type=TransactionType.DISBURSEMENT,
            date=date(2022, 5, 1),
            value=Decimal("1000"),
            currency="USD",
        )

    def form_data(self, orgs):
        self.activity = getattr(self, "activity", None) or activity(orgs.hanoi, 95)
        return {
            "activity": self.activity.pk,
            "transaction_type": "3",
            "date": "15/06/2022",
            "value": "12500.50",
            "currency": "USD",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "date": "2022-06-15"}

    def expected(self, orgs):
        return {
            "activity": self.activity,
            "date": date(2022, 6, 15),
            "value": Decimal("12500.50"),
            "value_date": date(2022, 6, 15),
            "value_usd": Decimal("12500.50"),
        }


class TestRate(ModelTestCase):
    views = views.RateViews
    api_url = f"{API}/rates/"
    edit_field = "source"
    edit_value = "Ngân hàng Nhà nước Việt Nam"
    bad_import = {"currency": "XYZ"}
    api_bad_data = {"currency": "XYZ"}

    def build(self, orgs, owner, index=0):
        day = date(2000, 1, 1) + timedelta(days=index)
        return models.Rate(
            organization=owner, currency="EUR", date=day, usd_per_unit=Decimal("1.1") + index
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "currency": "JPY",
            "date": "01/01/2024",
            "vnd_per_unit": "165.5",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "date": "2024-01-01"}

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "currency": "JPY",
            "date": date(2024, 1, 1),
            "vnd_per_unit": Decimal("165.5"),
            "usd_per_unit": None,
        }


class TestUnplacedLocation(ModelTestCase):
    views = views.UnplacedLocationViews
    api_url = f"{API}/unplaced-locations/"
    edit_field = "place_text"
    edit_value = "Vùng núi phía Bắc"
    bad_import = {"reason": "somewhere"}
    api_bad_data = {"reason": "somewhere"}
    derived_fields = ("place_key",)  # the place as written, compared without case or diacritics

    def build(self, orgs, owner, index=0):
        return models.UnplacedLocation(
            activity=activity(owner, 100 + index),
            publisher_ref="XM-TEST",
            place_text=f"Northern region {index}",
            reason="unknown_name",
        )

    def form_data(self, orgs):
        self.activity = getattr(self, "activity", None) or activity(orgs.hanoi, 95)
        return {
            "activity": self.activity.pk,
            "place_text": "Mekong Delta",
            "reason": "unknown_name",
            "publisher_ref": "XM-TEST",
            "province": province("92").pk,
        }

    def expected(self, orgs):
        # The province chosen places the activity there (the writer, on every write path).
        assert [s.province.code for s in self.activity.province_shares.all()] == ["92"]
        return {
            "activity": self.activity,
            "place_text": "Mekong Delta",
            "place_key": "mekong delta",
            "province": province("92"),
        }
