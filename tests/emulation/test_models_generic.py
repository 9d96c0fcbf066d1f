"""The generic view, import/export and API tests of every model of emulation."""

from datetime import date

from amity.emulation import models
from amity.emulation.views import regulations
from tests.generic import ModelTestCase

API = "/api/emulation"


class TestRegulation(ModelTestCase):
    views = regulations.RegulationViews
    api_url = f"{API}/regulations/"
    edit_field = "title_en"
    edit_value = "Emulation and reward regulations (amended)"
    bad_import = {"effective_from": "31/02/2026"}
    api_bad_data = {"effective_from": "not a date"}

    def build(self, orgs, owner, index=0):
        return models.Regulation(
            organization=owner,
            code=f"QC-{index}",
            title_vi=f"Quy chế thi đua {index}",
            effective_from=date(2026, 1, 1),
        )

    def form_data(self, orgs):
        return {
            "organization": orgs.hanoi.pk,
            "code": "QC-HN",
            "version_number": 2,
            "title_vi": "Quy chế thi đua, khen thưởng",
            "effective_from": "01/01/2026",
            "effective_to": "31/12/2030",
        }

    def api_data(self, orgs):
        return {
            **self.form_data(orgs),
            "effective_from": "2026-01-01",
            "effective_to": "2030-12-31",
        }

    def expected(self, orgs):
        return {
            "organization": orgs.hanoi,
            "code": "QC-HN",
            "version_number": 2,
            "effective_to": date(2030, 12, 31),
        }
