"""The partner database beyond CRUD: scoping, holding, search, dormancy, suggestions, charts."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from amity.core.writes import save_record
from amity.geo.models import Country
from amity.partners import services
from amity.partners.choices import InteractionKind, PartnerKind, PartnerStatus, Sensitivity
from amity.partners.models import (
    Contact,
    FieldOfWork,
    Interaction,
    Partner,
    RelationshipHolder,
)

pytestmark = pytest.mark.django_db


def partner(name, holder=None, **extra):
    created = Partner.objects.create(kind=extra.pop("kind", PartnerKind.NGO), name=name, **extra)
    if holder is not None:
        RelationshipHolder.objects.create(partner=created, organization=holder)
    return created


# --- scoping and holding --------------------------------------------------------------------


def test_restricted_partners_are_seen_by_their_holders_and_the_centre(orgs, users):
    shared = partner("Shared", sensitivity=Sensitivity.INTERNAL)
    hanoi_secret = partner("Hà Nội secret", orgs.hanoi_member, sensitivity=Sensitivity.RESTRICTED)
    danang_secret = partner("Đà Nẵng secret", orgs.danang, sensitivity=Sensitivity.RESTRICTED)

    def names(user):
        return sorted(Partner.objects.visible_to(user).values_list("name", flat=True))

    assert names(users.hanoi) == sorted([shared.name, hanoi_secret.name])
    assert names(users.danang) == sorted([shared.name, danang_secret.name])
    assert names(users.central) == sorted([shared.name, hanoi_secret.name, danang_secret.name])
    assert list(Partner.objects.editable_by(users.hanoi)) == [hanoi_secret]
    assert Partner.objects.editable_by(users.viewer).count() == 0


def test_a_partner_created_by_a_unit_officer_is_held_by_its_organization(
    client, orgs, users, login
):
    login(users.hanoi)
    response = client.post(
        "/api/partners/partners/",
        {"kind": "embassy", "name": "Embassy of Laos", "country": "LA"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    created = Partner.objects.get(pk=response.json()["id"])
    holder = created.holders.get()
    assert (holder.organization, holder.role) == (orgs.hanoi, "lead")
    assert created.country == Country.objects.get(code="LA")
    page = client.post(
        reverse("partners:partner_add"),
        {
            "kind": "university",
            "name": "Hanoi Partner University",
            "status": "active",
            "sensitivity": "internal",
        },
    )
    assert page.status_code == 302
    assert Partner.objects.get(name="Hanoi Partner University").holders.get().organization == (
        orgs.hanoi
    )


def test_api_contract_fields(client, orgs, users, login):
    partner(
        "Asia Friendship Foundation",
        orgs.hanoi,
        acronym="AFF",
        country=Country.objects.get(code="JP"),
        email="info@aff.example.org",
        website="https://aff.example.org",
        sensitivity=Sensitivity.PUBLIC,
    )
    login(users.hanoi)
    item = client.get("/api/partners/partners/", {"q": "aff"}).json()["results"][0]
    assert {
        key: item[key] for key in ("name", "kind", "country", "sensitivity", "email", "website")
    } == {
        "name": "Asia Friendship Foundation",
        "kind": "ngo",
        "country": "JP",
        "sensitivity": "public",
        "email": "info@aff.example.org",
        "website": "https://aff.example.org",
    }


# --- search -----------------------------------------------------------------------------------


@pytest.fixture
def searchable(orgs):
    friendship = partner(
        "Hội hữu nghị Việt Nam – Nhật Bản",
        name_en="Viet Nam – Japan Friendship Association",
        acronym="VJFA",
    )
    foundation = partner("Asia Foundation", name_vi="Quỹ châu Á")
    university = partner("Université de Lyon", kind=PartnerKind.UNIVERSITY)
    Contact.objects.create(partner=university, full_name="Nguyễn Thị Hương")
    services.refresh_search_text([university.pk])  # the contact writer's step: joins its text
    return friendship, foundation, university


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hoi huu nghi", ["Hội hữu nghị Việt Nam – Nhật Bản"]),
        ("HỘI HỮU NGHỊ nhật", ["Hội hữu nghị Việt Nam – Nhật Bản"]),
        ("japan friendship", ["Hội hữu nghị Việt Nam – Nhật Bản"]),
        ("vjfa", ["Hội hữu nghị Việt Nam – Nhật Bản"]),
        ("quy chau a", ["Asia Foundation"]),
        ("universite lyon", ["Université de Lyon"]),
        ("huong", ["Université de Lyon"]),
        ("asia fundation", ["Asia Foundation"]),  # a typo
        ("univrsite", ["Université de Lyon"]),  # a typo
        ("lyon universte", ["Université de Lyon"]),  # a typo, words out of order
        ("fsia foundation", ["Asia Foundation"]),  # the first letter wrong
        ("zzzzqqq", []),
    ],
)
def test_search_ignores_diacritics_and_case_and_forgives_typos(searchable, query, expected):
    found = [p.name for p in services.search(Partner.objects.all(), query)]
    assert found == expected


def test_search_ranks_names_that_start_with_the_query_first(orgs):
    partner("Friends of Viet Nam Heritage")
    partner("Heritage Friends")
    found = [p.name for p in services.search(Partner.objects.all(), "heritage")]
    assert found == ["Heritage Friends", "Friends of Viet Nam Heritage"]


def test_search_reads_the_match_once_and_pages_by_id(orgs, django_assert_num_queries):
    partner("Friends of Viet Nam Heritage")
    partner("Heritage Friends")
    partner("Mekong Delta Fund")
    with django_assert_num_queries(1):  # the matches, read once: no separate "any?" query
        found = services.search(Partner.objects.all(), "heritage")
    with django_assert_num_queries(2):  # the page and the count name the matches by id
        assert [p.name for p in found[:25]] == ["Heritage Friends", "Friends of Viet Nam Heritage"]
        assert found.count() == 2
    assert "search_text" not in str(found.query).split("WHERE", 1)[1].split("ORDER BY")[0]


@pytest.mark.parametrize("query", ["heritage", "heritage fundd"])  # exact; one word misspelt
def test_a_searched_page_reads_the_rows_countries_with_them(client, orgs, users, login, query):
    def queries_of_the_page():
        with CaptureQueriesContext(connection) as page:
            response = client.get(reverse("partners:partner_list"), {"q": query})
        assert len(response.context["table"].rows) == Partner.objects.count()
        return len(page.captured_queries)

    login(users.central)
    partner("Heritage Fund", country=Country.objects.get(code="FR"))
    queries_of_the_page()  # what a first page reads once (the full-text table's presence)
    one = queries_of_the_page()
    for code in ("DE", "JP", "LA"):
        partner(f"Heritage Fund {code}", country=Country.objects.get(code=code))
    assert queries_of_the_page() == one  # not one more for each row's country


def test_search_of_many_matches_keeps_the_match_in_the_query(orgs, monkeypatch):
    monkeypatch.setattr(services, "SEARCH_KNOWN_MATCHES", 1)
    partner("Friends of Viet Nam Heritage")
    partner("Heritage Friends")
    found = services.search(Partner.objects.all(), "heritage")
    assert [p.name for p in found] == ["Heritage Friends", "Friends of Viet Nam Heritage"]
    assert found.count() == 2


def test_search_with_a_typo_ranks_a_pool_drawn_by_the_words_that_match(
    orgs, searchable, django_assert_num_queries
):
    # No exact match; which words match at all, in one query; the pool drawn by them.
    with django_assert_num_queries(3):
        found = services.search(Partner.objects.all(), "asia fundation")
    assert [p.name for p in found] == ["Asia Foundation"]


def test_search_with_every_word_misspelt_goes_to_fuzzy(orgs, searchable, django_assert_num_queries):
    # No word matches: on SQLite the pool of the whole query's pieces (PostgreSQL ranks in
    # the query it returns).
    with django_assert_num_queries(3 if connection.vendor == "sqlite" else 2):
        found = services.search(Partner.objects.all(), "univrsite")
    assert [p.name for p in found] == ["Université de Lyon"]


def test_list_page_search_goes_through_the_scope(client, orgs, users, login):
    partner("Secret Heritage Fund", orgs.danang, sensitivity=Sensitivity.RESTRICTED)
    partner("Open Heritage Fund", sensitivity=Sensitivity.PUBLIC)
    login(users.hanoi)
    response = client.get(reverse("partners:partner_list"), {"q": "heritage"})
    assert [row.record.name for row in response.context["table"].rows] == ["Open Heritage Fund"]


# --- dormancy and last contact ------------------------------------------------------------------


def test_last_contact_follows_the_interactions(orgs, users):
    friend = partner("Friend")
    written = []
    for day in (date(2023, 5, 1), date(2024, 7, 9), date(2022, 1, 1)):
        record = Interaction(
            partner=friend, organization=orgs.hanoi, occurred_on=day, kind=InteractionKind.CALL
        )
        written.append(save_record(record, users.hanoi))
    friend.refresh_from_db()
    assert friend.last_contact_on == date(2024, 7, 9)
    latest = written[1]
    latest.occurred_on = date(2021, 3, 4)  # moved back: the latest is now the 2023 one
    save_record(latest, users.hanoi)
    friend.refresh_from_db()
    assert friend.last_contact_on == date(2023, 5, 1)


def test_a_plain_save_of_an_interaction_leaves_its_partner_alone(orgs):
    """The partner's summary is a step of the write path, not a hidden effect of `save()`."""
    friend = partner("Friend")
    Interaction.objects.create(
        partner=friend, organization=orgs.hanoi, occurred_on=date(2024, 7, 9), kind="call"
    )
    friend.refresh_from_db()
    assert friend.last_contact_on is None


