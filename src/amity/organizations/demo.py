"""The demo data set of the registry: the federation's tree, its people, bodies and staffing.

Everything here is invented for demonstration (people, figures, dates, decisions) and marked as
such: every organization and person has "[demo]" in its notes and an `external_ref` starting with
"demo-". The tree follows the real shape of the network: the central Union, the departments of its
Standing Agency, country friendship associations at the central level, and 52 provincial and city
Unions of the 63 provinces before 1 July 2025, merged on that day into the Unions of the 34 new
provinces through lineage events.

`load(stdout)` writes it all; `amity demo` calls it inside one transaction.
"""

import random
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.base import CommandError
from simple_history.utils import bulk_create_with_history

from amity.accounts.choices import Role
from amity.accounts.models import User
from amity.core.demo_dates import demo_today
from amity.geo.choices import ProvinceKind
from amity.geo.models import Province
from amity.organizations import services
from amity.organizations.choices import (
    Attendance,
    CommitteeKind,
    CommitteeRole,
    Gender,
    Language,
    LanguageLevel,
    LineageEventKind,
    OrganizationKind,
    OrganizationStatus,
    PositionTitle,
)
from amity.organizations.models import (
    Committee,
    CommitteeMeeting,
    CommitteeMember,
    Congress,
    LineageEvent,
    MeetingAttendance,
    Organization,
    Person,
    PersonLanguage,
    Position,
    StaffingRecord,
)

SEED = 2024
PASSWORD = "amity-demo"
MARK = "[demo]"
REF_PREFIX = "demo-"

MERGER_DATE = date(2025, 7, 1)
MERGER_DECISION_DATE = "20/6/2025"

# --- The tree -----------------------------------------------------------------------------------

CENTRAL_UNION = {
    "name": "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "name_en": "Viet Nam Union of Friendship Organizations",
    "short_name": "Liên hiệp hữu nghị Việt Nam",
    "short_name_en": "VUFO",
    "founded_on": date(1950, 5, 17),
    "address": "105A Quán Thánh, Ba Đình, Hà Nội",
    "external_ref": "demo-org-vufo",
}

# (ref, Vietnamese name, English name, short name (vi, en))
DEPARTMENTS = [
    (
        "organization",
        "Ban Tổ chức – Tổng hợp",
        "Department of Organization and General Affairs",
        ("Ban TC-TH", ""),
    ),
    (
        "asia-pacific",
        "Ban Châu Á – Thái Bình Dương",
        "Department of Asia–Pacific Affairs",
        ("", ""),
    ),
    ("europe", "Ban Châu Âu", "Department of European Affairs", ("", "")),
    ("americas", "Ban Châu Mỹ", "Department of American Affairs", ("", "")),
    (
        "africa-west-asia",
        "Ban Châu Phi – Tây Á",
        "Department of Africa–West Asia Affairs",
        ("", ""),
    ),
    (
        "paccom",
        "Ban Công tác phi chính phủ nước ngoài",
        "Department for Foreign NGO Affairs",
        ("PACCOM", "PACCOM"),
    ),
    ("office", "Văn phòng", "Office", ("", "")),
]

# (ISO code, Vietnamese country name, English name of the association, language of the country)
CENTRAL_ASSOCIATIONS = [
    ("us", "Hoa Kỳ", "Vietnam–USA Society", Language.ENGLISH),
    ("sg", "Singapore", "Vietnam–Singapore Friendship Association", Language.ENGLISH),
    ("ru", "Nga", "Vietnam–Russia Friendship Association", Language.RUSSIAN),
    ("cn", "Trung Quốc", "Vietnam–China Friendship Association", Language.CHINESE),
    ("jp", "Nhật Bản", "Vietnam–Japan Friendship Association", Language.JAPANESE),
    ("kr", "Hàn Quốc", "Vietnam–Korea Friendship Association", Language.KOREAN),
    ("la", "Lào", "Vietnam–Laos Friendship Association", Language.LAO),
    ("kh", "Campuchia", "Vietnam–Cambodia Friendship Association", Language.KHMER),
    ("fr", "Pháp", "Vietnam–France Friendship Association", Language.FRENCH),
    ("de", "Đức", "Vietnam–Germany Friendship Association", Language.GERMAN),
    ("cu", "Cuba", "Vietnam–Cuba Friendship Association", Language.SPANISH),
    ("in", "Ấn Độ", "Vietnam–India Friendship Association", Language.HINDI),
    ("au", "Úc", "Vietnam–Australia Friendship Association", Language.ENGLISH),
    ("gb", "Anh", "Vietnam–UK Friendship Association", Language.ENGLISH),
    ("it", "Ý", "Vietnam–Italy Friendship Association", Language.ITALIAN),
    ("th", "Thái Lan", "Vietnam–Thailand Friendship Association", Language.THAI),
    ("id", "Indonesia", "Vietnam–Indonesia Friendship Association", Language.INDONESIAN),
    ("pl", "Ba Lan", "Vietnam–Poland Friendship Association", Language.POLISH),
    ("cz", "Séc", "Vietnam–Czech Friendship Association", Language.CZECH),
    ("hu", "Hungary", "Vietnam–Hungary Friendship Association", Language.HUNGARIAN),
    ("mn", "Mông Cổ", "Vietnam–Mongolia Friendship Association", None),
    ("ca", "Canada", "Vietnam–Canada Friendship Association", Language.ENGLISH),
    ("br", "Brazil", "Vietnam–Brazil Friendship Association", Language.PORTUGUESE),
    ("eg", "Ai Cập", "Vietnam–Egypt Friendship Association", Language.ARABIC),
]
ASSOCIATION_COUNTRIES = {code: (vi, en, lang) for code, vi, en, lang in CENTRAL_ASSOCIATIONS}

