"""Each model of the reporting domain through the generic view, import/export and API tests.

Design records (indicators, forms, versions, sections, periods, rules, reopenings) belong to the
organization that designs the form; submissions, values and comments to the one that reports.
"""

from datetime import date
from decimal import Decimal

from amity.reporting import models, views
from tests.generic import ModelTestCase
from tests.reporting.factories import Designs, indicator, period

API = "/api/reporting"


class DesignCase:
    """Per test, the designs that the records under test hang on."""

    @property
    def designs(self):
        if not hasattr(self, "_designs"):
            self._designs = Designs()
        return self._designs


class TestIndicator(DesignCase, ModelTestCase):
    views = views.IndicatorViews
    api_url = f"{API}/indicators/"
    edit_field = "unit"
    edit_value = "người"
    bad_import = {"type": "alien"}
    api_bad_data = {"type": "alien"}

    def build(self, orgs, owner, index=0):
        return models.Indicator(
            organization=owner, code=f"IND-{index}", name=f"Số {index}", type="integer"
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "code": "HN-1",
            "name": "Số đoàn vào",
            "type": "integer",
            "aggregation": "sum",
            "minimum": "0",
        }

    def expected(self, orgs):
        return {"organization": orgs.hanoi, "code": "HN-1", "minimum": Decimal(0)}


class TestForm(DesignCase, ModelTestCase):
    views = views.FormViews
    api_url = f"{API}/forms/"
    edit_field = "name_en"
    edit_value = "Half-year report"
    bad_import = {"assigned_kinds": "alien"}
    api_bad_data = {"assigned_kinds": "alien"}

    def build(self, orgs, owner, index=0):
        return models.Form(organization=owner, code=f"FORM-{index}", name=f"Báo cáo {index}")

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "code": "HN-6T",
            "name": "Báo cáo 6 tháng",
            "assigned_kinds": "local_member",
        }

    def expected(self, orgs):
        return {"organization": orgs.hanoi, "code": "HN-6T", "kind_list": ["local_member"]}


class TestFormVersion(DesignCase, ModelTestCase):
    views = views.FormVersionViews
    api_url = f"{API}/form-versions/"
    edit_field = "number"
    edit_value = 9
    bad_import = {"number": "abc"}
    api_bad_data = {"number": "abc"}

    def build(self, orgs, owner, index=0):
        return models.FormVersion(form=self.designs.of(owner).form, number=index + 2)

    def form_data(self, orgs):
        self.form = self.designs.of(orgs.hanoi).form
        return {"form": self.form.pk, "number": 5}

    def expected(self, orgs):
        return {"form": self.form, "number": 5, "status": "draft"}


class TestSection(DesignCase, ModelTestCase):
    views = views.SectionViews
    api_url = f"{API}/form-sections/"
    edit_field = "title"
    edit_value = "Công tác nhân dân"
    bad_import = {"kind": "alien"}
    api_bad_data = {"kind": "alien"}

    def build(self, orgs, owner, index=0):
        return models.Section(
            form_version=self.designs.of(owner).version, order=index + 2, title=f"Phần {index}"
        )

    def form_data(self, orgs):
        self.version = self.designs.of(orgs.hanoi).version
        return {
            "form_version": self.version.pk,
            "order": 3,
            "title": "Viện trợ",
            "kind": "indicators",
        }

    def expected(self, orgs):
        return {"form_version": self.version, "order": 3, "title": "Viện trợ"}


class TestSectionItem(DesignCase, ModelTestCase):
    views = views.SectionItemViews
    api_url = f"{API}/section-items/"
    edit_field = "order"
    edit_value = 7
    bad_import = {"order": "abc"}
    api_bad_data = {"order": "abc"}

    def build(self, orgs, owner, index=0):
        design = self.designs.of(owner)
        item = indicator(owner, f"SI-{owner.pk}-{index}")
        return models.SectionItem(section=design.sections[0], indicator=item, order=index + 2)

    def form_data(self, orgs):
        design = self.designs.of(orgs.hanoi)
        self.section = design.sections[0]
        self.indicator = getattr(self, "indicator", None) or indicator(orgs.hanoi, "NEW")
        return {
            "section": self.section.pk,
            "indicator": self.indicator.pk,
            "order": 4,
            "required": True,
        }

    def expected(self, orgs):
        return {"section": self.section, "indicator": self.indicator, "order": 4}


