"""The read-only reference data (provinces, countries, fields of work): anyone signed in reads
all of it, on the page and through the API; no one edits it, however asked."""

import pytest
from django.urls import reverse

from amity.geo.models import Country, Province
from amity.partners.models import FieldOfWork

pytestmark = pytest.mark.django_db

ROLES = ("admin", "central", "viewer", "hanoi", "hanoi_viewer", "danang")


class Reference:
    """A reference model's addresses and a record of it to read."""

    def __init__(self, model, pages, api, record):
        self.model, self.pages, self.api, self.record = model, pages, api, record

    def page(self, pk=None):
        return f"/{self.pages}/" if pk is None else f"/{self.pages}/{pk}/"

    def api_url(self, pk=None):
        return f"/api/{self.api}/" if pk is None else f"/api/{self.api}/{pk}/"


REFERENCES = {
    "province": lambda: Reference(
        Province,
        "geo/provinces",
        "geo/provinces",
        Province.objects.get(code="82", is_current=False),
    ),
    "country": lambda: Reference(
        Country, "geo/countries", "geo/countries", Country.objects.get(code="LA")
    ),
}
FIELD_OF_WORK = pytest.param(
    lambda: Reference(
        FieldOfWork,
        "partners/fields-of-work",
        "partners/fields-of-work",
        FieldOfWork.objects.order_by("code").first(),
    ),
    id="field_of_work",
)
ALL = [pytest.param(make, id=name) for name, make in REFERENCES.items()] + [FIELD_OF_WORK]


@pytest.mark.parametrize("reference", ALL)
def test_anonymous_reads_nothing(reference, client, users):
    ref = reference()
    for url in (ref.page(), ref.page(ref.record.pk)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert client.get(ref.api_url()).status_code == 403
    assert client.get(ref.api_url(ref.record.pk)).status_code == 403


@pytest.mark.parametrize("reference", ALL)
def test_every_role_reads_all_of_it_on_the_pages(reference, client, users, login):
    ref = reference()
    total = ref.model.objects.count()
    assert total > 1
    for role in ROLES:
        login(getattr(users, role))
        listing = client.get(ref.page(), {"per_page": 500})
        assert listing.status_code == 200, role
        assert listing.context["table"].paginator.count == total, role
        detail = client.get(ref.page(ref.record.pk))
        assert detail.status_code == 200, role
        assert detail.context["object"] == ref.record, role
        assert str(ref.record) in detail.content.decode()


@pytest.mark.parametrize("reference", ALL)
def test_every_role_reads_all_of_it_through_the_api(reference, client, users, login):
    ref = reference()
    total = ref.model.objects.count()
    for role in ROLES:
        login(getattr(users, role))
        listing = client.get(ref.api_url(), {"limit": 1000})
        assert listing.status_code == 200, role
        body = listing.json()
        assert body["count"] == total, role
        assert sorted(item["id"] for item in body["results"]) == sorted(
            ref.model.objects.values_list("pk", flat=True)
        )
        detail = client.get(ref.api_url(ref.record.pk))
        assert detail.status_code == 200, role
        assert detail.json()["id"] == ref.record.pk


@pytest.mark.parametrize("reference", ALL)
def test_no_one_edits_it(reference, client, users, login):
    ref = reference()
    record = ref.record
    before = ref.model.objects.values().get(pk=record.pk)
    count = ref.model.objects.count()
    for role in ("admin", "central", "hanoi"):
        login(getattr(users, role))
        body = {"code": "ZZ", "name_en": "Nowhere"}
        assert client.post(ref.api_url(), body, content_type="application/json").status_code in (
            403,
            405,
        ), role
        for method in (client.put, client.patch):
            response = method(ref.api_url(record.pk), body, content_type="application/json")
            assert response.status_code in (403, 405), role
        assert client.delete(ref.api_url(record.pk)).status_code in (403, 405), role
        for page in (
            f"{ref.page(record.pk)}edit/",
            f"{ref.page(record.pk)}delete/",
            f"{ref.page()}add/",
        ):
            assert client.get(page).status_code == 404, (role, page)
            assert client.post(page, body).status_code == 404, (role, page)
    assert ref.model.objects.values().get(pk=record.pk) == before
    assert ref.model.objects.count() == count


def test_the_reference_lists_offer_no_adding_nor_importing(client, users, login):
    login(users.admin)
    for name in ("geo:province_list", "geo:country_list"):
        response = client.get(reverse(name))
        assert (response.context["may_add"], response.context["may_import"]) == (False, False)