#: The 11 of the 63 former provinces without a Union in the demo (52 have one, as in 2024). Each
#: new province still gets at least one; for Tuyên Quang and Vĩnh Long, whose namesake has none,
#: the merger makes a new Union.
PROVINCES_WITHOUT_UNION = {"06", "08", "26", "34", "35", "58", "62", "67", "70", "86", "93"}

#: Countries a provincial member association is most likely befriending, by old province code.
BORDER_COUNTRIES = {
    "02": ["cn"],
    "04": ["cn"],
    "10": ["cn", "la"],
    "11": ["la", "cn"],
    "12": ["cn"],
    "14": ["la"],
    "20": ["cn"],
    "22": ["cn"],
    "38": ["la"],
    "40": ["la"],
    "42": ["la"],
    "44": ["la"],
    "45": ["la"],
    "64": ["la", "kh"],
    "66": ["kh"],
    "72": ["kh"],
    "80": ["kh"],
    "87": ["kh"],
    "89": ["kh"],
    "91": ["kh"],
}
COMMON_COUNTRIES = ["la", "kh", "jp", "kr", "ru", "cn", "cu", "us", "fr", "de", "th", "in"]

#: The big Unions: more people, and a standing committee besides the executive committee.
BIG_PROVINCES = {"01", "79", "48", "31", "92", "75", "46", "22", "40"}

# --- People -------------------------------------------------------------------------------------

FAMILY_NAMES = [
    ("Nguyễn", 30),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Vũ", 4),
    ("Đặng", 3),
    ("Bùi", 3),
    ("Đỗ", 3),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 2),
    ("Lý", 1),
    ("Phan", 4),
    ("Huỳnh", 3),
    ("Võ", 3),
    ("Trương", 1),
    ("Đinh", 1),
    ("Lương", 1),
    ("Tạ", 1),
    ("Cao", 1),
]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Ngọc", "Anh", "Tiến"]
FEMALE_MIDDLE = [
    "Thị",
    "Thu",
    "Ngọc",
    "Thanh",
    "Minh",
    "Kim",
    "Hồng",
    "Phương",
    "Thị Thu",
    "Thị Lan",
]
MALE_GIVEN = [
    "Hùng",
    "Dũng",
    "Tuấn",
    "Minh",
    "Hải",
    "Nam",
    "Long",
    "Sơn",
    "Thắng",
    "Quân",
    "Bình",
    "Cường",
    "Hiếu",
    "Phong",
    "Trung",
    "Khánh",
    "Tùng",
    "Đức",
    "Thành",
    "Vinh",
    "Huy",
    "Tâm",
    "Lâm",
    "Kiên",
    "Toàn",
    "Nghĩa",
    "Phúc",
    "Hưng",
    "Việt",
    "Quý",
]
FEMALE_GIVEN = [
    "Lan",
    "Hương",
    "Hà",
    "Mai",
    "Linh",
    "Trang",
    "Thảo",
    "Hoa",
    "Ngọc",
    "Yến",
    "Huyền",
    "Nhung",
    "Dung",
    "Vân",
    "Hạnh",
    "Phương",
    "Thủy",
    "Oanh",
    "Giang",
    "Hằng",
    "Loan",
    "Anh",
    "Quyên",
    "Thư",
]
#: Leaders named in the articles this set was modelled on: never reused for invented people.
REAL_NAMES = {
    "Nguyễn Ngọc Bình",
    "Trần Thị Kim Vân",
    "Đỗ Việt Hà",
    "Nguyễn Thanh Trí",
    "Lê Xuân Hải",
    "Lương Ngọc Bình",
    "Nguyễn Ngọc Hùng",
    "Đồng Huy Cương",
    "Phạm Minh Chính",
}

