"""The annual review: the figures the Union publishes come out of the records, in the Word
document, in English and in Vietnamese."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document

from amity.geo.models import Country
from amity.overview.review import more_than
from amity.partners.models import Partner
from tests.overview import builders as b

pytestmark = pytest.mark.django_db

#: 163 active NGOs: the Americas 70 (43 %), Europe 57 (35 %), Asia 33 (20 %), Africa 3 (2 %)
SPLIT = (("US", 70), ("FR", 57), ("JP", 33), ("ZA", 3))


@pytest.fixture
def published(orgs):
    """The records behind "more than 160 active foreign NGOs … Americas 43 %, Europe 35 %,
    Asia 20 %" and "33 NGOs, 80 projects, total disbursement of 9.35 million USD in
    2013–2018"."""
    countries = {code: Country.objects.get(code=code) for code, _count in SPLIT}
    Partner.objects.bulk_create(
        Partner(
            kind="ngo",
            name=f"NGO {code} {index}",
            country=countries[code],
            relationship_since=date(2012, 1, 1),
            status="active",
        )
        for code, count in SPLIT
        for index in range(count)
    )
    donors = list(Partner.objects.order_by("pk")[:33])
    for index in range(80):
        made = b.activity(
            orgs.hanoi, f"XM-{index}-P", donors[index % 33], date(2013, 1, 1), date(2018, 12, 31)
        )
        b.flow(made, "3", date(2013 + index % 6, 5, 1), "116875")  # 80 × 116,875 = 9.35 M
    # an ended NGO and a disbursement after the term count in neither sentence
    b.partner("Gone", "US", since=date(2010, 1, 1), status="ended")
    late = b.activity(orgs.hanoi, "XM-L-P", donors[0], date(2019, 1, 1))
    b.flow(late, "3", date(2019, 5, 1), "1000")


def text_of(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_more_than_gives_the_tens_below():
    assert [more_than(n) for n in (7, 20, 160, 161, 169, 170)] == [
        "7",
        "more than 10",
        "more than 150",
        "more than 160",
        "more than 160",
        "more than 160",
    ]


def test_the_review_holds_the_figures_the_union_publishes(client, users, login, english, published):
    login(users.central)
    response = client.get(reverse("overview:review"), {"year": 2018, "since": 2013})
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    text = text_of(response.content)
    assert "ANNUAL REVIEW OF 2018" in text
    assert (
        "More than 160 active foreign NGOs work with the network: "
        "Americas 43%, Europe 35%, Asia 20%, Africa 2%." in text
    )
    assert "33 NGOs, 80 projects, total disbursement of 9.35 million USD in 2013–2018." in text
    # the year's own aid: the 2018 disbursements, of 13 projects (index % 6 == 5)
    assert (
        "In 2018, 0 USD of aid were committed and 1,519,375 USD disbursed, "
        "in 80 projects of 33 NGOs." in text
    )


def test_the_review_in_vietnamese(client, users, login, published):
    login(users.central)
    response = client.get(reverse("overview:review"), {"year": 2018, "since": 2013, "lang": "vi"})
    text = text_of(response.content)
    assert "BÁO CÁO TỔNG KẾT NĂM 2018" in text
    assert "Châu Mỹ 43%, Châu Âu 35%, Châu Á 20%" in text
    assert (
        "33 tổ chức phi chính phủ, 80 dự án, tổng giải ngân 9,35 triệu USD giai đoạn 2013–2018."
        in text
    )


def test_the_review_of_a_union_lists_its_year(client, orgs, users, login, english, year_records):
    login(users.hanoi)
    response = client.get(reverse("overview:review"), {"year": 2025})
    text = text_of(response.content)
    assert "HA NOI UNION" in text  # the letterhead's issuer
    assert "01/05/2025 | Hội nghị tổng kết" in text  # a conference held
    assert "01/07/2025 | Đoàn Hoa Kỳ" in text  # a delegation received
    assert "2 proposals raised in 2025, 2 answered, 1 of them on time." in text
    assert "Santé Sud" not in text  # Da Nang's new partner
    assert "Events | 2 | 0 | —" in text
