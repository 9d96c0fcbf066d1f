"""The demo data set of the partner database: foreign partners, who holds them, what happened.

Everything here is invented for demonstration (organizations, people, numbers, dates) and marked as
such: every partner has "[demo]" in its notes and an `external_ref` "demo-partner-NNN". It builds on
the registry's demo set (`amity.organizations.demo`, loaded before it): the Standing Agency's
departments lead the embassies and international organizations, the country friendship
associations the partners of their country, the provincial Unions the NGOs working in their
province. Names follow the styles of the real partner landscape (development NGOs, counterpart
friendship societies, embassies, parliamentary friendship groups, universities, overseas Vietnamese
associations, individual friends) without naming a real one on purpose.

Its dates were written for HORIZON (15 December 2025) and are moved by as many days as the day
of loading is after it (`core.demo_dates.moved`): interactions stop at today, the recent ones are
recent, and the NGO registrations "expire soon" or have "expired" whenever the set is loaded.

`load(stdout)` writes it all in a few bulk statements; `amity demo` calls it inside one transaction.
"""

import json
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.core.management.base import CommandError
from simple_history.utils import bulk_create_with_history

from amity.accounts.models import User
from amity.core.demo_dates import demo_today, moved
from amity.geo.models import Country, Province
from amity.organizations.choices import OrganizationKind, OrganizationStatus
from amity.organizations.demo import FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN, MALE_MIDDLE
from amity.organizations.models import Organization, Person
from amity.partners.choices import (
    FollowUpState,
    HolderRole,
    InteractionKind,
    PartnerKind,
    PartnerStatus,
    RegistrationType,
    Sensitivity,
)
from amity.partners.models import (
    Contact,
    FieldOfWork,
    FollowUp,
    Interaction,
    NgoRegistration,
    Partner,
    RelationshipHolder,
)
from amity.partners.services import InteractionWriter
from amity.partners.text import normalise

SEED = 2025
MARK = "[demo]"
REF_PREFIX = "demo-partner-"
FIRST_DAY = date(2019, 1, 1)
#: interactions and follow-ups stop here, like the registry's demo meetings
HORIZON = date(2025, 12, 15)
#: no interaction after this day for the partners meant to show as gone quiet
QUIET_SINCE = date(2022, 12, 31)
#: the latest interaction of a partner in regular contact falls after this day
RECENT_FROM = date(2025, 6, 1)
#: Ha Noi's own interactions so many days before the day of loading (see `recent_for_hanoi`):
#: within the home page's recent interactions panel (`partners.dashboard.RECENT_DAYS`)
HANOI_RECENT_DAYS = (2, 6, 13, 21)
#: the country friendship associations that have gone quiet: none of their interactions falls
#: in the last QUIET_ASSOCIATION_DAYS (more than a year) before the day of loading, so that the
#: yearly review's board of dormant organizations (issue 18: "not contributed for a long
#: period") flags them at twelve months; their partner work is the only activity the demo
#: records for a central association (`emulation.facts`)
QUIET_ASSOCIATIONS = ("EG", "ID", "IT", "MN")
QUIET_ASSOCIATION_DAYS = 400
AUTHORITY = "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài"

# --- The data: lists and tables read from data/demo/*.json ------------------------------------

DATA = Path(__file__).parent / "data" / "demo"


def _read(name: str) -> dict:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def _rows(rows) -> list[tuple]:
    return [tuple(row) for row in rows]


_countries, _work, _names, _places, _interactions = (
    _read(name) for name in ("countries", "work", "names", "places", "interactions")
)

# code → (English name after "Embassy of", culture of personal names, city, Vietnamese name)
COUNTRIES = {code: tuple(row) for code, row in _countries["COUNTRIES"].items()}
#: countries of Asia followed by the Department of Africa–West Asia Affairs
WEST_ASIA = set(_countries["WEST_ASIA"])
NEIGHBOURS = _countries["NEIGHBOURS"]
# Personal names by culture: (male given, female given, family, female family or None). Names of
# the cultures in FAMILY_FIRST are written family name first, as their owners write them.
NAMES = {culture: tuple(names) for culture, names in _countries["NAMES"].items()}
FAMILY_FIRST = set(_countries["FAMILY_FIRST"])
LANGUAGES = _countries["LANGUAGES"]

#: fields of work by kind of partner: (code of fields_of_work.json, weight)
FIELDS_BY_KIND = {kind: _rows(rows) for kind, rows in _work["FIELDS_BY_KIND"].items()}
#: friendship societies abroad work for friendship first
FRIENDSHIP_FIELDS = _rows(_work["FRIENDSHIP_FIELDS"])
TOPICS = _work["TOPICS"]
TAGS = _work["TAGS"]
EXTRA_TAGS = _work["EXTRA_TAGS"]
#: why a partner has its strength: by strength (1–5) for active partners, else by status
STRENGTH_REASONS = {
    int(key) if key.isdigit() else key: reasons
    for key, reasons in _work["STRENGTH_REASONS"].items()
}

# English-style development NGOs: a core (English, Vietnamese) and a form around it. Each core
# is used once and shares no word with another name, so that the only near-duplicates in the
# set are the ones seeded on purpose (PartnerDemo.plan_duplicates).
NGO_CORES = _rows(_names["NGO_CORES"])
NGO_FORMS = _rows(_names["NGO_FORMS"])
#: how NGOs of some countries name themselves in English, and how Vietnamese says it
NGO_PREFIX = {code: tuple(prefix) for code, prefix in _names["NGO_PREFIX"].items()}
#: where NGOs named without a place have their headquarters
HQ_CITIES = _names["HQ_CITIES"]
# NGOs named in their own language: (name, English name, Vietnamese name, acronym)
NATIVE_NGOS = {code: _rows(rows) for code, rows in _names["NATIVE_NGOS"].items()}
#: development NGOs by country of headquarters (about 43% Americas, 35% Europe, 20% Asia)
NGO_COUNTRIES = _rows(_names["NGO_COUNTRIES"])
# Counterpart friendship societies abroad: (country, name, English name, Vietnamese name, acronym)
FRIENDSHIP_SOCIETIES = _rows(_names["FRIENDSHIP_SOCIETIES"])
#: embassies in Hà Nội; the few that write their name in their own language say so
EMBASSY_COUNTRIES = _names["EMBASSY_COUNTRIES"]
EMBASSY_NATIVE = _names["EMBASSY_NATIVE"]
EMBASSY_DOMAINS = _names["EMBASSY_DOMAINS"]
# (country, name, English name, Vietnamese name, acronym)
INTERNATIONAL_ORGS = _rows(_names["INTERNATIONAL_ORGS"])
GOVERNMENTS = _rows(_names["GOVERNMENTS"])
PARLIAMENTS = _rows(_names["PARLIAMENTS"])
RESEARCH = _rows(_names["RESEARCH"])
UNIVERSITIES = _rows(_names["UNIVERSITIES"])
ENTERPRISES = _rows(_names["ENTERPRISES"])
RELIGIOUS = _rows(_names["RELIGIOUS"])
MEDIA = _rows(_names["MEDIA"])
# (country, Vietnamese name, English name, acronym)
OVERSEAS_VIETNAMESE = _rows(_names["OVERSEAS_VIETNAMESE"])
# (country, gender, profession in Vietnamese, in English)
INDIVIDUALS = _rows(_names["INDIVIDUALS"])
OTHERS = _rows(_names["OTHERS"])
CONTACT_TITLES = _names["CONTACT_TITLES"]
#: a friendship society's officers are its president, vice-presidents and secretary
FRIENDSHIP_TITLES = _names["FRIENDSHIP_TITLES"]
#: how a Vietnamese summary names a contact by title ("ông"/"bà" for the others)
TITLES_VI = _names["TITLES_VI"]
#: words left out of acronyms and of web addresses made from names
SMALL_WORDS = set(_names["SMALL_WORDS"])
LEGAL_WORDS = set(_names["LEGAL_WORDS"])