def test_dormancy_counts_from_the_last_contact_the_relationship_or_the_creation(
    client, orgs, users, login, settings
):
    """A partner entered a minute ago, or whose relationship began last month, is not dormant;
    one never contacted since a relationship (or a record) older than the cut-off is."""
    settings.PARTNER_DORMANT_MONTHS = 12
    cutoff = services.dormant_cutoff()
    just_entered = partner("Just entered", orgs.hanoi)
    new_friend = partner("New friend", orgs.hanoi, relationship_since=cutoff + timedelta(days=1))
    old_friend = partner("Old friend", orgs.hanoi, relationship_since=cutoff - timedelta(days=1))
    old_record = partner("Old record", orgs.hanoi)
    # entered before the cut-off (created_at is set on insert, so it is moved afterwards)
    Partner.objects.filter(pk=old_record.pk).update(created_at=timezone.now() - timedelta(days=400))
    dormant = Partner.objects.filter(services.dormant_filter()).order_by("name")
    assert [p.name for p in dormant] == ["Old friend", "Old record"]
    login(users.hanoi)
    listed = client.get(reverse("partners:partner_list"), {"dormant": "true"})
    assert [row.record.name for row in listed.context["table"].rows] == [
        "Old friend",
        "Old record",
    ]
    for fresh in (just_entered, new_friend):
        page = client.get(reverse("partners:partner", args=[fresh.pk]))
        assert page.context["dormant"] is False
        assert "Dormant" not in page.content.decode()
    assert client.get(reverse("partners:partner", args=[old_friend.pk])).context["dormant"]