EXPERTISE = [
    "đối ngoại nhân dân",
    "công tác phi chính phủ nước ngoài",
    "tiếng Anh – biên phiên dịch",
    "vận động viện trợ phi chính phủ",
    "quản lý dự án viện trợ",
    "công tác hội và phong trào",
    "tổ chức cán bộ",
    "thông tin đối ngoại",
    "kế toán – tài chính",
    "lễ tân đối ngoại",
    "công tác người Việt Nam ở nước ngoài",
    "thi đua – khen thưởng",
    "hành chính – văn phòng",
    "nghiên cứu quốc tế",
    "hợp tác giáo dục và văn hóa",
]
LANGUAGE_WEIGHTS = [
    (Language.ENGLISH, 40),
    (Language.FRENCH, 8),
    (Language.RUSSIAN, 8),
    (Language.CHINESE, 7),
    (Language.JAPANESE, 4),
    (Language.KOREAN, 4),
    (Language.GERMAN, 3),
    (Language.LAO, 4),
    (Language.KHMER, 2),
    (Language.SPANISH, 2),
    (Language.THAI, 1),
]
LEVEL_WEIGHTS = [
    (LanguageLevel.BASIC, 3),
    (LanguageLevel.WORKING, 5),
    (LanguageLevel.FLUENT, 3),
]

# (username, role, first name, last name)
USERS = [
    ("admin", Role.SYSTEM_ADMIN, "Quang Minh", "Nguyễn"),
    ("central", Role.CENTRAL_OFFICER, "Thu Hà", "Trần"),
    ("viewer", Role.VIEWER, "Văn Khánh", "Lê"),
    ("hanoi", Role.UNIT_OFFICER, "Thị Lan Anh", "Phạm"),
    ("danang", Role.UNIT_OFFICER, "Đức Thắng", "Hoàng"),
]
USERNAMES = [username for username, *_ in USERS]

BIRTH_YEARS = {
    PositionTitle.PRESIDENT: (1955, 1972),
    PositionTitle.HEAD_OF_DEPARTMENT: (1962, 1980),
    PositionTitle.VICE_PRESIDENT: (1958, 1985),
    PositionTitle.OFFICER: (1975, 1995),
}

COMMITTEE_NAMES = {
    CommitteeKind.EXECUTIVE: "Ban Chấp hành",
    CommitteeKind.STANDING: "Ban Thường vụ",
    CommitteeKind.PRESIDIUM: "Đoàn Chủ tịch",
}

MEETING_TOPICS = [
    "tổng kết công tác năm {prev} và triển khai nhiệm vụ năm {year}",
    "sơ kết công tác 6 tháng đầu năm {year}",
    "góp ý dự thảo Điều lệ (sửa đổi) của Liên hiệp các tổ chức hữu nghị Việt Nam",
    "triển khai phương án sắp xếp tổ chức bộ máy khi hợp nhất đơn vị hành chính",
    "công tác thi đua – khen thưởng năm {year}",
    "chuẩn bị Đại hội nhiệm kỳ 2025–2030",
    "kế hoạch làm việc với các tổ chức phi chính phủ nước ngoài năm {year}",
    "thống nhất mẫu báo cáo chung của hệ thống",
    "kiện toàn nhân sự Ban Chấp hành và các hội thành viên",
]