class TestPeriod(DesignCase, ModelTestCase):
    views = views.PeriodViews
    api_url = f"{API}/periods/"
    edit_field = "grace_days"
    edit_value = 5
    bad_import = {"kind": "alien"}
    api_bad_data = {"kind": "alien"}

    def build(self, orgs, owner, index=0):
        made = models.Period(
            form=self.designs.of(owner).form,
            kind="year",
            year=2100 + index,
            number=1,
            opens_on=date(2030, 1, 1),
            deadline=date(2030, 2, 1),
        )
        made.derive_fields()
        return made

    def form_data(self, orgs):
        self.form = self.designs.of(orgs.hanoi).form
        return {
            "form": self.form.pk,
            "kind": "quarter",
            "year": 2026,
            "number": 2,
            "opens_on": "2026-07-01",
            "deadline": "2026-07-20",
            "grace_days": 3,
        }

    def expected(self, orgs):
        return {
            "form": self.form,
            "starts_on": date(2026, 4, 1),
            "ends_on": date(2026, 6, 30),
            "deadline": date(2026, 7, 20),
        }


class TestReopening(DesignCase, ModelTestCase):
    views = views.ReopeningViews
    api_url = f"{API}/reopenings/"
    edit_field = "reason"
    edit_value = "Mất điện"
    bad_import = {"expires_on": "not a date"}
    api_bad_data = {"expires_on": "abc"}

    def build(self, orgs, owner, index=0):
        return models.Reopening(
            period=self.designs.of(owner).period,
            organization=owner,
            reason=f"Lý do {index}",
            expires_on=date(2030, 1, 1),
        )

    def form_data(self, orgs):
        self.period = self.designs.of(orgs.hanoi).period
        return {
            "period": self.period.pk,
            "organization": orgs.hanoi_member.pk,
            "reason": "Bão lụt",
            "expires_on": "2030-01-31",
        }

    def expected(self, orgs):
        return {
            "period": self.period,
            "organization": orgs.hanoi_member,
            "expires_on": date(2030, 1, 31),
        }


class TestValidationRule(DesignCase, ModelTestCase):
    views = views.ValidationRuleViews
    api_url = f"{API}/validation-rules/"
    edit_field = "message"
    edit_value = "Không quá 100"
    bad_import = {"operator": "alien"}
    api_bad_data = {"operator": "alien"}

    def build(self, orgs, owner, index=0):
        design = self.designs.of(owner)
        return models.ValidationRule(
            form_version=design.version,
            left=design.indicator,
            operator="lte",
            constant=100,
            message=f"Quy tắc {index}",
        )

    def form_data(self, orgs):
        self.design = self.designs.of(orgs.hanoi)
        return {
            "form_version": self.design.version.pk,
            "kind": "same",
            "severity": "hard",
            "left": self.design.indicator.pk,
            "operator": "lte",
            "constant": "100",
            "message": "Tối đa 100",
        }

    def expected(self, orgs):
        return {
            "form_version": self.design.version,
            "left": self.design.indicator,
            "constant": Decimal(100),
        }


class ReportCase(DesignCase):
    """Submissions on a form of the central Union, which every Union fills."""

    def central_design(self, orgs):
        return self.designs.of(orgs.central, published=True)

    def submission_of(self, orgs, owner):
        cache = self.__dict__.setdefault("_submissions", {})
        if owner.pk not in cache:
            design = self.central_design(orgs)
            # a year of its own per owner, bounded: ids grow high on PostgreSQL
            cache[owner.pk] = models.Submission.objects.create(
                organization=owner,
                form_version=design.version,
                period=period(design.form, 2000 + owner.pk % 900, kind="year"),
            )
        return cache[owner.pk]