#: provinces (2025 codes) where foreign NGOs set up, with weights
NGO_PROVINCES = _places["NGO_PROVINCES"]
#: where a partner that is not an NGO has a provincial Union among its holders
LOCAL_PROVINCES = _places["LOCAL_PROVINCES"]
#: provinces on the border, whose Unions hold partners from across it
BORDER_PROVINCES = _places["BORDER_PROVINCES"]
WARDS = {code: tuple(wards) for code, wards in _places["WARDS"].items()}
STREETS = _places["STREETS"]

#: kinds of interaction with their weights, in normal years and in the pandemic's
KIND_WEIGHTS = {years: _rows(rows) for years, rows in _interactions["KIND_WEIGHTS"].items()}
#: what happens with a partner that runs projects (NGOs, international organizations, …)
PROJECT_SUMMARIES = _interactions["PROJECT_SUMMARIES"]
#: what happens with the others: embassies, friends, societies, universities, the press
RELATION_SUMMARIES = _interactions["RELATION_SUMMARIES"]
PROJECT_KINDS = (PartnerKind.NGO, PartnerKind.INTERNATIONAL_ORG, PartnerKind.RELIGIOUS)
#: what embassies and foreign authorities are written to and received for
STATE_LETTERS = _interactions["STATE_LETTERS"]
OCCASIONS = _interactions["OCCASIONS"]
EVENTS = _interactions["EVENTS"]
FOLLOW_UPS = _interactions["FOLLOW_UPS"]


@dataclass
class Plan:
    """One partner to write, with everything that hangs from it."""

    kind: str
    name: str
    country: str
    name_en: str = ""
    name_vi: str = ""
    acronym: str = ""
    domain: str = ""
    friendship: bool = False
    fields: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    home: str = ""  # province code (2025) where an NGO works first
    holders: list = field(default_factory=list)  # [(Organization, role)], the lead first
    contacts: list[dict] = field(default_factory=list)
    values: dict = field(default_factory=dict)  # the other Partner fields
    quiet: bool = False  # no interaction since 2023
    ended_on: date | None = None
    duplicate_of: "Plan | None" = None
    paired: bool = False  # the original of a seeded near-duplicate
    partner: Partner | None = None
    contact_objects: list[Contact] = field(default_factory=list)


@dataclass
class InteractionRows:
    """The interactions planned so far, with what each links to, written in a few bulk inserts."""

    interactions: list[Interaction] = field(default_factory=list)
    people: list[list[int]] = field(default_factory=list)
    contacts: list[list[Contact]] = field(default_factory=list)
    others: list[list[Organization]] = field(default_factory=list)
    follow_ups: list[tuple[Interaction, dict]] = field(default_factory=list)


