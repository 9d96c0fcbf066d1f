"""An empty cell of a long-text column (notes, a comment) is an empty text, as on the forms."""

import pytest
from tablib import Dataset

from amity.core.imports import import_dataset
from amity.partners.imports import PartnerResource
from amity.partners.models import Partner

pytestmark = pytest.mark.django_db


def test_an_empty_notes_cell_imports_as_empty_text(users):
    # An XLSX file read by openpyxl gives None for an empty cell.
    dataset = Dataset(headers=["kind", "name", "country", "sensitivity", "notes"])
    dataset.append(["ngo", "Quỹ Hòa bình", "FR", "internal", None])
    dataset.append(["ngo", "Maison de la Paix", "FR", "internal", "Gặp tại Hà Nội"])
    summary = import_dataset(PartnerResource, dataset, users.hanoi, dry_run=False)
    assert summary["errors"] == []
    assert dict(Partner.objects.values_list("name", "notes")) == {
        "Quỹ Hòa bình": "",
        "Maison de la Paix": "Gặp tại Hà Nội",
    }
