"""The generic view, import/export and API tests of every scoring model."""

from datetime import date
from decimal import Decimal

from amity.emulation import models
from amity.emulation.views import scoring
from tests.emulation import scoring_builders as build
from tests.generic import ModelTestCase

API = "/api/emulation"


class TestCriteriaTable(ModelTestCase):
    views = scoring.CriteriaTableViews
    api_url = f"{API}/criteria-tables/"
    edit_field = "title_en"
    edit_value = "Criteria of the provincial Unions"
    bad_import = {"regulation": "999999"}
    api_bad_data = {"regulation": "nope"}

    def build(self, orgs, owner, index=0):
        return models.CriteriaTable(
            organization=owner,
            regulation=build.regulation(owner, 50 + index),
            code=f"T-{index}",
            title_vi=f"Bảng {index}",
        )

    def form_data(self, orgs):
        self.regulation = getattr(self, "regulation", None) or build.regulation(orgs.hanoi, 90)
        return {
            "organization": orgs.hanoi.pk,
            "regulation": self.regulation.pk,
            "code": "BTC-HN",
            "title_vi": "Bảng tiêu chí thi đua",
        }

    def expected(self, orgs):
        return {"organization": orgs.hanoi, "regulation": self.regulation, "code": "BTC-HN"}


class TestCriteriaSection(ModelTestCase):
    views = scoring.CriteriaSectionViews
    api_url = f"{API}/criteria-sections/"
    edit_field = "title_en"
    edit_value = "Organization"
    bad_import = {"number": "abc"}
    api_bad_data = {"number": "abc"}

    def build(self, orgs, owner, index=0):
        return models.CriteriaSection(
            table=build.table(owner, 60 + index), number=1, title_vi="Công tác tổ chức"
        )

    def form_data(self, orgs):
        self.table = getattr(self, "table", None) or build.table(orgs.hanoi, 91)
        return {"table": self.table.pk, "number": 2, "title_vi": "Đối ngoại nhân dân"}

    def expected(self, orgs):
        return {"table": self.table, "number": 2, "title_vi": "Đối ngoại nhân dân"}


class TestCriterion(ModelTestCase):
    views = scoring.CriterionViews
    api_url = f"{API}/criteria/"
    edit_field = "text_en"
    edit_value = "Reports submitted on time"
    bad_import = {"max_points": "lots"}
    api_bad_data = {"max_points": "lots"}

    def build(self, orgs, owner, index=0):
        return models.Criterion(
            section=build.section(owner, 70 + index),
            code=f"1.{index}",
            text_vi="Báo cáo đúng hạn",
            max_points=Decimal("10"),
        )

    def form_data(self, orgs):
        self.section = getattr(self, "section", None) or build.section(orgs.hanoi, 92)
        return {
            "section": self.section.pk,
            "code": "1.5",
            "order": 5,
            "text_vi": "Tổ chức sự kiện",
            "max_points": "8.50",
            "kind": "normal",
            "evidence_required": "on",
            "computed_from": "events_organised",
            "computed_target": "10",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "evidence_required": True}

    def expected(self, orgs):
        return {
            "section": self.section,
            "code": "1.5",
            "max_points": Decimal("8.50"),
            "computed_from": "events_organised",
            "computed_target": Decimal("10"),
        }


class TestCluster(ModelTestCase):
    views = scoring.ClusterViews
    api_url = f"{API}/clusters/"
    edit_field = "pact_commitments"
    edit_value = "Hoàn thành 100% báo cáo đúng hạn"
    bad_import = {"year": "1800"}
    api_bad_data = {"year": 3000}

    def build(self, orgs, owner, index=0):
        return models.Cluster(organization=owner, year=2026, name=f"Cụm {index}")

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "year": 2026,
            "name": "Cụm thi đua đồng bằng sông Hồng",
            "kind": "provincial",
            "region": "red_river_delta",
            "members": [orgs.hanoi_member.pk],
            "head": orgs.hanoi_member.pk,
            "pact_signed_on": "15/01/2026",
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "pact_signed_on": "2026-01-15"}

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "year": 2026,
            "region": "red_river_delta",
            "head": orgs.hanoi_member,
            "pact_signed_on": date(2026, 1, 15),
        }


class TestCampaign(ModelTestCase):
    views = scoring.CampaignViews
    api_url = f"{API}/campaigns/"
    edit_field = "name_en"
    edit_value = "Emulation towards the Congress"
    bad_import = {"starts_on": "31/02/2026"}
    api_bad_data = {"starts_on": "never"}

    def build(self, orgs, owner, index=0):
        return models.Campaign(
            organization=owner,
            name_vi=f"Thi đua chào mừng Đại hội {index}",
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 6, 30),
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "name_vi": "Thi đua chào mừng Đại hội",
            "starts_on": "01/03/2026",
            "ends_on": "30/09/2026",
            "participants": [orgs.hanoi_member.pk],
        }

    def api_data(self, orgs):
        return {**self.form_data(orgs), "starts_on": "2026-03-01", "ends_on": "2026-09-30"}

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "starts_on": date(2026, 3, 1),
            "ends_on": date(2026, 9, 30),
        }


class TestScoreSheet(ModelTestCase):
    views = scoring.ScoreSheetViews
    api_url = f"{API}/score-sheets/"
    edit_field = "notes"
    edit_value = "Đã rà soát"
    bad_import = {"year": "99999"}
    api_bad_data = {"year": "two thousand"}

    def build(self, orgs, owner, index=0):
        return models.ScoreSheet(
            organization=owner,
            criteria_table=build.table(orgs.central, 80 + index),
            **build.sheet_keys(owner, index),
        )

    def form_data(self, orgs):
        self.table = getattr(self, "table", None) or build.table(orgs.central, 93)
        return {"organization": orgs.hanoi.pk, "year": 2026, "criteria_table": self.table.pk}

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "year": 2026,
            "criteria_table": self.table,
            "state": "draft",
        }


class TestScore(ModelTestCase):
    views = scoring.ScoreViews
    api_url = f"{API}/scores/"
    edit_field = "self_evidence"
    edit_value = "Báo cáo số 12/BC-LHHN"
    bad_import = {"self_points": "many"}
    api_bad_data = {"self_points": "many"}

    def build(self, orgs, owner, index=0):
        table = build.table(orgs.central, 100 + index)
        item = build.criterion(build.section(orgs.central, of_table=table), code=f"1.{index}")
        sheet = build.sheet(owner, table, **build.sheet_keys(owner, index))
        return models.Score(sheet=sheet, criterion=item, self_points=Decimal(5))

    def form_data(self, orgs):
        if getattr(self, "sheet", None) is None:
            table = build.table(orgs.central, 94)
            self.criterion = build.criterion(build.section(orgs.central, of_table=table))
            self.sheet = build.sheet(orgs.hanoi, table)
        return {
            "sheet": self.sheet.pk,
            "criterion": self.criterion.pk,
            "self_points": "7.5",
            "self_evidence": "Kế hoạch số 3/KH",
        }

    def expected(self, orgs):
        return {
            "sheet": self.sheet,
            "criterion": self.criterion,
            "self_points": Decimal("7.5"),
            "self_evidence": "Kế hoạch số 3/KH",
        }