class PartnerDemo:
    """One load of the partner data set: the random source, what it builds on, what it made."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.plans: list[Plan] = []
        self.used_names: set[str] = set()
        self.used_acronyms: set[str] = set()
        self.used_people: set[str] = set()
        self.used_domains: set[str] = set()

    # --- what the registry's demo made ----------------------------------------------------------

    def read_registry(self) -> None:
        self.admin = User.objects.filter(username="admin").first()
        if self.admin is None:
            raise CommandError("Load the registry's demo data set first (no user 'admin').")
        self.hanoi = User.objects.get(username="hanoi").organization
        self.danang = User.objects.get(username="danang").organization
        active = Organization.objects.filter(status=OrganizationStatus.ACTIVE).order_by("pk")
        self.departments = {
            org.external_ref.removeprefix("demo-dept-"): org
            for org in active.filter(kind=OrganizationKind.STANDING_UNIT)
        }
        self.associations = {
            org.external_ref.removeprefix("demo-assoc-").upper(): org
            for org in active.filter(kind=OrganizationKind.CENTRAL_MEMBER)
        }
        self.unions = {
            org.province.code: org
            for org in active.filter(kind=OrganizationKind.PROVINCIAL_UNION).select_related(
                "province"
            )
        }
        self.people: dict[int, list[int]] = {}
        for person_id, org_id in Person.objects.order_by("pk").values_list("pk", "organization_id"):
            self.people.setdefault(org_id, []).append(person_id)
        self.countries = Country.objects.in_bulk(field_name="code")
        self.fields = FieldOfWork.objects.in_bulk(field_name="code")
        self.provinces = {p.code: p for p in Province.objects.current()}

    # --- helpers --------------------------------------------------------------------------------

    def weighted(self, pairs):
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    def region(self, code: str) -> str:
        return self.countries[code].region

    def department_for(self, code: str) -> Organization:
        region = self.region(code)
        if region == "africa" or code in WEST_ASIA:
            return self.departments["africa-west-asia"]
        return self.departments[
            {"asia": "asia-pacific", "oceania": "asia-pacific"}.get(region, region)
        ]

    def person(self, culture: str, gender: str | None = None) -> tuple[str, str]:
        """An invented name of the culture, never given twice, and the person's gender."""
        gender = gender or ("f" if self.rng.random() < 0.45 else "m")
        for attempt in range(1000):
            if culture == "vi":
                family = self.weighted(FAMILY_NAMES)
                if gender == "f":
                    name = f"{family} Thị {self.rng.choice(FEMALE_GIVEN)}"
                else:
                    name = f"{family} {self.rng.choice(MALE_MIDDLE)} {self.rng.choice(MALE_GIVEN)}"
            else:
                male, female, families, female_families = NAMES[culture]
                given = self.rng.choice(female if gender == "f" else male)
                index = self.rng.randrange(len(families))
                family = families[index]
                if gender == "f" and female_families:
                    family = female_families[index]
                if attempt > 40:  # a small pool runs out: a middle initial tells them apart
                    given = f"{given} {self.rng.choice('ABCDEFGHJKLMNPRSTW')}."
                name = f"{family} {given}" if culture in FAMILY_FIRST else f"{given} {family}"
            if name not in self.used_people:
                self.used_people.add(name)
                return name, gender
        raise RuntimeError(f"No more {culture} names to invent.")

    @staticmethod
    def spoken(name: str, gender: str, title: str = "") -> str:
        """How a Vietnamese summary names someone: by title, else "ông"/"bà"."""
        return f"{TITLES_VI.get(title) or ('bà' if gender == 'f' else 'ông')} {name}"

    def make_acronym(self, name: str) -> str:
        words = [w for w in normalise(name).split() if w not in SMALL_WORDS]
        acronym = "".join(word[0] for word in words).upper()
        return acronym if 2 <= len(acronym) <= 6 else ""

    def claim_acronym(self, acronym: str) -> str:
        if not acronym or acronym in self.used_acronyms:
            return ""
        self.used_acronyms.add(acronym)
        return acronym

    @staticmethod
    def slug(name: str, limit: int = 26) -> str:
        words = [w for w in normalise(name).split() if w not in SMALL_WORDS | LEGAL_WORDS]
        slug = ""
        for word in words:
            if len(slug) + len(word) > limit and slug:
                break
            slug += word
        return slug

    @staticmethod
    def domain(slug: str, code: str, kind: str) -> str:
        cc = code.lower() if code != "GB" else "uk"
        if kind == PartnerKind.UNIVERSITY:
            special = {
                "US": "edu",
                "GB": "ac.uk",
                "AU": "edu.au",
                "JP": "ac.jp",
                "KR": "ac.kr",
                "NZ": "ac.nz",
                "ZA": "ac.za",
                "IN": "ac.in",
                "TH": "ac.th",
            }
            return f"{slug}.{special.get(code, 'edu.' + cc)}"
        if kind in (PartnerKind.ENTERPRISE, PartnerKind.MEDIA):
            special = {
                "US": "com",
                "GB": "co.uk",
                "JP": "co.jp",
                "KR": "co.kr",
                "AU": "com.au",
                "IN": "co.in",
                "TH": "co.th",
                "ZA": "co.za",
                "NZ": "co.nz",
            }
            return f"{slug}.{special.get(code, cc)}"
        if kind in (PartnerKind.GOVERNMENT, PartnerKind.PARLIAMENT):
            return f"{slug}.gov.{cc}" if code != "US" else f"{slug}.gov"
        special = {
            "US": "org",
            "CA": "org",
            "GB": "org.uk",
            "AU": "org.au",
            "NZ": "org.nz",
            "JP": "or.jp",
            "KR": "or.kr",
            "TH": "or.th",
            "IN": "org.in",
            "SG": "org.sg",
            "PH": "org.ph",
            "ZA": "org.za",
            "KE": "or.ke",
            "IE": "ie",
            "BR": "org.br",
        }
        return f"{slug}.{special.get(code, 'org' if kind == PartnerKind.INTERNATIONAL_ORG else cc)}"

    def unique_domain(self, plan: Plan) -> str:
        """A web domain made from the name, or from the acronym when the name is long."""
        slug = self.slug(plan.name_en or plan.name)
        if plan.kind == PartnerKind.OVERSEAS_VIETNAMESE:
            slug = self.slug(plan.name.removeprefix("Hội "))
        if plan.acronym and len(plan.acronym) >= 3 and (len(slug) > 18 or self.rng.random() < 0.3):
            slug = plan.acronym.lower()
        domain = self.domain(slug, plan.country, plan.kind)
        if domain in self.used_domains:
            domain = self.domain(f"{slug}-{plan.country.lower()}", plan.country, plan.kind)
        self.used_domains.add(domain)
        return domain

    def new_plan(self, kind, code, name, name_en="", name_vi="", acronym="", **extra) -> Plan:
        self.used_names.add(name)
        plan = Plan(
            kind=kind,
            country=code,
            name=name,
            name_en=name_en,
            name_vi=name_vi,
            acronym=self.claim_acronym(acronym),
            **extra,
        )
        if kind not in (PartnerKind.INDIVIDUAL, PartnerKind.EMBASSY):
            plan.domain = self.unique_domain(plan)
        self.plans.append(plan)
        return plan

    # --- names by kind --------------------------------------------------------------------------

    def plan_ngos(self) -> None:
        natives = {code: list(rows) for code, rows in NATIVE_NGOS.items()}
        self.cores = self.rng.sample(NGO_CORES, len(NGO_CORES))
        for code, count in NGO_COUNTRIES:
            for _ in range(count):
                pool = natives.get(code)
                if pool:
                    name, name_en, name_vi, acronym = pool.pop(0)
                else:
                    name, name_vi = self.english_ngo_name(code)
                    name_en = ""
                    acronym = self.make_acronym(name) if self.rng.random() < 0.7 else ""
                self.new_plan(PartnerKind.NGO, code, name, name_en, name_vi, acronym)
        for code, name, name_en, name_vi, acronym in FRIENDSHIP_SOCIETIES:
            self.new_plan(PartnerKind.NGO, code, name, name_en, name_vi, acronym, friendship=True)

    def english_ngo_name(self, code: str) -> tuple[str, str]:
        core, core_vi = self.cores.pop()
        form, form_vi, _weight = self.weighted([(row, row[2]) for row in NGO_FORMS])
        prefix = NGO_PREFIX.get(code) if self.rng.random() < 0.4 else None
        name_vi = form_vi.format(v=core_vi)
        if prefix and not form.endswith(("Viet Nam", "Asia")):
            name = f"{prefix[0]} {form.format(c=core)}"
            name_vi = f"{name_vi} {prefix[1]}"
        else:
            name = form.format(c=core)
        return name, name_vi

    def plan_embassies(self) -> None:
        for code in EMBASSY_COUNTRIES:
            official, _culture, _city, vi = COUNTRIES[code]
            english = f"Embassy of {official} in Viet Nam"
            native = EMBASSY_NATIVE.get(code)
            plan = self.new_plan(
                PartnerKind.EMBASSY,
                code,
                native or english,
                name_en=english if native else "",
                name_vi=f"Đại sứ quán {vi} tại Việt Nam",
            )
            country = EMBASSY_DOMAINS.get(code, code.lower())
            plan.domain = f"{country}embassy.org.vn"

    def plan_listed(self) -> None:
        for kind, rows in (
            (PartnerKind.INTERNATIONAL_ORG, INTERNATIONAL_ORGS),
            (PartnerKind.GOVERNMENT, GOVERNMENTS),
            (PartnerKind.PARLIAMENT, PARLIAMENTS),
            (PartnerKind.RESEARCH, RESEARCH),
            (PartnerKind.UNIVERSITY, UNIVERSITIES),
            (PartnerKind.ENTERPRISE, ENTERPRISES),
            (PartnerKind.RELIGIOUS, RELIGIOUS),
            (PartnerKind.MEDIA, MEDIA),
            (PartnerKind.OTHER, OTHERS),
        ):
            for code, name, name_en, name_vi, acronym in rows:
                plan = self.new_plan(kind, code, name, name_en, name_vi, acronym)
                if kind in (PartnerKind.GOVERNMENT, PartnerKind.PARLIAMENT):
                    if self.rng.random() < 0.5:
                        plan.domain = ""  # many have only a page on a larger site
        for code, name, name_en, acronym in OVERSEAS_VIETNAMESE:
            self.new_plan(PartnerKind.OVERSEAS_VIETNAMESE, code, name, name_en, "", acronym)
        for code, gender, _profession_vi, profession in INDIVIDUALS:
            name, _gender = self.person(COUNTRIES[code][1], gender)
            plan = self.new_plan(PartnerKind.INDIVIDUAL, code, name)
            plan.values["profession"] = profession
            plan.values["gender"] = gender

    # --- the details of each partner ------------------------------------------------------------

    def fill(self, plan: Plan) -> None:
        rng = self.rng
        weights = FRIENDSHIP_FIELDS if plan.friendship else FIELDS_BY_KIND[plan.kind]
        count = self.weighted([(1, 4), (2, 4), (3, 2), (4, 1)])
        while len(plan.fields) < min(count, len(weights)):
            code = self.weighted(weights)
            if code not in plan.fields:
                plan.fields.append(code)
        plan.countries = self.operating_countries(plan)
        if plan.kind == PartnerKind.NGO and not plan.friendship:
            plan.home = self.weighted(list(NGO_PROVINCES.items()))
        status = self.status_for(plan)
        strength = self.strength_for(status)
        values = plan.values
        values.update(
            status=status,
            strength=strength,
            strength_reason=(
                rng.choice(STRENGTH_REASONS[strength if status == PartnerStatus.ACTIVE else status])
                if strength and rng.random() < 0.7
                else ""
            ),
            relationship_since=self.since_for(plan, status),
            sensitivity=Sensitivity.PUBLIC if rng.random() < 0.22 else Sensitivity.INTERNAL,
            tags=self.tags_for(plan),
        )
        if status == PartnerStatus.ENDED:
            plan.ended_on = self.day_between(moved(date(2021, 1, 1)), moved(date(2024, 6, 30)))
            plan.quiet = plan.ended_on <= moved(QUIET_SINCE)
        elif status == PartnerStatus.DORMANT:
            plan.quiet = True
        elif status == PartnerStatus.ACTIVE and rng.random() < 0.025:
            plan.quiet = True  # active on paper, silent in fact: what the dormant flag is for
        last = plan.ended_on or (moved(QUIET_SINCE) if plan.quiet else None)
        if last and values["relationship_since"] and values["relationship_since"] > last:
            values["relationship_since"] = self.day_between(moved(date(1995, 1, 1)), last)
        if plan.kind == PartnerKind.EMBASSY:
            values["sensitivity"] = (
                Sensitivity.PUBLIC if rng.random() < 0.6 else Sensitivity.INTERNAL
            )
        self.fill_contact_details(plan)
        self.plan_contacts(plan)

    def operating_countries(self, plan: Plan) -> list[str]:
        if plan.kind == PartnerKind.INDIVIDUAL:
            return []
        if plan.kind in (PartnerKind.EMBASSY, PartnerKind.OVERSEAS_VIETNAMESE):
            return ["VN"]
        chosen = ["VN"] if self.rng.random() < 0.9 else []
        for _ in range(self.weighted([(0, 5), (1, 3), (2, 2), (3, 1)])):
            code = self.rng.choice(NEIGHBOURS + [plan.country])
            if code not in chosen:
                chosen.append(code)
        return chosen[:4]

    def status_for(self, plan: Plan) -> str:
        if plan.kind in (PartnerKind.EMBASSY, PartnerKind.PARLIAMENT):
            return self.weighted([(PartnerStatus.ACTIVE, 19), (PartnerStatus.DORMANT, 1)])
        return self.weighted(
            [
                (PartnerStatus.ACTIVE, 82),
                (PartnerStatus.PROSPECTIVE, 8),
                (PartnerStatus.DORMANT, 5),
                (PartnerStatus.ENDED, 5),
            ]
        )

    def strength_for(self, status: str) -> int | None:
        if status == PartnerStatus.ACTIVE:
            return self.weighted([(5, 15), (4, 35), (3, 35), (2, 15)])
        if status == PartnerStatus.PROSPECTIVE:
            return self.weighted([(1, 3), (2, 2), (None, 1)])
        return self.weighted([(1, 2), (2, 3), (3, 1), (None, 1)])

    def since_for(self, plan: Plan, status: str) -> date | None:
        if status == PartnerStatus.PROSPECTIVE:
            return (
                None
                if self.rng.random() < 0.5
                else self.day_between(moved(date(2024, 1, 1)), moved(date(2024, 12, 31)))
            )
        start, end = moved(date(1990, 1, 1)), moved(date(2024, 12, 31))
        if plan.kind in (PartnerKind.ENTERPRISE, PartnerKind.OVERSEAS_VIETNAMESE):
            start = moved(date(2005, 1, 1))
        elif plan.kind == PartnerKind.EMBASSY:
            end = moved(date(2005, 12, 31))
        return self.day_between(start, end)

    def tags_for(self, plan: Plan) -> str:
        if self.rng.random() > 0.35:
            return ""
        tags = [TAGS[code] for code in plan.fields if code in TAGS]
        if self.rng.random() < 0.5:
            tags.append(self.rng.choice(EXTRA_TAGS[""] + EXTRA_TAGS.get(plan.kind, [])))
        return ", ".join(dict.fromkeys(tags))

    def fill_contact_details(self, plan: Plan) -> None:
        rng, values = self.rng, plan.values
        if plan.domain and rng.random() < 0.9:
            values["website"] = f"https://www.{plan.domain}"
            if rng.random() < 0.85:
                mailbox = "vietnam" if plan.kind == PartnerKind.NGO else "info"
                if plan.kind == PartnerKind.EMBASSY:
                    mailbox = "hanoi"
                values["email"] = f"{mailbox}@{plan.domain}"
        in_viet_nam = plan.kind == PartnerKind.EMBASSY or (
            plan.kind in (PartnerKind.NGO, PartnerKind.INTERNATIONAL_ORG, PartnerKind.ENTERPRISE)
            and not plan.friendship
            and rng.random() < 0.5
        )
        if in_viet_nam:
            code = plan.home if plan.home in WARDS else rng.choice(["01", "01", "79", "48"])
            if plan.kind == PartnerKind.EMBASSY:
                code = "01"
            city, wards = WARDS[code]
            values["address"] = (
                f"Số {rng.randint(1, 120)} {rng.choice(STREETS)}, "
                f"phường {rng.choice(wards)}, {city}"
            )
            area = {"01": "24", "79": "28", "48": "236", "46": "234"}[code]
            values["phone"] = f"+84 {area} {rng.randint(3700, 3999)} {rng.randint(1000, 9999)}"
        elif plan.kind == PartnerKind.NGO and not plan.friendship and not plan.name_en:
            city = rng.choice(HQ_CITIES.get(plan.country, [COUNTRIES[plan.country][2]]))
            values["address"] = f"{city}, {self.countries[plan.country].name_en}"

    def plan_contacts(self, plan: Plan) -> None:
        rng = self.rng
        culture = COUNTRIES[plan.country][1]
        if plan.kind == PartnerKind.OVERSEAS_VIETNAMESE:
            culture = "vi"
        language = LANGUAGES[culture] if culture != "vi" else "Vietnamese"
        if plan.kind == PartnerKind.INDIVIDUAL:
            # The friend is the contact; some have a relative or assistant who answers for them.
            gender = plan.values.pop("gender")
            plan.contacts.append(
                {
                    "full_name": plan.name,
                    "title": plan.values.pop("profession"),
                    "languages": language,
                    "is_current": True,
                    "spoken": self.spoken(plan.name, gender),
                }
            )
            if rng.random() < 0.25:
                plan.contacts.append(self.contact(plan, culture, "Personal assistant", language))
            return
        if rng.random() < 0.08:
            return  # nobody known by name yet
        count = self.weighted([(1, 4), (2, 4), (3, 2)])
        titles = FRIENDSHIP_TITLES if plan.friendship else CONTACT_TITLES[plan.kind]
        if plan.kind == PartnerKind.EMBASSY:
            titles = ["Ambassador"] + list(titles)
        chosen = titles[:1] + rng.sample(titles[1:], min(count - 1, len(titles) - 1))
        official = plan.kind in (
            PartnerKind.EMBASSY,
            PartnerKind.GOVERNMENT,
            PartnerKind.PARLIAMENT,
        )
        for title in chosen:
            # Some NGOs and firms send an English-speaking expatriate; states send their own.
            expatriate = not official and culture != "vi" and rng.random() < 0.15
            contact_culture = "en" if expatriate else culture
            plan.contacts.append(self.contact(plan, contact_culture, title, language))
        if plan.kind == PartnerKind.EMBASSY and rng.random() < 0.4:
            plan.contacts.append(self.contact(plan, culture, "Ambassador", language, current=False))
        elif rng.random() < 0.1:
            plan.contacts.append(self.contact(plan, culture, chosen[0], language, current=False))

    def contact(self, plan, culture, title, language, current=True) -> dict:
        full_name, gender = self.person(culture)
        languages = language if language == "English" else f"{language}, English"
        if culture != "vi" and self.rng.random() < 0.15:
            languages += ", Vietnamese"
        email = ""
        if plan.domain and self.rng.random() < 0.75:
            if culture == "vi":  # hanh.nguyen@
                local = f"{normalise(full_name.split()[-1])}.{normalise(full_name.split()[0])}"
            else:  # j.smith@
                if culture in FAMILY_FIRST:
                    family, given = full_name.split(" ", 1)
                else:
                    given, family = full_name.split(" ", 1)[0], full_name.rsplit(" ", 1)[-1]
                local = f"{normalise(given)[0]}.{normalise(family).replace(' ', '')}"
            email = f"{local}@{plan.domain}"
        return {
            "full_name": full_name,
            "title": title,
            "languages": languages,
            "email": email,
            "is_current": current,
            "spoken": self.spoken(full_name, gender, title),
        }

    # --- who holds what -------------------------------------------------------------------------

    def plan_holders(self, plan: Plan) -> None:
        rng = self.rng
        code = plan.country
        association = self.associations.get(code)
        department = self.department_for(code)
        paccom = self.departments["paccom"]
        holders: list[Organization] = []
        supporting: list[Organization] = []

        def local() -> Organization:
            return self.unions[self.weighted(list(LOCAL_PROVINCES.items()))]

        kind = plan.kind
        if kind == PartnerKind.NGO and not plan.friendship:
            home_union = self.unions.get(plan.home)
            if home_union and rng.random() < 0.6:
                holders.append(home_union)
                if rng.random() < 0.7:
                    supporting.append(paccom)
            else:
                holders.append(paccom)
                if home_union and rng.random() < 0.6:
                    supporting.append(home_union)
            if association and rng.random() < 0.3:
                supporting.append(association)
        elif kind == PartnerKind.NGO:
            holders.append(association or department)
            if rng.random() < 0.5:
                supporting.append(department)
            if rng.random() < 0.3:
                supporting.append(self.unions[self.border_or_local(code)])
        elif kind in (PartnerKind.EMBASSY, PartnerKind.PARLIAMENT):
            holders.append(department)
            if association and rng.random() < 0.9:
                supporting.append(association)
            if kind == PartnerKind.EMBASSY and rng.random() < 0.3:
                supporting.append(self.hanoi)
        elif kind == PartnerKind.INTERNATIONAL_ORG:
            holders.append(paccom if rng.random() < 0.6 else department)
            supporting.append(department if holders[0] is paccom else paccom)
        elif kind == PartnerKind.GOVERNMENT:
            if code in BORDER_PROVINCES:
                holders.append(self.unions[rng.choice(BORDER_PROVINCES[code])])
                supporting.append(department)
            else:
                holders.append(department)
            if association:
                supporting.append(association)
        elif kind in (PartnerKind.OVERSEAS_VIETNAMESE, PartnerKind.INDIVIDUAL):
            holders.append(association or department)
            if rng.random() < 0.45:
                # Nghệ An's Union works with the many people of the province living abroad.
                from_nghe_an = kind == PartnerKind.OVERSEAS_VIETNAMESE and rng.random() < 0.4
                supporting.append(self.unions["40"] if from_nghe_an else local())
        elif kind == PartnerKind.ENTERPRISE:
            if rng.random() < 0.5:
                holders.append(local())
                if association:
                    supporting.append(association)
            else:
                holders.append(association or department)
                if rng.random() < 0.4:
                    supporting.append(local())
        elif kind == PartnerKind.OTHER:
            holders.append(local() if rng.random() < 0.6 else association or department)
            if association and association not in holders:
                supporting.append(association)
        else:  # research, university, religious, media
            holders.append(association if association and rng.random() < 0.5 else department)
            if rng.random() < 0.35:
                supporting.append(local())
        for org in supporting:
            if org not in holders and len(holders) < 3:
                holders.append(org)
        plan.holders = [
            (org, HolderRole.LEAD if index == 0 else HolderRole.SUPPORTING)
            for index, org in enumerate(holders)
        ]

    def border_or_local(self, code: str) -> str:
        if code in BORDER_PROVINCES:
            return self.rng.choice(BORDER_PROVINCES[code])
        return self.weighted(list(LOCAL_PROVINCES.items()))

    def held_by(self, plan: Plan, org: Organization) -> bool:
        return any(holder == org for holder, _role in plan.holders)

    def ensure_local(self, union: Organization, province: str, minimum: int) -> None:
        """Enough partners held by the Unions of the demo's unit officers for scoping to show."""
        held = [plan for plan in self.plans if self.held_by(plan, union)]
        candidates = [
            plan
            for plan in self.plans
            if not self.held_by(plan, union)
            and len(plan.holders) < 3
            and (
                plan.home == province
                or plan.kind in (PartnerKind.UNIVERSITY, PartnerKind.INDIVIDUAL, PartnerKind.OTHER)
            )
        ]
        self.rng.shuffle(candidates)
        for plan in candidates[: max(minimum - len(held), 0)]:
            plan.holders.append((union, HolderRole.SUPPORTING))

    def choose_restricted(self) -> None:
        """About 5% restricted: two held by each unit officer's Union, the rest elsewhere."""
        sensitive = (
            PartnerKind.RELIGIOUS,
            PartnerKind.MEDIA,
            PartnerKind.INDIVIDUAL,
            PartnerKind.NGO,
            PartnerKind.RESEARCH,
        )
        for union, other in ((self.hanoi, self.danang), (self.danang, self.hanoi)):
            mine = [
                plan
                for plan in self.plans
                if plan.kind in sensitive + (PartnerKind.ENTERPRISE, PartnerKind.OTHER)
                and self.held_by(plan, union)
                and not self.held_by(plan, other)
                and plan.values["sensitivity"] != Sensitivity.RESTRICTED
            ]
            for plan in self.rng.sample(mine, 2):
                plan.values["sensitivity"] = Sensitivity.RESTRICTED
        elsewhere = [
            plan
            for plan in self.plans
            if plan.kind in sensitive
            and not self.held_by(plan, self.hanoi)
            and not self.held_by(plan, self.danang)
        ]
        for plan in self.rng.sample(elsewhere, round(len(self.plans) * 0.05) - 4):
            plan.values["sensitivity"] = Sensitivity.RESTRICTED

    # --- near-duplicates ------------------------------------------------------------------------

    def plan_duplicates(self) -> None:
        """Twelve partners entered twice, as happens when a Union enters one the centre holds.

        The pairs, for the duplicates page to find:
        - a French and a Vietnamese name typed without diacritics;
        - a legal suffix added or dropped (an enterprise, a German "e.V.", an NGO's ", Inc.");
        - the words of a friendship society's name reordered, and of a university's;
        - a one-letter typo, in an NGO's and in a research institute's name;
        - the acronym alone as the name, for an NGO and an international organization;
        - the same website under a different (translated) name.
        """
        by_kind: dict[str, list[Plan]] = {}
        for plan in self.plans:
            if plan.values["sensitivity"] != Sensitivity.RESTRICTED:
                by_kind.setdefault(plan.kind, []).append(plan)

        def first(kind, test) -> Plan:
            return next(plan for plan in by_kind[kind] if test(plan) and not plan.paired)

        ngos = [p for p in by_kind[PartnerKind.NGO] if not p.friendship]
        accented = next(p for p in ngos if p.country == "FR" and p.name != strip_marks(p.name))
        self.duplicate(accented, strip_marks(accented.name))
        overseas = by_kind[PartnerKind.OVERSEAS_VIETNAMESE][0]
        self.duplicate(overseas, strip_marks(overseas.name))
        company = first(PartnerKind.ENTERPRISE, lambda p: p.name.endswith("Co., Ltd."))
        self.duplicate(company, company.name.removesuffix(" Co., Ltd."))
        verein = next(p for p in ngos if p.name.endswith(" e.V."))
        self.duplicate(verein, verein.name.removesuffix(" e.V."))
        foundation = next(p for p in ngos if p.name.endswith("Foundation") and p.country == "US")
        self.duplicate(foundation, f"{foundation.name}, Inc.")
        society = next(p for p in self.plans if p.friendship and "–Viet Nam" in p.name)
        self.duplicate(society, reorder_pair(society.name))
        university = first(PartnerKind.UNIVERSITY, lambda p: p.name.startswith("University of"))
        place = university.name.removeprefix("University of the ").removeprefix("University of ")
        self.duplicate(university, f"{place} University")
        typo = next(p for p in ngos if p.country in ("GB", "AU") and not p.name_en)
        self.duplicate(typo, one_letter_typo(typo.name))
        institute = first(PartnerKind.RESEARCH, lambda p: p.country == "US")
        self.duplicate(institute, one_letter_typo(institute.name))
        short = next(p for p in ngos if len(p.acronym) >= 3 and p.country == "US" and not p.paired)
        self.duplicate(short, short.acronym)
        organization = first(PartnerKind.INTERNATIONAL_ORG, lambda p: bool(p.acronym))
        self.duplicate(organization, organization.acronym)
        same_site = next(p for p in ngos if p.name_en and p.values.get("website") and not p.paired)
        self.duplicate(same_site, same_site.name_en, website=same_site.values["website"])

    def duplicate(self, original: Plan, name: str, website: str = "") -> Plan:
        rng = self.rng
        plan = Plan(
            kind=original.kind,
            country=original.country,
            name=name,
            friendship=original.friendship,
            duplicate_of=original,
        )
        original.paired = True
        plan.fields = original.fields[:1]
        plan.countries = ["VN"] if "VN" in original.countries else []
        plan.home = original.home
        status = PartnerStatus.ACTIVE if rng.random() < 0.7 else PartnerStatus.PROSPECTIVE
        plan.values = {
            "status": status,
            "strength": rng.choice([2, 3]) if status == PartnerStatus.ACTIVE else None,
            "relationship_since": self.day_between(
                moved(date(2022, 1, 1)), moved(date(2024, 12, 31))
            ),
            "sensitivity": Sensitivity.INTERNAL,
            "website": website,
        }
        if original.contacts and rng.random() < 0.6:
            same = original.contacts[0]
            plan.contacts = [dict(same, email="", is_current=True)]
        # Entered by a Union that did not know the centre already held it.
        taken = {org.pk for org, _role in original.holders}
        unions = [
            self.unions[code]
            for code in ("01", "48", "79", "46", "40")
            if self.unions[code].pk not in taken
        ]
        plan.holders = [(rng.choice(unions), HolderRole.LEAD)]
        self.plans.append(plan)
        return plan

    # --- writing --------------------------------------------------------------------------------

    def write_partners(self) -> None:
        partners = []
        for number, plan in enumerate(self.plans, start=1):
            values = plan.values
            partner = Partner(
                kind=plan.kind,
                name=plan.name,
                name_vi=plan.name_vi,
                name_en=plan.name_en,
                acronym=plan.acronym,
                country=self.countries[plan.country],
                external_ref=f"{REF_PREFIX}{number:03d}",
                notes=MARK,
                **values,
            )
            # What Partner.save() derives, written here because the rows are bulk-created: the
            # contacts are already known, so the search text holds their names from the start.
            names = [c["full_name"] for c in sorted(plan.contacts, key=contact_order)]
            partner.search_text = partner.derive_search_text(names)
            partner.derive_sort_names()
            partners.append(partner)
        bulk_create_with_history(partners, Partner, batch_size=500, default_user=self.admin)
        for plan, partner in zip(self.plans, partners, strict=True):
            plan.partner = partner
        Countries = Partner.countries.through
        Fields = Partner.fields.through
        Countries.objects.bulk_create(
            Countries(partner_id=plan.partner.pk, country_id=self.countries[code].pk)
            for plan in self.plans
            for code in plan.countries
        )
        Fields.objects.bulk_create(
            Fields(partner_id=plan.partner.pk, fieldofwork_id=self.fields[code].pk)
            for plan in self.plans
            for code in plan.fields
        )

    def write_holders_and_contacts(self) -> None:
        holders, contacts = [], []
        for plan in self.plans:
            since = plan.values.get("relationship_since")
            for org, role in plan.holders:
                start = since
                if since and role == HolderRole.SUPPORTING:
                    start = self.day_between(since, moved(date(2024, 12, 31)))
                holders.append(
                    RelationshipHolder(
                        partner=plan.partner,
                        organization=org,
                        role=role,
                        since=start,
                        notes=MARK,
                    )
                )
            for values in plan.contacts:
                values = {k: v for k, v in values.items() if k != "spoken"}
                contact = Contact(partner=plan.partner, notes=MARK, **values)
                contacts.append(contact)
                plan.contact_objects.append(contact)
        bulk_create_with_history(
            holders, RelationshipHolder, batch_size=500, default_user=self.admin
        )
        bulk_create_with_history(contacts, Contact, batch_size=500, default_user=self.admin)

    def write_registrations(self) -> None:
        """Most development NGOs are registered; a few registrations expire soon, a few have."""
        rng, today = self.rng, demo_today()
        ngos = [
            plan
            for plan in self.plans
            if plan.kind == PartnerKind.NGO and not plan.friendship and not plan.duplicate_of
        ]
        registered = [
            plan
            for plan in ngos
            if plan.values["status"] != PartnerStatus.PROSPECTIVE and rng.random() < 0.88
        ]
        quiet = [plan for plan in registered if plan.quiet]
        live = [plan for plan in registered if not plan.quiet]
        expired = set(map(id, rng.sample(quiet, min(5, len(quiet)))))
        expiring = set(map(id, rng.sample(live, 4)))
        numbers = rng.sample(range(20, 990), len(registered))
        earliest = max(moved(date(2019, 1, 1)), add_years(today, -5) + timedelta(days=91))
        latest = min(moved(date(2024, 12, 31)), today)
        if earliest > latest:  # the demo loaded long after 2029: keep "valid" meaning valid
            earliest, latest = add_years(today, -5) + timedelta(days=91), today
        rows, covered = [], []
        for plan, number in zip(registered, numbers, strict=True):
            if id(plan) in expiring:
                expires = today + timedelta(days=rng.randint(10, 85))
                issued = add_years(expires, -5)
            elif id(plan) in expired:
                expires = today - timedelta(days=rng.randint(20, 400))
                issued = add_years(expires, -5)
            else:
                issued = self.day_between(earliest, latest)
                expires = add_years(issued, 5)
            kind = self.weighted(
                [
                    (RegistrationType.PROJECT_OFFICE, 45),
                    (RegistrationType.OPERATION, 35),
                    (RegistrationType.REPRESENTATIVE_OFFICE, 20),
                ]
            )
            rows.append(
                NgoRegistration(
                    partner=plan.partner,
                    registration_type=kind,
                    number=f"{number}/ĐK-PCP",
                    issuing_authority=AUTHORITY,
                    issued_on=issued,
                    expires_on=expires,
                    notes=MARK,
                )
            )
            provinces = [plan.home] if plan.home else []
            for _ in range(self.weighted([(0, 3), (1, 3), (2, 2), (3, 1), (4, 1)])):
                code = self.weighted(list(NGO_PROVINCES.items()))
                if code not in provinces:
                    provinces.append(code)
            covered.append(provinces)
        bulk_create_with_history(rows, NgoRegistration, batch_size=500, default_user=self.admin)
        Provinces = NgoRegistration.provinces.through
        Provinces.objects.bulk_create(
            Provinces(ngoregistration_id=row.pk, province_id=self.provinces[code].pk)
            for row, codes in zip(rows, covered, strict=True)
            for code in codes
        )

    # --- interactions ---------------------------------------------------------------------------

    def interaction_dates(self, plan: Plan) -> list[date]:
        rng, values = self.rng, plan.values
        status = values["status"]
        start = max(moved(FIRST_DAY), values.get("relationship_since") or moved(date(2024, 1, 1)))
        end = moved(HORIZON)
        if plan.duplicate_of:
            count = rng.randint(1, 3)
            start = max(start, moved(date(2023, 6, 1)))
        elif status == PartnerStatus.PROSPECTIVE:
            count = rng.choice([0, 1, 2, 2, 3])
            start = max(start, moved(date(2024, 6, 1)))
        elif status == PartnerStatus.ACTIVE and not plan.quiet:
            low, high = {5: (14, 24), 4: (9, 16), 3: (6, 11), 2: (3, 7)}[values["strength"]]
            count = rng.randint(low, high)
        else:
            count = rng.randint(1, 5)
        if plan.ended_on:
            end = plan.ended_on
        elif plan.quiet:
            end = moved(QUIET_SINCE)
        if start > end:
            start = max(moved(FIRST_DAY), end - timedelta(days=700))
        days = sorted(self.day_between(start, end) for _ in range(count))
        if days and plan.ended_on:
            days[-1] = plan.ended_on  # the closing letter or meeting
        recent = status == PartnerStatus.ACTIVE and not plan.quiet
        if days and recent and days[-1] < moved(RECENT_FROM):
            days[-1] = self.day_between(moved(RECENT_FROM), moved(HORIZON))  # in touch lately
        return days

    def recent_for_hanoi(self) -> list[tuple[Plan, date]]:
        """A few interactions of Ha Noi's own in the last weeks, with partners it leads in regular
        contact: the random days could leave its last month empty, and its officer's home page
        (the demo's log-in `hanoi`) would then hide the panel of recent interactions."""
        led = [
            plan
            for plan in self.plans
            if plan.holders
            and plan.holders[0][0] == self.hanoi
            and plan.values["status"] == PartnerStatus.ACTIVE
            and not (plan.quiet or plan.ended_on or plan.duplicate_of)
        ]
        today = demo_today()
        return [
            (plan, today - timedelta(days=days))
            for plan, days in zip(led, HANOI_RECENT_DAYS, strict=False)
        ]

    def write_interactions(self) -> None:
        written = InteractionRows()
        for plan in self.plans:
            orgs = [org for org, _role in plan.holders]
            for day in self.interaction_dates(plan):
                org = (
                    orgs[0]
                    if self.rng.random() < 0.65 or len(orgs) == 1
                    else self.rng.choice(orgs[1:])
                )
                self.plan_interaction(written, plan, org, day)
        # after every other random draw, so that the rest of the set is as it was without them
        for plan, day in self.recent_for_hanoi():
            self.plan_interaction(written, plan, self.hanoi, day)
        self.quieten_associations(written)
        self.write_interaction_rows(written)

    def quieten_associations(self, written: InteractionRows) -> None:
        """Move the recent interactions of the QUIET_ASSOCIATIONS back by QUIET_ASSOCIATION_DAYS
        (their follow-ups with them, done by now) and leave them out of the recent interactions
        of others: the set keeps its size and every other record, and they go quiet. No random
        draw, so the rest of the set is as it was."""
        quiet = {
            self.associations[code] for code in QUIET_ASSOCIATIONS if code in self.associations
        }
        since = demo_today() - timedelta(days=QUIET_ASSOCIATION_DAYS)
        back = timedelta(days=QUIET_ASSOCIATION_DAYS)
        moved_back = set()
        for interaction, others in zip(written.interactions, written.others, strict=True):
            if interaction.occurred_on <= since:
                continue
            if interaction.organization in quiet:
                interaction.occurred_on -= back
                moved_back.add(id(interaction))
            others[:] = [org for org in others if org not in quiet]
        for interaction, values in written.follow_ups:
            if id(interaction) in moved_back:
                values["due_on"] -= back
                if values["state"] == FollowUpState.OPEN:
                    values["state"] = FollowUpState.DONE

    def plan_interaction(self, written: InteractionRows, plan: Plan, org, day: date) -> None:
        """One interaction of `org`'s with the partner of `plan`, its people and follow-up."""
        rng = self.rng
        kind = self.interaction_kind(plan, day)
        interaction = Interaction(
            partner=plan.partner,
            organization=org,
            occurred_on=day,
            kind=kind,
            summary=self.summary(plan, org, kind, day),
            notes=MARK,
        )
        written.interactions.append(interaction)
        staff = self.people.get(org.pk, [])
        chosen_people = rng.sample(staff, min(len(staff), rng.randint(1, 3)))
        written.people.append(chosen_people)
        current = [c for c in plan.contact_objects if c.is_current or day.year < 2023]
        written.contacts.append(rng.sample(current, min(len(current), rng.randint(0, 2))))
        other = None
        if rng.random() < 0.12:
            # Another of ours came along: a fellow holder, or the Union of the place.
            orgs = [holder for holder, _role in plan.holders]
            other = rng.choice([o for o in orgs if o != org] or list(self.unions.values()))
        written.others.append([other] if other and other != org else [])
        if rng.random() < 0.2:
            written.follow_ups.append((interaction, self.follow_up(day, chosen_people)))

    def write_interaction_rows(self, written: InteractionRows) -> None:
        interactions, people = written.interactions, written.people
        contacts, others, follow_ups = written.contacts, written.others, written.follow_ups
        bulk_create_with_history(interactions, Interaction, batch_size=500, default_user=self.admin)
        People = Interaction.people.through
        Contacts = Interaction.contacts.through
        Others = Interaction.other_organizations.through
        People.objects.bulk_create(
            People(interaction_id=i.pk, person_id=pk)
            for i, pks in zip(interactions, people, strict=True)
            for pk in pks
        )
        Contacts.objects.bulk_create(
            Contacts(interaction_id=i.pk, contact_id=c.pk)
            for i, chosen in zip(interactions, contacts, strict=True)
            for c in chosen
        )
        Others.objects.bulk_create(
            Others(interaction_id=i.pk, organization_id=o.pk)
            for i, chosen in zip(interactions, others, strict=True)
            for o in chosen
        )
        rows = []
        for interaction, values in follow_ups:
            values["interaction"] = interaction
            rows.append(FollowUp(notes=MARK, **values))
        bulk_create_with_history(rows, FollowUp, batch_size=500, default_user=self.admin)

    def interaction_kind(self, plan: Plan, day: date) -> str:
        weights = KIND_WEIGHTS["pandemic" if day.year in (2020, 2021) else "normal"]
        kind = self.weighted(weights)
        if kind == InteractionKind.AGREEMENT and plan.kind in (
            PartnerKind.EMBASSY,
            PartnerKind.INDIVIDUAL,
            PartnerKind.MEDIA,
            PartnerKind.PARLIAMENT,
        ):
            kind = InteractionKind.RECEPTION
        return kind

    def summary(self, plan: Plan, org: Organization, kind: str, day: date) -> str:
        rng = self.rng
        partner = plan.acronym or plan.name_vi or plan.name
        if plan.kind == PartnerKind.INDIVIDUAL:
            partner = plan.contacts[0]["spoken"]
        topic = rng.choice(TOPICS.get(rng.choice(plan.fields), ["hoạt động hợp tác"]))
        contact = next((c["spoken"] for c in plan.contacts if c["is_current"]), partner)
        province = self.provinces.get(plan.home) or (org.province if org.province_id else None)
        place = province.name if province else rng.choice(["Hà Nội", "Huế", "Đà Nẵng"])
        project = plan.kind in PROJECT_KINDS and not plan.friendship
        templates = (PROJECT_SUMMARIES if project else RELATION_SUMMARIES)[kind]
        if kind == InteractionKind.LETTER and plan.kind in (
            PartnerKind.EMBASSY,
            PartnerKind.GOVERNMENT,
            PartnerKind.PARLIAMENT,
        ):
            templates = STATE_LETTERS
        event = rng.choice(EVENTS).format(y=day.year, prev=day.year - 1)
        if day.year == 2025 and rng.random() < 0.3:
            event = "Lễ kỷ niệm 75 năm Ngày thành lập Liên hiệp các tổ chức hữu nghị Việt Nam"
        text = rng.choice(templates).format(
            p=partner,
            t=topic,
            prov=place,
            c=contact,
            o=org.short_name or org.name,
            y=day.year,
            y2=day.year + 2,
            occasion=rng.choice(OCCASIONS),
            event=event,
            country=self.countries[plan.country].name_vi,
        )
        return text[0].upper() + text[1:]

    def follow_up(self, day: date, people: list[int]) -> dict:
        rng = self.rng
        due = day + timedelta(days=rng.randint(7, 60))
        if due < moved(HORIZON) - timedelta(days=60):
            # long past: done or given up; what is still open is of the last two months
            state = self.weighted([(FollowUpState.DONE, 94), (FollowUpState.CANCELLED, 6)])
        else:
            state = self.weighted([(FollowUpState.OPEN, 70), (FollowUpState.DONE, 30)])
        return {
            "action": rng.choice(FOLLOW_UPS),
            "owner_id": people[0] if people else None,
            "due_on": due,
            "state": state,
        }

    def update_last_contact(self) -> None:
        """The write path's step after interactions are written: their partners' last contact."""
        interactions = Interaction.objects.filter(partner__external_ref__startswith=REF_PREFIX)
        InteractionWriter().after_save_batch(interactions.only("partner_id"), self.admin, True)

    # --- the whole ------------------------------------------------------------------------------

    def run(self) -> None:
        self.read_registry()
        self.plan_ngos()
        self.plan_embassies()
        self.plan_listed()
        for plan in self.plans:
            self.fill(plan)
            self.plan_holders(plan)
        self.ensure_local(self.hanoi, "01", 20)
        self.ensure_local(self.danang, "48", 18)
        self.choose_restricted()
        self.plan_duplicates()
        self.write_partners()
        self.write_holders_and_contacts()
        self.write_registrations()
        self.write_interactions()
        self.update_last_contact()