class TestSubmission(ReportCase, ModelTestCase):
    views = views.SubmissionViews
    api_url = f"{API}/submissions/"
    edit_field = "notes"
    edit_value = "Đã rà soát"
    bad_import = {"period": "abc"}
    api_bad_data = {"period": 999999}

    def build(self, orgs, owner, index=0):
        design = self.central_design(orgs)
        return models.Submission(
            organization=owner,
            form_version=design.version,
            period=period(design.form, 2100 + index, kind="year"),
        )

    def form_data(self, orgs):
        design = self.central_design(orgs)
        self.period = getattr(self, "period", None) or period(design.form, 2026, 2)
        return {
            "organization": orgs.hanoi.pk,
            "form_version": design.version.pk,
            "period": self.period.pk,
        }

    def expected(self, orgs):
        return {"organization": orgs.hanoi, "period": self.period, "state": "draft"}


class TestValue(ReportCase, ModelTestCase):
    views = views.ValueViews
    api_url = f"{API}/values/"
    edit_field = "number"
    edit_value = "15"
    edit_expected = Decimal(15)
    bad_import = {"number": "abc"}
    api_bad_data = {"number": "abc"}

    def build(self, orgs, owner, index=0):
        item = indicator(orgs.central, f"VAL-{owner.pk}-{index}")
        return models.Value(
            submission=self.submission_of(orgs, owner), indicator=item, number=Decimal(index)
        )

    def form_data(self, orgs):
        self.submission = self.submission_of(orgs, orgs.hanoi)
        self.indicator = getattr(self, "indicator", None) or indicator(orgs.central, "NEW-V")
        return {"submission": self.submission.pk, "indicator": self.indicator.pk, "number": "12"}

    def expected(self, orgs):
        return {"submission": self.submission, "indicator": self.indicator, "number": Decimal(12)}


class TestReviewComment(ReportCase, ModelTestCase):
    views = views.ReviewCommentViews
    api_url = f"{API}/review-comments/"
    edit_field = "text"
    edit_value = "Xem lại số liệu"
    bad_import = {"submission": "abc"}
    api_bad_data = {"submission": 999999}

    def build(self, orgs, owner, index=0):
        return models.ReviewComment(
            submission=self.submission_of(orgs, owner), text=f"Nhận xét {index}"
        )

    def form_data(self, orgs):
        self.submission = self.submission_of(orgs, orgs.hanoi)
        return {"submission": self.submission.pk, "text": "Thiếu số liệu"}

    def expected(self, orgs):
        return {"submission": self.submission, "text": "Thiếu số liệu"}


PDF = b"%PDF-1.4\n%%EOF\n"


class TestAttachment(ReportCase, ModelTestCase):
    views = views.AttachmentViews
    api_url = f"{API}/attachments/"
    edit_field = "title"
    edit_value = "Báo cáo thuyết minh"
    bad_import = {"submission": "abc"}
    api_bad_data = {"submission": 999999}

    def build(self, orgs, owner, index=0):
        from django.core.files.base import ContentFile

        return models.Attachment(
            submission=self.submission_of(orgs, owner),
            title=f"Tệp {index}",
            file=ContentFile(PDF, name=f"tep-{index}.pdf"),
        )

    def form_data(self, orgs):
        from django.core.files.uploadedfile import SimpleUploadedFile

        self.submission = self.submission_of(orgs, orgs.hanoi)
        return {
            "submission": self.submission.pk,
            "title": "Ảnh hoạt động",
            "upload": SimpleUploadedFile("anh.pdf", PDF),
        }

    def expected(self, orgs):
        return {
            "submission": self.submission,
            "title": "Ảnh hoạt động",
            "original_name": "anh.pdf",
            "size": len(PDF),
        }

    def api_data(self, orgs):
        data = self.form_data(orgs)
        data.pop("upload")
        return data

    def edit_post(self, record, orgs, **overrides):
        data = super().edit_post(record, orgs, **overrides)
        data.pop("upload")  # the file stays as it is
        return data

    def test_api_creates_with_history(self, client, orgs, users, login):
        """A file travels as multipart form data, not JSON."""
        login(users.hanoi)
        data = self.form_data(orgs)
        data["file"] = data.pop("upload")
        response = client.post(self.api_url, data)
        assert response.status_code == 201, response.json()
        record = self.model.objects.get(pk=response.json()["id"])
        for attribute, value in self.expected(orgs).items():
            assert getattr(record, attribute) == value, attribute
        assert record.history.get().history_user == users.hanoi