def test_dormant_filter(client, orgs, users, login, settings):
    settings.PARTNER_DORMANT_MONTHS = 12
    quiet = partner("Quiet", orgs.hanoi, status=PartnerStatus.ACTIVE)
    lively = partner("Lively", orgs.hanoi, status=PartnerStatus.ACTIVE)
    ended = partner("Ended long ago", orgs.hanoi, status=PartnerStatus.ENDED)
    Interaction.objects.create(
        partner=quiet,
        organization=orgs.hanoi,
        kind="call",
        occurred_on=date.today() - timedelta(days=500),
    )
    Interaction.objects.create(
        partner=lively,
        organization=orgs.hanoi,
        kind="call",
        occurred_on=date.today() - timedelta(days=30),
    )
    services.refresh_last_contact([quiet.pk, lively.pk])  # the interaction writer's step
    assert ended.status == "ended"
    login(users.hanoi)
    response = client.get(reverse("partners:partner_list"), {"dormant": "true"})
    assert [row.record.name for row in response.context["table"].rows] == ["Quiet"]
    page = client.get(reverse("partners:partner", args=[quiet.pk]))
    assert page.context["dormant"] is True


# --- suggestions and charts ---------------------------------------------------------------------


def test_suggestions_say_why(client, orgs, users, login):
    education = FieldOfWork.objects.get(code="110")
    health = FieldOfWork.objects.get(code="120")
    laos = Country.objects.get(code="LA")
    held = partner("School Builders", orgs.hanoi, country=laos, relationship_since=date(2015, 3, 1))
    held.fields.add(education)
    candidate = partner("Books for Laos", country=laos, strength=4)
    candidate.fields.add(education)
    unrelated = partner("Clinics Abroad", country=Country.objects.get(code="PE"))
    unrelated.fields.add(health)
    login(users.hanoi)
    response = client.get(reverse("partners:suggestions"))
    suggested = {s.partner.name: s.reasons for s in response.context["suggestions"]}
    assert "Clinics Abroad" not in suggested
    assert len(suggested["Books for Laos"]) == 2
    assert "School Builders" in suggested  # held since 2015, never contacted: gone quiet
    assert response.context["organization"] == orgs.hanoi


def test_suggestions_for_an_organization_out_of_scope_are_refused(client, orgs, users, login):
    login(users.hanoi)
    response = client.get(reverse("partners:suggestions"), {"organization": orgs.danang.pk})
    assert response.context["organization"] is None
    assert response.context["suggestions"] == []


def test_statistics_by_region(client, orgs, users, login):
    partner("A", country=Country.objects.get(code="US"))
    partner("B", country=Country.objects.get(code="CA"))
    partner("C", country=Country.objects.get(code="FR"))
    partner(
        "D", orgs.danang, country=Country.objects.get(code="FR"), sensitivity=Sensitivity.RESTRICTED
    )
    login(users.hanoi)
    response = client.get(reverse("partners:statistics"))
    shares = {row["code"]: (row["count"], row["share"]) for row in response.context["by_region"]}
    assert shares == {"americas": (2, 66.7), "europe": (1, 33.3)}
    assert response.context["total"] == 3