# --- text helpers -------------------------------------------------------------------------------


def contact_order(contact: dict):
    """Contacts in their model's order (current first, then by name), as Partner.save reads them."""
    return (not contact.get("is_current", True), contact["full_name"])


def strip_marks(text: str) -> str:
    """The text as typed on a keyboard without Vietnamese or French diacritics."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reorder_pair(name: str) -> str:
    """ "Japan–Viet Nam Friendship …" → "Viet Nam–Japan Friendship …"."""
    head, _dash, rest = name.partition("–Viet Nam")
    first_word = head.split()[-1]
    prefix = head[: -len(first_word)]
    return f"{prefix}Viet Nam–{first_word}{rest}"


def one_letter_typo(name: str) -> str:
    """Drop one letter of a doubled pair, or else of the longest word: "Harwell" → "Harwel"."""
    words = name.split()
    for index, word in enumerate(words):
        for position in range(1, len(word)):
            if word[position] == word[position - 1] and word[position].isalpha():
                words[index] = word[:position] + word[position + 1 :]
                return " ".join(words)
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    words[longest] = word[:-2] + word[-1]
    return " ".join(words)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- entry points -------------------------------------------------------------------------------


def load(stdout) -> dict[str, int]:
    """Write the partner database's demo data set; print and return what it made."""
    if Partner.all_objects.filter(external_ref__startswith=REF_PREFIX).exists():
        raise CommandError("The partners' demo data set is already loaded.")
    demo = PartnerDemo()
    demo.run()
    counts = count()
    for label, number in counts.items():
        stdout.write(f"  {label}: {number}\n")
    return counts


def count() -> dict[str, int]:
    """How many records of each kind the partners' demo data set holds."""
    partners = Partner.all_objects.filter(external_ref__startswith=REF_PREFIX)
    counts = {"partners": partners.count()}
    for kind in PartnerKind:
        counts[f"- {kind.label}"] = partners.filter(kind=kind).count()
    counts["- restricted"] = partners.filter(sensitivity=Sensitivity.RESTRICTED).count()
    mine = {"partner__in": partners}
    counts["contacts"] = Contact.all_objects.filter(**mine).count()
    counts["relationship holders"] = RelationshipHolder.all_objects.filter(**mine).count()
    counts["NGO registrations"] = NgoRegistration.all_objects.filter(**mine).count()
    counts["interactions"] = Interaction.all_objects.filter(**mine).count()
    counts["follow-up actions"] = FollowUp.all_objects.filter(
        interaction__partner__in=partners
    ).count()
    return counts