class Demo:
    """One load of the data set: the random source, the admin user and what has been made."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.admin: User | None = None
        self.person_seq = 0
        self.queued: dict[type, list] = {}
        self.used_names: set[str] = set()
        self.people: dict[int, list[Person]] = {}  # organization id → its people
        self.leaders: dict[int, dict[str, list[Person]]] = {}  # organization id → title → people

    # --- helpers --------------------------------------------------------------------------------

    def save(self, obj):
        """Save with the admin as author of the history record and the demo mark in the notes."""
        if hasattr(obj, "notes") and MARK not in obj.notes:
            obj.notes = f"{MARK} {obj.notes}".strip()
        obj._history_user = self.admin
        obj.save()
        return obj

    def later(self, obj):
        """Queue a new record for `write_queued`: many small rows are written in bulk."""
        obj.notes = MARK
        self.queued.setdefault(type(obj), []).append(obj)

    def write_queued(self):
        """Write the queued records, with their history (by the admin), in a few statements."""
        for model, objs in self.queued.items():
            bulk_create_with_history(objs, model, batch_size=500, default_user=self.admin)
        self.queued.clear()

    def weighted(self, pairs):
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]

    def day_between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max((end - start).days, 0)))

    def phone(self) -> str:
        area = self.rng.choice(["24", "28", "236", "225", "292", "251"])
        return f"0{area} {self.rng.randint(3000, 3999)} {self.rng.randint(1000, 9999)}"

    def mobile(self) -> str:
        digits = self.rng.randint(10, 99), self.rng.randint(100, 999), self.rng.randint(100, 999)
        return "09{} {} {}".format(*digits)

    def invent_name(self, gender: str) -> str:
        while True:
            family = self.weighted(FAMILY_NAMES)
            if gender == Gender.FEMALE:
                name = f"{family} {self.rng.choice(FEMALE_MIDDLE)} {self.rng.choice(FEMALE_GIVEN)}"
            else:
                name = f"{family} {self.rng.choice(MALE_MIDDLE)} {self.rng.choice(MALE_GIVEN)}"
            if name not in REAL_NAMES and name not in self.used_names:
                self.used_names.add(name)
                return name

    # --- organizations --------------------------------------------------------------------------

    def organization(self, **fields) -> Organization:
        return self.save(Organization(**fields))

    def make_central(self) -> Organization:
        self.central = self.organization(
            kind=OrganizationKind.CENTRAL_UNION,
            founding_decision="Thành lập ngày 17/5/1950 (Hội Văn hóa hữu nghị Việt Nam)",
            notes="Central Union of the demo data set.",
            **CENTRAL_UNION,
        )
        founded = LineageEvent(
            organization=self.central,
            kind=LineageEventKind.FOUNDED,
            occurred_on=CENTRAL_UNION["founded_on"],
            external_ref="demo-event-vufo-founded",
        )
        self.save(founded)
        self.departments = {}
        for ref, name, name_en, (short, short_en) in DEPARTMENTS:
            self.departments[ref] = self.organization(
                kind=OrganizationKind.STANDING_UNIT,
                parent=self.central,
                name=name,
                name_en=name_en,
                short_name=short,
                short_name_en=short_en,
                external_ref=f"demo-dept-{ref}",
                notes=(
                    "Known to partners as PACCOM, the Committee for Foreign NGO Affairs."
                    if ref == "paccom"
                    else ""
                ),
            )
        self.associations = {}
        for code, country, name_en, _language in CENTRAL_ASSOCIATIONS:
            self.associations[code] = self.organization(
                kind=OrganizationKind.CENTRAL_MEMBER,
                parent=self.central,
                name=f"Hội hữu nghị Việt Nam – {country}",
                name_en=name_en,
                founded_on=date(self.rng.randint(1955, 2012), self.rng.randint(1, 12), 1),
                external_ref=f"demo-assoc-{code}",
            )
        return self.central

    @staticmethod
    def union_names(province: Province) -> dict:
        if province.kind == ProvinceKind.CITY:
            vi, en = "thành phố", "City"
        else:
            vi, en = "tỉnh", "Province"
        return {
            "name": f"Liên hiệp các tổ chức hữu nghị {vi} {province.name}",
            "name_en": f"{province.name_en} {en} Union of Friendship Organizations",
            "short_name": f"LHHN {province.name}",
            "short_name_en": f"{province.name_en} UFO",
        }

    @staticmethod
    def slug(province: Province) -> str:
        return province.name_en.lower().replace(" ", "").replace("-", "")

    def make_provincial_unions(self) -> list[Organization]:
        self.unions = []
        for province in Province.objects.former().order_by("code"):
            if province.code in PROVINCES_WITHOUT_UNION:
                continue
            founded = date(
                self.rng.randint(1976, 2012), self.rng.randint(1, 12), self.rng.randint(1, 28)
            )
            union = self.organization(
                kind=OrganizationKind.PROVINCIAL_UNION,
                parent=self.central,
                province=province,
                founded_on=founded,
                founding_decision=(
                    f"Quyết định số {self.rng.randint(20, 950)}/QĐ-UBND "
                    f"ngày {founded:%d/%m/%Y} của Ủy ban nhân dân {province.full_name}"
                ),
                address=f"Số {self.rng.randint(1, 180)} đường Trần Phú, {province.name}",
                phone=self.phone(),
                external_ref=f"demo-org-{self.slug(province)}",
                **self.union_names(province),
            )
            self.unions.append(union)
            self.make_local_members(union, province)
        return self.unions

    def make_local_members(self, union: Organization, province: Province) -> None:
        if province.code in BIG_PROVINCES:
            count = self.rng.randint(3, 4)
        else:
            count = self.weighted([(0, 3), (1, 4), (2, 3), (3, 1)])
        likely = BORDER_COUNTRIES.get(province.code, [])
        countries = list(likely[:count])
        while len(countries) < count:
            code = self.rng.choice(COMMON_COUNTRIES)
            if code not in countries:
                countries.append(code)
        where_vi = "thành phố" if province.kind == ProvinceKind.CITY else "tỉnh"
        where_en = "City" if province.kind == ProvinceKind.CITY else "Province"
        for code in countries:
            country, name_en, _language = ASSOCIATION_COUNTRIES[code]
            self.organization(
                kind=OrganizationKind.LOCAL_MEMBER,
                parent=union,
                province=province,
                name=f"Hội hữu nghị Việt Nam – {country} {where_vi} {province.name}",
                name_en=f"{name_en} of {province.name_en} {where_en}",
                founded_on=date(self.rng.randint(1985, 2020), self.rng.randint(1, 12), 1),
                external_ref=f"{union.external_ref}-assoc-{code}",
            )

    # --- the 2025 merger ------------------------------------------------------------------------

    def merge_provinces(self) -> list[Organization]:
        """Merge the Unions of the old provinces into one Union per new province (1 July 2025)."""
        by_new: dict[int, list[Organization]] = {}
        for union in self.unions:
            by_new.setdefault(union.province.successor_id, []).append(union)
        self.active_unions = []
        for number, new in enumerate(Province.objects.current().order_by("code"), start=1):
            sources = by_new.get(new.pk, [])
            if not sources:
                continue
            decision = f"Quyết định số {1200 + number}/QĐ-LHHN ngày {MERGER_DECISION_DATE}"
            continuing = next((u for u in sources if u.province.name == new.name), None)
            others = [union for union in sources if union is not continuing]
            if continuing is None:
                successor = services.merge_organizations(
                    others,
                    occurred_on=MERGER_DATE,
                    decision=decision,
                    by=self.admin,
                    new_successor={
                        "kind": OrganizationKind.PROVINCIAL_UNION,
                        "parent": self.central,
                        "province": new,
                        "founded_on": MERGER_DATE,
                        "founding_decision": decision,
                        "address": f"Số {self.rng.randint(1, 120)} đường Lê Lợi, {new.name}",
                        "phone": self.phone(),
                        "external_ref": f"demo-org-{self.slug(new)}-2025",
                        "notes": f"{MARK} Formed on 1 July 2025 by the merger of the provinces.",
                        **self.union_names(new),
                    },
                )
                self.save(
                    LineageEvent(
                        organization=successor,
                        kind=LineageEventKind.FOUNDED,
                        occurred_on=MERGER_DATE,
                        decision=decision,
                        external_ref=f"demo-event-{self.slug(new)}-2025-founded",
                    )
                )
            else:
                successor = continuing
                if others:
                    services.merge_organizations(
                        others,
                        successor=continuing,
                        occurred_on=MERGER_DATE,
                        decision=decision,
                        by=self.admin,
                    )
                successor.refresh_from_db()
                new_names = self.union_names(new)
                if new_names["name"] != successor.name:
                    self.save(
                        LineageEvent(
                            organization=successor,
                            kind=LineageEventKind.RENAMED,
                            occurred_on=MERGER_DATE,
                            decision=decision,
                            previous_name=successor.name,
                            external_ref=f"demo-event-{self.slug(new)}-2025-renamed",
                        )
                    )
                    for field, value in new_names.items():
                        setattr(successor, field, value)
                successor.province = new
                self.save(successor)
            self.active_unions.append(successor)
        return self.active_unions

    # --- users ----------------------------------------------------------------------------------

    def make_admin(self) -> User:
        username, role, first, last = USERS[0]
        admin = User(
            username=username,
            role=role,
            first_name=first,
            last_name=last,
            email=f"{username}@demo.amity.example",
            is_staff=True,
            is_superuser=True,
        )
        # One hash for all: the password is the same and published, and hashing is slow.
        self.password_hash = make_password(PASSWORD)
        admin.password = self.password_hash
        admin.save()
        self.admin = admin
        return admin

    def make_users(self) -> None:
        by_ref = {u.external_ref: u for u in self.unions}
        homes = {
            "admin": self.central,
            "central": self.departments["organization"],
            "viewer": self.central,
            "hanoi": by_ref["demo-org-hanoi"],
            "danang": by_ref["demo-org-danang"],
        }
        for username, role, first, last in USERS:
            user = self.admin if username == "admin" else User(username=username, role=role)
            user.first_name, user.last_name = first, last
            user.email = f"{username}@demo.amity.example"
            user.organization = homes[username]
            user.password = self.password_hash
            user._history_user = self.admin
            user.save()

    # --- people ---------------------------------------------------------------------------------

    def person(
        self, organization: Organization, *, born: tuple[int, int], full_time: bool, language=None
    ) -> Person:
        gender = Gender.FEMALE if self.rng.random() < 0.45 else Gender.MALE
        self.person_seq += 1
        person = self.save(
            Person(
                full_name=self.invent_name(gender),
                gender=gender,
                birth_year=self.rng.randint(*born),
                organization=organization,
                is_full_time=full_time,
                expertise=", ".join(self.rng.sample(EXPERTISE, self.rng.randint(1, 2))),
                phone=self.mobile() if self.rng.random() < 0.6 else "",
                external_ref=f"demo-person-{self.person_seq:04d}",
            )
        )
        languages = set()
        if language and self.rng.random() < 0.8:
            languages.add(language)
        for _ in range(self.weighted([(0, 3), (1, 4), (2, 2), (3, 1)])):
            if len(languages) < 3:
                languages.add(self.weighted(LANGUAGE_WEIGHTS))
        for code in sorted(languages):
            level = self.weighted(LEVEL_WEIGHTS)
            self.later(PersonLanguage(person=person, language=code, level=level))
        self.people.setdefault(organization.pk, []).append(person)
        return person

    def staff(
        self,
        organization,
        titles: list[tuple[str, str]],
        *,
        since: date,
        full_time_share: float,
        language=None,
    ) -> None:
        """People holding `titles` (title, title in full) in `organization` since `since`."""
        leaders = self.leaders.setdefault(organization.pk, {})
        for title, detail in titles:
            born = BIRTH_YEARS.get(title, (1960, 1990))
            person = self.person(
                organization,
                born=born,
                full_time=self.rng.random() < full_time_share,
                language=language,
            )
            started = (
                since
                if title != PositionTitle.OFFICER
                else self.day_between(date(2012, 1, 1), date(2024, 12, 31))
            )
            self.save(
                Position(
                    person=person,
                    organization=organization,
                    title=title,
                    title_detail=detail,
                    started_on=started,
                )
            )
            leaders.setdefault(title, []).append(person)

    def union_titles(self, count: int, *, association: bool = False) -> list[tuple[str, str]]:
        vice = min(self.rng.randint(1, 3), count - 2)
        titles = [(PositionTitle.PRESIDENT, "Chủ tịch Hội" if association else "Chủ tịch")]
        titles += [(PositionTitle.VICE_PRESIDENT, "Phó Chủ tịch")] * vice
        titles.append((PositionTitle.SECRETARY_GENERAL, "Tổng Thư ký"))
        rest = count - len(titles)
        member = PositionTitle.EXECUTIVE_MEMBER if association else PositionTitle.OFFICER
        detail = "Ủy viên Ban Chấp hành" if association else "Chuyên viên"
        titles += [(member, detail)] * rest
        return titles

    def make_people(self) -> None:
        central_congress = self.latest_congress[self.central.pk]
        self.staff(
            self.central,
            [
                (PositionTitle.PRESIDENT, "Chủ tịch"),
                (PositionTitle.VICE_PRESIDENT, "Phó Chủ tịch chuyên trách"),
                (PositionTitle.VICE_PRESIDENT, "Phó Chủ tịch chuyên trách"),
                (PositionTitle.VICE_PRESIDENT, "Phó Chủ tịch"),
                (PositionTitle.SECRETARY_GENERAL, "Phó Chủ tịch kiêm Tổng Thư ký"),
                (PositionTitle.DEPUTY_SECRETARY_GENERAL, "Phó Tổng Thư ký"),
            ],
            since=central_congress.held_on,
            full_time_share=0.9,
        )
        for ref, department in self.departments.items():
            head, deputy = (
                ("Chánh Văn phòng", "Phó Chánh Văn phòng")
                if ref == "office"
                else ("Trưởng ban", "Phó Trưởng ban")
            )
            count = self.rng.randint(4, 8)
            deputies = self.rng.randint(1, 2)
            titles = [(PositionTitle.HEAD_OF_DEPARTMENT, head)]
            titles += [(PositionTitle.DEPUTY_HEAD_OF_DEPARTMENT, deputy)] * deputies
            titles += [(PositionTitle.OFFICER, "Chuyên viên")] * (count - 1 - deputies)
            self.staff(
                department,
                titles,
                since=self.day_between(date(2018, 1, 1), date(2024, 6, 30)),
                full_time_share=1.0,
            )
        for code, association in self.associations.items():
            self.staff(
                association,
                self.union_titles(self.rng.randint(4, 7), association=True),
                since=self.day_between(date(2018, 1, 1), date(2024, 6, 30)),
                full_time_share=0.1,
                language=ASSOCIATION_COUNTRIES[code][2],
            )
        for union in self.active_unions:
            big = self.is_big(union)
            self.staff(
                union,
                self.union_titles(self.rng.randint(7, 10) if big else self.rng.randint(5, 7)),
                since=self.latest_congress[union.pk].held_on,
                full_time_share=0.6,
            )
            for local in union.children.filter(kind=OrganizationKind.LOCAL_MEMBER).order_by("pk"):
                code = local.external_ref.rsplit("-", 1)[-1]
                self.staff(
                    local,
                    self.union_titles(self.rng.randint(3, 4), association=True),
                    since=self.day_between(date(2018, 1, 1), date(2024, 6, 30)),
                    full_time_share=0.0,
                    language=ASSOCIATION_COUNTRIES[code][2],
                )

    def is_big(self, union: Organization) -> bool:
        members = union.children.filter(kind=OrganizationKind.LOCAL_MEMBER)
        return union.province.code in BIG_PROVINCES or members.count() >= 4

    # --- congresses -----------------------------------------------------------------------------

    def make_congresses(self) -> None:
        self.latest_congress: dict[int, Congress] = {}
        held = [date(2009, 6, 18), date(2014, 9, 12), date(2019, 11, 22)]
        for number, held_on in enumerate(held, start=4):
            congress = self.save(
                Congress(organization=self.central, number=number, held_on=held_on)
            )
        self.latest_congress[self.central.pk] = congress
        for union in self.active_unions:
            if union.founded_on == MERGER_DATE:
                # A Union born of the merger holds its first congress a few months later.
                plan = [(1, self.day_between(date(2025, 8, 15), date(2025, 10, 15)))]
            else:
                count = self.rng.randint(1, 3)
                year = self.weighted(
                    [(2019, 1), (2020, 1), (2021, 2), (2022, 3), (2023, 4), (2024, 4)]
                )
                last_number = self.rng.randint(count, count + 5)
                plan = []
                for back in range(count):
                    y = year - 5 * back
                    plan.append(
                        (last_number - back, self.day_between(date(y, 3, 1), date(y, 11, 30)))
                    )
            for number, held_on in sorted(plan):
                congress = self.save(Congress(organization=union, number=number, held_on=held_on))
            self.latest_congress[union.pk] = congress

    # --- committees -----------------------------------------------------------------------------

    def make_committees(self) -> None:
        for union in self.active_unions:
            pool = list(self.people[union.pk])
            for local in union.children.filter(kind=OrganizationKind.LOCAL_MEMBER).order_by("pk"):
                leaders = self.leaders.get(local.pk, {})
                pool += leaders.get(PositionTitle.PRESIDENT, [])
                pool += leaders.get(PositionTitle.VICE_PRESIDENT, [])[:1]
            congress = self.latest_congress[union.pk]
            size = min(
                len(pool),
                self.rng.randint(9, 15) if self.is_big(union) else self.rng.randint(5, 11),
            )
            self.committee(union, CommitteeKind.EXECUTIVE, congress, pool[:size])
            if self.is_big(union):
                standing = self.people[union.pk][: self.rng.randint(3, 5)]
                self.committee(union, CommitteeKind.STANDING, congress, standing)
        central_pool = list(self.people[self.central.pk])
        for department in self.departments.values():
            central_pool += self.leaders[department.pk][PositionTitle.HEAD_OF_DEPARTMENT]
        for association in list(self.associations.values())[:5]:
            central_pool += self.leaders[association.pk][PositionTitle.PRESIDENT]
        self.committee(
            self.central,
            CommitteeKind.PRESIDIUM,
            self.latest_congress[self.central.pk],
            central_pool[:15],
        )

    def committee(self, organization, kind, congress, people) -> Committee:
        committee = self.save(
            Committee(
                organization=organization, kind=kind, congress=congress, started_on=congress.held_on
            )
        )
        leaders = self.leaders.get(organization.pk, {})
        chairs = set(leaders.get(PositionTitle.PRESIDENT, []))
        vices = set(leaders.get(PositionTitle.VICE_PRESIDENT, []))
        members = []
        for person in people:
            role = (
                CommitteeRole.CHAIR
                if person in chairs
                else CommitteeRole.VICE_CHAIR
                if person in vices
                else CommitteeRole.MEMBER
            )
            member = self.save(
                CommitteeMember(
                    committee=committee, person=person, role=role, joined_on=congress.held_on
                )
            )
            # Most members come; some are on the list but rarely seen at a meeting.
            rarely = role == CommitteeRole.MEMBER and self.rng.random() < 0.25
            members.append(
                (member, self.rng.uniform(0.1, 0.35) if rarely else self.rng.uniform(0.75, 0.97))
            )
        start = max(congress.held_on + timedelta(days=14), date(2023, 1, 1))
        today = demo_today()  # the latest meetings are recent whenever the set is loaded
        count = self.rng.randint(3, 8) if (today - start).days > 365 else 3
        days = sorted(self.rng.sample(range((today - start).days), count))
        body = f"{COMMITTEE_NAMES[kind]} khóa {roman(congress.number)}"
        # Meetings are numbered within the term only when all of the term's meetings are here.
        whole_term = congress.held_on >= date(2023, 1, 1)
        for index, offset in enumerate(days, start=1):
            held_on = start + timedelta(days=offset)
            topic = self.rng.choice(MEETING_TOPICS).format(year=held_on.year, prev=held_on.year - 1)
            title = f"Hội nghị lần thứ {index} {body}" if whole_term else f"Hội nghị {body}"
            meeting = self.save(
                CommitteeMeeting(
                    committee=committee,
                    held_on=held_on,
                    location=f"Trụ sở {organization.short_name or organization.name}",
                    summary=f"{title}: {topic}.",
                )
            )
            for member, propensity in members:
                if self.rng.random() < propensity:
                    status = Attendance.PRESENT
                else:
                    status = Attendance.EXCUSED if self.rng.random() < 0.6 else Attendance.ABSENT
                self.later(MeetingAttendance(meeting=meeting, member=member, status=status))
        return committee

    # --- staffing -------------------------------------------------------------------------------

    def make_staffing(self) -> None:
        for union in self.unions + [u for u in self.active_unions if u not in self.unions]:
            # up to this year for the Unions that still exist (merged ones stop in 2024)
            this_year = max(demo_today().year, MERGER_DATE.year)
            years = (
                [2023, 2024]
                if union.status == OrganizationStatus.MERGED
                else list(range(2023, this_year + 1))
            )
            if union.founded_on == MERGER_DATE:
                years = list(range(MERGER_DATE.year, this_year + 1))
            quota = self.rng.randint(6, 12) if self.is_big(union) else self.rng.randint(3, 7)
            for year in years:
                if year >= MERGER_DATE.year and union.status == OrganizationStatus.ACTIVE:
                    quota = min(quota + self.rng.randint(0, 3), 12)
                full_time = quota - self.weighted([(0, 3), (1, 4), (2, 3), (3, 1), (-1, 1)])
                self.save(
                    StaffingRecord(
                        organization=union,
                        year=year,
                        quota=quota,
                        full_time_staff=max(full_time, 1),
                        part_time_staff=self.rng.randint(0, 4),
                    )
                )


def roman(number: int) -> str:
    """The Roman numeral of a term (khóa VI), as Vietnamese documents write it."""
    numerals = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = ""
    for value, numeral in numerals:
        while number >= value:
            result, number = result + numeral, number - value
    return result


def load(stdout) -> dict[str, int]:
    """Write the registry's demo data set; print and return what it made (counts by kind)."""
    if Organization.all_objects.filter(external_ref__startswith=REF_PREFIX).exists():
        raise CommandError("The demo data set is already loaded.")
    taken = sorted(User.objects.filter(username__in=USERNAMES).values_list("username", flat=True))
    if taken:
        raise CommandError(f"Demo user names already taken: {', '.join(taken)}.")
    demo = Demo()
    demo.make_admin()
    demo.make_central()
    demo.make_provincial_unions()
    demo.make_users()
    demo.merge_provinces()
    demo.make_congresses()
    demo.make_people()
    demo.make_committees()
    demo.make_staffing()
    demo.write_queued()
    counts = count()
    for label, number in counts.items():
        stdout.write(f"  {label}: {number}\n")
    return counts