def test_import_partners_with_country_and_field_codes(client, orgs, users, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = (
        b"kind,name,country,countries,fields,status,sensitivity\n"
        b'ngo,Mekong Friends,DE,"VN,LA","110,F-PEACE",active,internal\n'
    )
    login(users.hanoi)
    upload = SimpleUploadedFile("partners.csv", content)
    job = client.post(reverse("partners:partner_import"), {"file": upload}).context["job"]
    assert job.status == "checked", job.summary
    client.post(reverse("partners:partner_import"), {"confirm": job.pk})
    created = Partner.objects.get(name="Mekong Friends")
    assert created.country.code == "DE"
    assert sorted(created.countries.values_list("code", flat=True)) == ["LA", "VN"]
    assert sorted(created.fields.values_list("code", flat=True)) == ["110", "F-PEACE"]
    assert created.holders.get().organization == orgs.hanoi
    bad = SimpleUploadedFile("partners.csv", content.replace(b"DE,", b"XX,"))
    refused = client.post(reverse("partners:partner_import"), {"file": bad}).context["job"]
    assert refused.status == "invalid"


def test_registrations_expiring_soon_are_flagged(client, orgs, users, login):
    from amity.partners.models import NgoRegistration

    ngo = partner("Mekong Water", orgs.hanoi)
    today = date.today()
    soon = NgoRegistration.objects.create(
        partner=ngo,
        registration_type="operation",
        number="1",
        issued_on=today - timedelta(days=1800),
        expires_on=today + timedelta(days=30),
    )
    NgoRegistration.objects.create(
        partner=ngo,
        registration_type="project_office",
        number="2",
        issued_on=today,
        expires_on=today + timedelta(days=1000),
    )
    NgoRegistration.objects.create(
        partner=ngo,
        registration_type="project_office",
        number="3",
        issued_on=today - timedelta(days=2000),
        expires_on=today - timedelta(days=5),
    )
    login(users.hanoi)
    listing = client.get(reverse("partners:expiring_registrations"), follow=True)
    assert [row.record.number for row in listing.context["table"].rows] == ["1"]
    page = client.get(reverse("partners:partner", args=[ngo.pk]))
    assert page.context["expiring"] == soon


def test_the_form_warns_before_saving_a_likely_duplicate(client, orgs, users, login):
    partner(
        "Asia Friendship Foundation",
        website="https://aff.example.org",
        sensitivity=Sensitivity.PUBLIC,
    )
    login(users.hanoi)
    data = {
        "kind": "ngo",
        "name": "Asia Friendship Fundation",
        "status": "active",
        "sensitivity": "internal",
        "website": "https://www.aff.example.org/about",
    }
    warned = client.post(reverse("partners:partner_add"), data)
    assert warned.status_code == 200
    assert [d["name"] for d in warned.context["form"].duplicates] == ["Asia Friendship Foundation"]
    assert Partner.objects.count() == 1
    saved = client.post(reverse("partners:partner_add"), {**data, "not_a_duplicate": "on"})
    assert saved.status_code == 302
    assert Partner.objects.count() == 2


def test_an_import_flags_likely_duplicates_in_its_check(client, orgs, users, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    partner("Mekong Friends", acronym="MKF", sensitivity=Sensitivity.PUBLIC)
    content = (
        b"kind,name,status,sensitivity\n"
        b"ngo,Mekong Friend,active,internal\n"
        b"ngo,Alps Aid,active,internal\n"
    )
    login(users.hanoi)
    upload = SimpleUploadedFile("partners.csv", content)
    job = client.post(reverse("partners:partner_import"), {"file": upload}).context["job"]
    assert job.status == "checked"
    assert [warning["line"] for warning in job.summary["warnings"]] == [2]
    assert "Mekong Friends" in job.summary["warnings"][0]["message"]


def test_search_follows_every_write(orgs):
    """SQLite answers from its full-text index (kept by triggers), PostgreSQL from its trigram
    index on the column: either way a rename or a deletion shows at once."""
    from django.db import connection

    assert services._has_full_text_index() is (connection.vendor == "sqlite")
    renamed = partner("Old Bridge Society")
    assert [p.pk for p in services.search(Partner.objects.all(), "bridge")] == [renamed.pk]
    renamed.name = "New Harbour Society"
    renamed.save()
    assert list(services.search(Partner.objects.all(), "bridge")) == []
    assert [p.pk for p in services.search(Partner.objects.all(), "harbour")] == [renamed.pk]
    Partner.all_objects.filter(pk=renamed.pk).delete()
    assert list(services.search(Partner.all_objects.all(), "harbour")) == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM partners_partner_fts WHERE partners_partner_fts "
                "MATCH '\"harbour\"'"
            )
            assert cursor.fetchone()[0] == 0