def count() -> dict[str, int]:
    """How many records of each kind the demo data set holds."""
    demo_orgs = Organization.all_objects.filter(external_ref__startswith=REF_PREFIX)
    unions = demo_orgs.filter(kind=OrganizationKind.PROVINCIAL_UNION)
    counts = {"organizations": demo_orgs.count()}
    for kind in OrganizationKind:
        counts[f"- {kind.label}"] = demo_orgs.filter(kind=kind).count()
    counts["- provincial Unions before 1 July 2025"] = unions.filter(
        founded_on__lt=MERGER_DATE
    ).count()
    counts["- provincial Unions active since 1 July 2025"] = unions.filter(
        status=OrganizationStatus.ACTIVE
    ).count()
    for model in (
        LineageEvent,
        Person,
        PersonLanguage,
        Position,
        Congress,
        Committee,
        CommitteeMember,
        CommitteeMeeting,
        MeetingAttendance,
        StaffingRecord,
    ):
        lookup = f"{model.scope.owner}__external_ref__startswith"
        counts[str(model._meta.verbose_name_plural)] = model.all_objects.filter(
            **{lookup: REF_PREFIX}
        ).count()
    counts["users"] = User.objects.filter(username__in=USERNAMES).count()
    return counts


def logins() -> list[tuple[str, str, str]]:
    """The demo log-ins: (user name, role, home organization)."""
    users = User.objects.filter(username__in=USERNAMES).select_related("organization")
    by_name = {user.username: user for user in users}
    return [
        (name, by_name[name].get_role_display(), str(by_name[name].organization))
        for name in USERNAMES
        if name in by_name
    ]
