"""A seeded register of partners with known duplicates, to measure duplicate detection.

`build_cases()` makes ~400 distinct partners (friendship associations, embassies and consulates,
universities, NGOs, research institutes, overseas Vietnamese associations, agencies, companies;
many countries, some Vietnamese names, acronyms, websites, e-mails) and ~150 variants of some
of them as a second person would enter them: diacritics dropped or added, the acronym alone,
words reordered, a legal suffix added or dropped, a one-letter typo, the name in the other
language, the same website under another name, and mixes of these. Families of look-alike
partners are hard negatives: "Japan–Vietnam Friendship Association" and its Korean twin, an
embassy and a consulate of one country, the universities of one city, the Vietnamese
associations of one country. The true pairs are each variant with its original.

Deterministic (a fixed seed), no network; `build_cases(base_count=16000, variant_count=4000)`
scales it up for the timing test.
"""

import random
import unicodedata
from dataclasses import dataclass, field, replace

from amity.partners.duplicates import PartnerRecord

SEED = 20250704

# code, English name, Vietnamese name, adjective, web suffix, cities. Look-alike names
# (Austria/Australia, Slovakia/Slovenia, Iran/Iraq) are there on purpose.
COUNTRIES = [
    ("JP", "Japan", "Nhật Bản", "Japanese", "jp", ["Tokyo", "Osaka", "Kyoto", "Nagoya", "Fukuoka"]),
    ("KR", "Korea", "Hàn Quốc", "Korean", "kr", ["Seoul", "Busan", "Incheon", "Daegu"]),
    ("US", "USA", "Hoa Kỳ", "American", "org", ["Boston", "Chicago", "Seattle", "Houston"]),
    ("DE", "Germany", "Đức", "German", "de", ["Berlin", "München", "Köln", "Hamburg", "Leipzig"]),
    ("FR", "France", "Pháp", "French", "fr", ["Paris", "Lyon", "Marseille", "Toulouse"]),
    ("GB", "United Kingdom", "Anh", "British", "org.uk", ["London", "Manchester", "Bristol"]),
    ("AU", "Australia", "Úc", "Australian", "org.au", ["Sydney", "Melbourne", "Brisbane"]),
    ("AT", "Austria", "Áo", "Austrian", "at", ["Wien", "Graz", "Linz", "Salzburg"]),
    ("CA", "Canada", "Canada", "Canadian", "ca", ["Toronto", "Montréal", "Vancouver", "Québec"]),
    ("SE", "Sweden", "Thụy Điển", "Swedish", "se", ["Stockholm", "Göteborg", "Malmö"]),
    ("NO", "Norway", "Na Uy", "Norwegian", "no", ["Oslo", "Bergen", "Tromsø"]),
    ("DK", "Denmark", "Đan Mạch", "Danish", "dk", ["København", "Aarhus", "Odense"]),
    ("FI", "Finland", "Phần Lan", "Finnish", "fi", ["Helsinki", "Tampere", "Turku"]),
    ("NL", "Netherlands", "Hà Lan", "Dutch", "nl", ["Amsterdam", "Rotterdam", "Utrecht"]),
    ("BE", "Belgium", "Bỉ", "Belgian", "be", ["Bruxelles", "Antwerpen", "Liège", "Gent"]),
    ("CH", "Switzerland", "Thụy Sĩ", "Swiss", "ch", ["Zürich", "Genève", "Bern", "Basel"]),
    ("IT", "Italy", "Ý", "Italian", "it", ["Roma", "Milano", "Napoli", "Torino"]),
    ("ES", "Spain", "Tây Ban Nha", "Spanish", "es", ["Madrid", "Barcelona", "Sevilla"]),
    ("PT", "Portugal", "Bồ Đào Nha", "Portuguese", "pt", ["Lisboa", "Porto", "Coimbra"]),
    ("PL", "Poland", "Ba Lan", "Polish", "pl", ["Warszawa", "Kraków", "Łódź", "Gdańsk"]),
    ("CZ", "Czech Republic", "Séc", "Czech", "cz", ["Praha", "Brno", "Ostrava"]),
    ("HU", "Hungary", "Hungary", "Hungarian", "hu", ["Budapest", "Debrecen", "Szeged"]),
    ("SK", "Slovakia", "Slovakia", "Slovak", "sk", ["Bratislava", "Košice"]),
    ("SI", "Slovenia", "Slovenia", "Slovenian", "si", ["Ljubljana", "Maribor"]),
    ("RU", "Russia", "Nga", "Russian", "ru", ["Moskva", "Kazan", "Novosibirsk", "Vladivostok"]),
    ("CN", "China", "Trung Quốc", "Chinese", "cn", ["Beijing", "Shanghai", "Nanning", "Kunming"]),
    ("LA", "Laos", "Lào", "Lao", "la", ["Vientiane", "Luang Prabang", "Pakse"]),
    ("KH", "Cambodia", "Campuchia", "Cambodian", "kh", ["Phnom Penh", "Siem Reap"]),
    ("TH", "Thailand", "Thái Lan", "Thai", "th", ["Bangkok", "Chiang Mai", "Khon Kaen"]),
    ("IN", "India", "Ấn Độ", "Indian", "in", ["New Delhi", "Mumbai", "Kolkata", "Chennai"]),
    ("CU", "Cuba", "Cu Ba", "Cuban", "cu", ["La Habana", "Santiago de Cuba"]),
    ("NZ", "New Zealand", "New Zealand", "New Zealand", "org.nz", ["Auckland", "Wellington"]),
    ("SG", "Singapore", "Singapore", "Singaporean", "sg", ["Singapore"]),
    ("PH", "Philippines", "Philippines", "Filipino", "ph", ["Manila", "Cebu", "Davao"]),
    ("ID", "Indonesia", "Indonesia", "Indonesian", "id", ["Jakarta", "Surabaya", "Bandung"]),
    ("MY", "Malaysia", "Malaysia", "Malaysian", "my", ["Kuala Lumpur", "Penang"]),
    ("BR", "Brazil", "Brasil", "Brazilian", "br", ["São Paulo", "Rio de Janeiro", "Brasília"]),
    ("MX", "Mexico", "Mexico", "Mexican", "mx", ["Ciudad de México", "Guadalajara"]),
    ("IL", "Israel", "Israel", "Israeli", "il", ["Tel Aviv", "Haifa"]),
    ("TR", "Turkey", "Thổ Nhĩ Kỳ", "Turkish", "tr", ["Ankara", "İstanbul", "İzmir"]),
    ("IR", "Iran", "Iran", "Iranian", "ir", ["Tehran", "Isfahan"]),
    ("IQ", "Iraq", "Iraq", "Iraqi", "iq", ["Baghdad", "Basra"]),
    ("MN", "Mongolia", "Mông Cổ", "Mongolian", "mn", ["Ulaanbaatar", "Darkhan"]),
    ("MM", "Myanmar", "Myanmar", "Myanmar", "mm", ["Yangon", "Mandalay"]),
]

ADJECTIVES = (
    "Bright Green Blue Golden Open Little Living New Pacific Mekong Northern Southern Silver "
    "Rising Clear Gentle Shared Common Humble Brave Kind Quiet Steady Wide Young Free Warm True "
    "Rainbow Lotus Bamboo Jade Crystal Evergreen Highland Coastal Eastern Western Morning"
).split()
NOUNS = (
    "Hope Bridge Harvest Future Children Water Health Light Hands Heart Seeds Roots Rivers "
    "Horizons Path Steps Wings Voices Schools Wells Fields Villages Families Smiles Books Lanterns "
    "Gardens Forests Mountains Valleys Islands Harbours Dreams Futures Chances Journeys Skills "
    "Meals Doctors Teachers Nurses Farmers Women Girls Elders Orphans Mothers Rice Tea Clinics"
).split()
ORG_WORDS = (
    "Foundation Trust Initiative Network Alliance Fund International Project Partners Society "
    "Association Mission Aid Relief Action"
).split()
FIRST_NAMES = (
    "Anna Erik Margarete Jürgen Søren José François Łucja Håkan Björn Ingrid Pieter Maria "
    "Giovanni Carmen Tomás Zoltán Agnieszka Kenji Yuki Min-jun Olga Dmitri Lars Astrid Henrik "
    "Sigrid Matthias Chloé Renée Joaquín Inês Nuno Ewa Jan Petra Václav Mikko Aino Liesbeth "
    "Hendrik Fiona Declan Siobhan Helmut Ursula Friedrich Gustav Elín Ólafur"
).split()
SURNAMES = (
    "Müller Lindqvist Berg Nakamura Dubois Novák Kowalski Rossi García Jensen Andersen Virtanen "
    "de Vries Janssen Schneider Weber Fischer Meyer Wagner Becker Hoffmann Schäfer Koch Bauer "
    "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange "
    "Schmitt Werner Krause Meier Lehmann Huber Mayer Herrmann König Walter Kaiser Fuchs Peters "
    "Lang Möller Weiß Jung Hahn Keller Vogel Friedrich Günther Frank Roth Beck Lorenz Baumann "
    "Ødegård Håkansson Björklund Nyström Sørensen Dvořák Svoboda Horváth Nagy Kovács Szabó "
    "Fernández López Martínez Sánchez Pérez Gómez Ruiz Muñoz Álvarez Romero Navarro Tanaka "
    "Suzuki Takahashi Watanabe Yamamoto Kobayashi Kim Park Choi Jung Kang Ivanov Petrov"
).split()
FOUNDATION_WORDS = {
    "DE": "Stiftung",
    "AT": "Stiftung",
    "CH": "Stiftung",
    "FR": "Fondation",
    "BE": "Fondation",
    "ES": "Fundación",
    "MX": "Fundación",
    "PT": "Fundação",
    "BR": "Fundação",
    "IT": "Fondazione",
}
FIELDS = (
    "Development Studies|Public Health|Rural Development|Water Resources|Tropical Medicine|"
    "Southeast Asian Studies|Peace Research|Environmental Policy|Social Sciences|Agriculture|"
    "Marine Science|Renewable Energy|Education Research|Economic Policy|Cultural Heritage"
).split("|")
INDUSTRIES = "Trading|Engineering|Logistics|Textiles|Pharma|Shipping|Software|Foods".split("|")
LEGAL_SUFFIXES = {
    "DE": ["e.V.", "gGmbH"],
    "AT": ["e.V."],
    "CH": ["AG"],
    "US": ["Inc."],
    "GB": ["Ltd"],
    "AU": ["Ltd", "Pty Ltd"],
    "FR": ["SA"],
    "NL": ["B.V."],
    "BE": ["ASBL"],
    "IT": ["S.r.l."],
    "ES": ["S.A."],
}
OFFICE_NAMES = [
    "{short} – Văn phòng đại diện tại Hà Nội",
    "Văn phòng dự án {short} tại Việt Nam",
    "{short} Vietnam Country Office",
    "{short} Representative Office in Ha Noi",
]
VARIANT_SHARES = [  # kind, share of the variants
    ("diacritics dropped", 10),
    ("diacritics added", 10),
    ("acronym only", 15),
    ("words reordered", 20),
    ("legal suffix", 20),
    ("typo", 25),
    ("translated", 20),
    ("same website", 15),
    ("typo and diacritics", 5),
    ("reordered and suffix", 5),
    ("translated and typo", 5),
]


@dataclass
class Base:
    """A partner as first entered, with what its variants are made from."""

    kind: str
    name: str
    country: str
    name_vi: str = ""
    name_en: str = ""
    acronym: str = ""
    website: str = ""
    email: str = ""
    accented: str = ""  # the name with its diacritics, when it was entered without them
    reordered: str = ""  # the same words in another order, when the name has one


@dataclass
class DuplicateCases:
    records: list[PartnerRecord]
    true_pairs: set[tuple[int, int]]
    variant_kinds: dict[tuple[int, int], str] = field(default_factory=dict)


def strip_diacritics(text: str) -> str:
    """As someone typing without Vietnamese or German keyboard would write it."""
    text = text.translate(str.maketrans("đĐøØłŁıİ", "dDoOlLiI"))
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    words = strip_diacritics(text).lower().replace("–", " ").replace("-", " ").split()
    return "-".join("".join(ch for ch in word if ch.isalnum()) for word in words if word)


def initials(name: str) -> str:
    small = {"of", "for", "and", "the", "in", "de", "–"}
    return "".join(word[0] for word in name.split() if word.lower() not in small).upper()


# --- the families of partners -------------------------------------------------------------------


def _friendship(rng, code, en, vi, adjective, web, cities):
    english = rng.choice(
        [f"{en}–Vietnam Friendship Association", f"{adjective}–Vietnamese Friendship Society"]
    )
    site = f"https://www.{slug(en)}-vietnam-friendship.{web}"
    email = rng.choice(
        [
            f"contact@{slug(en)}-vietnam-friendship.{web}",
            f"{slug(en).replace('-', '')}.vn.friends@gmail.com",
        ]
    )
    yield Base(
        "friendship",
        english,
        code,
        name_vi=f"Hội hữu nghị Việt Nam – {vi}",
        website=site,
        email=email,
        reordered=english.replace(f"{en}–Vietnam", f"Vietnam–{en}").replace(
            f"{adjective}–Vietnamese", f"Vietnamese–{adjective}"
        ),
    )
    yield Base(
        "friendship",
        f"{cities[0]} Chapter of the {en}–Vietnam Friendship Association",
        code,
        email=f"{slug(cities[0])}.chapter@{slug(en)}-vietnam-friendship.{web}",
    )
    yield Base(
        "solidarity",
        f"{adjective} Committee for Solidarity with Vietnam",
        code,
        name_vi=f"Ủy ban đoàn kết với Việt Nam của {vi}",
    )


def _diplomatic(rng, code, en, vi, adjective, web, cities):
    domain = f"mfa.gov.{web.split('.')[-1]}"
    yield Base(
        "embassy",
        f"Embassy of {en} in Viet Nam",
        code,
        name_vi=f"Đại sứ quán {vi} tại Việt Nam",
        website=f"https://vn.emb-{slug(en)}.gov.{web.split('.')[-1]}",
        email=f"embassy.hanoi@{domain}",
    )
    yield Base(
        "embassy",
        f"Consulate General of {en} in Ho Chi Minh City",
        code,
        name_vi=f"Tổng lãnh sự quán {vi} tại Thành phố Hồ Chí Minh",
        email=f"consulate.hcmc@{domain}",
    )


def _universities(rng, code, en, vi, adjective, web, cities):
    for city in cities:
        domain = f"{slug(city).replace('-', '')}-u.ac.{web.split('.')[-1]}"
        yield Base(
            "university",
            f"University of {city}",
            code,
            name_vi=f"Đại học {city}",
            acronym=f"U{initials(city)}" if rng.random() < 0.3 else "",
            website=f"https://www.{domain}",
            email=f"international@{domain}",
            reordered=f"{city} University",
        )
        yield Base(
            "university",
            f"{city} University of Technology",
            code,
            name_vi=f"Trường Đại học Bách khoa {city}",
            acronym=f"{initials(city)}UT",
            website=f"https://www.{slug(city)}-tech.edu",
            email=f"office@{slug(city)}-tech.edu",
            reordered=f"University of Technology {city}",
        )
        yield Base(
            "university",
            f"Faculty of Medicine, University of {city}",
            code,
            email=f"medicine@{domain}",
        )


def _overseas_vietnamese(rng, code, en, vi, adjective, web, cities):
    for group, english in [
        ("người", "Vietnamese"),
        ("doanh nhân", "Vietnamese Business People"),
        ("sinh viên", "Vietnamese Students"),
    ]:
        accented = f"Hội {group} Việt Nam tại {vi}"
        typed_plain = rng.random() < 0.4
        yield Base(
            "overseas_vietnamese",
            strip_diacritics(accented) if typed_plain else accented,
            code,
            name_en=f"Association of {english} in {en}",
            accented=accented if typed_plain else "",
            email=f"hoi.{slug(group).replace('-', '')}.{code.lower()}@gmail.com",
        )


def _agencies(rng, code, en, vi, adjective, web, cities):
    name = f"{adjective} International Cooperation Agency"
    yield Base(
        "government",
        name,
        code,
        acronym=initials(name),
        website=f"https://www.{slug(adjective)}-ica.go.{web.split('.')[-1]}",
        name_vi=f"Cơ quan hợp tác quốc tế {vi}",
    )
    yield Base(
        "ngo",
        f"{adjective} Red Cross Society",
        code,
        name_vi=f"Hội Chữ thập đỏ {vi}",
        website=f"https://www.redcross.{web}",
    )
    volunteers = f"{adjective} Volunteer Service"
    yield Base(
        "ngo",
        volunteers,
        code,
        acronym=initials(volunteers),
        email=f"info@{slug(adjective)}-volunteers.{web}",
    )


def _research(rng, code, en, vi, adjective, web, cities):
    for subject in rng.sample(FIELDS, 3):
        name = f"{adjective} Institute of {subject}"
        yield Base(
            "research",
            name,
            code,
            acronym=initials(name) if rng.random() < 0.5 else "",
            website=f"https://www.{slug(adjective)}-{slug(subject)}.{web}",
            reordered=f"Institute of {adjective} {subject}",
        )


def _company(rng, code, en, vi, adjective, web, cities):
    surname = rng.choice(SURNAMES)
    industry = rng.choice(INDUSTRIES)
    suffix = rng.choice(LEGAL_SUFFIXES.get(code, ["Co., Ltd."]))
    yield Base(
        "enterprise",
        f"{surname} {industry} {suffix}",
        code,
        website=f"https://www.{slug(surname)}-{slug(industry)}.{web}",
    )


def _ngo(rng, countries):
    code, en, vi, adjective, web, cities = rng.choice(countries)
    pattern = rng.random()
    if pattern < 0.45:
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(ORG_WORDS)}"
        words = name.split()
        reordered = f"{words[2]} {words[0]} {words[1]}"
    elif pattern < 0.65:
        first, second = rng.sample(NOUNS, 2)
        name = f"{first} for {second}"
        reordered = ""
    else:
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        word = FOUNDATION_WORDS.get(code, "Foundation")
        name = f"{person} {word}"
        reordered = f"{word} {person}"
    typed_plain = strip_diacritics(name) != name and rng.random() < 0.3
    base = Base(
        "ngo",
        strip_diacritics(name) if typed_plain else name,
        code,
        acronym=initials(name) if rng.random() < 0.35 else "",
        reordered=reordered,
        accented=name if typed_plain else "",
    )
    domain = f"{slug(name).replace('-', '')}.{web}"
    roll = rng.random()
    if roll < 0.6:
        base.website = f"https://www.{domain}"
        base.email = f"info@{domain}" if rng.random() < 0.5 else ""
    elif roll < 0.8:
        base.email = f"{slug(name).replace('-', '.')}@gmail.com"
    return base


FAMILIES = [
    _friendship,
    _diplomatic,
    _universities,
    _overseas_vietnamese,
    _agencies,
    _research,
    _company,
]


def _bases(rng, count: int) -> list[Base]:
    """`count` distinct partners: about half from the families, the rest NGOs."""
    family_members = [
        base for country in COUNTRIES for family in FAMILIES for base in family(rng, *country)
    ]
    rng.shuffle(family_members)
    chosen, seen, sites = [], set(), set()
    for base in _family_then_ngos(rng, family_members[: count // 2]):
        if len(chosen) == count:
            break
        if _identity(base) in seen or (base.website and base.website in sites):
            continue  # another partner of the same name would be a duplicate, not a negative
        seen.add(_identity(base))
        sites.add(base.website)
        chosen.append(base)
    return chosen


def _family_then_ngos(rng, family_members):
    yield from family_members
    while True:
        yield _ngo(rng, COUNTRIES)


def _identity(base: Base) -> str:
    """Two partners this alike would be one partner entered twice, not two partners."""
    small = {"of", "for", "and", "the", "in", "co.,", "ltd.", "ltd", "inc.", "e.v.", "gmbh"}
    small |= {suffix.lower() for suffixes in LEGAL_SUFFIXES.values() for suffix in suffixes}
    return " ".join(sorted(set(strip_diacritics(base.name).lower().split()) - small))


# --- the variants -------------------------------------------------------------------------------


def _typo(rng, text: str) -> str:
    words = text.split()
    candidates = [index for index, word in enumerate(words) if len(word) >= 4 and word.isalpha()]
    if not candidates:
        return ""
    index = rng.choice(candidates)
    word = words[index]
    position = rng.randrange(1, len(word) - 1)
    mistake = rng.choice(["swap", "drop", "double", "change"])
    if mistake == "swap":
        word = word[: position - 1] + word[position] + word[position - 1] + word[position + 1 :]
    elif mistake == "drop":
        word = word[:position] + word[position + 1 :]
    elif mistake == "double":
        word = word[:position] + word[position] + word[position:]
    else:
        letters = [letter for letter in "aeioulnrst" if letter != word[position].lower()]
        word = word[:position] + rng.choice(letters) + word[position + 1 :]
    words[index] = word
    return " ".join(words)


def _with_suffix(rng, base: Base) -> str:
    for suffixes in LEGAL_SUFFIXES.values():
        for suffix in suffixes + ["Co., Ltd."]:
            if base.name.endswith(f" {suffix}"):
                return base.name.removesuffix(f" {suffix}")
    if not any(word in base.name for word in ("Foundation", "Stiftung", "Fondation")) and (
        rng.random() < 0.3
    ):
        return f"{base.name} Foundation"
    suffix = rng.choice(LEGAL_SUFFIXES.get(base.country, ["Inc.", "Ltd", "e.V."]))
    return f"{base.name}{',' if rng.random() < 0.3 else ''} {suffix}"


def _translated(base: Base) -> dict | None:
    """The partner entered under its name in the other language, carrying the first one."""
    if base.name_vi:
        return {"name": base.name_vi, "name_vi": "", "name_en": base.name}
    if base.name_en:
        return {"name": base.name_en, "name_en": "", "name_vi": base.accented or base.name}
    return None


def _office_name(rng, base: Base) -> str:
    short = base.acronym or " ".join(base.name.split()[:2])
    return rng.choice(OFFICE_NAMES).format(short=short)


def _name_change(rng, kind: str, base: Base) -> dict | None:
    """The fields a variant of `kind` changes, or None when `base` cannot have that variant."""
    if kind == "diacritics dropped":
        plain = strip_diacritics(base.name)
        return (
            {"name": plain, "name_vi": strip_diacritics(base.name_vi)}
            if plain != base.name
            else None
        )
    if kind == "diacritics added":
        return {"name": base.accented} if base.accented else None
    if kind == "acronym only":
        if not base.acronym:
            return None
        return {
            "name": base.acronym,
            "name_vi": "",
            "name_en": "",
            "acronym": rng.choice(["", base.acronym]),
        }
    if kind == "words reordered":
        return {"name": base.reordered, "name_vi": ""} if base.reordered else None
    if kind == "legal suffix":
        return {"name": _with_suffix(rng, base), "name_vi": ""}
    if kind == "typo":
        typo = _typo(rng, base.name)
        return {"name": typo, "name_vi": "", "name_en": ""} if typo else None
    if kind == "translated":
        return _translated(base)
    if kind == "same website":
        if not base.website:
            return None
        site = base.website.replace("https://www.", rng.choice(["http://", "www.", "https://"]))
        return {
            "name": _office_name(rng, base),
            "name_vi": "",
            "name_en": "",
            "acronym": "",
            "website": site + rng.choice(["", "/", "/vi/", "/en/about"]),
        }
    if kind == "typo and diacritics":
        change = _name_change(rng, "typo", base)
        plain = strip_diacritics(base.name)
        return {**change, "name": _typo(rng, plain)} if change and plain != base.name else None
    if kind == "reordered and suffix":
        if not base.reordered:
            return None
        return {"name": _with_suffix(rng, replace(base, name=base.reordered)), "name_vi": ""}
    if kind == "translated and typo":
        change = _translated(base)
        typo = change and _typo(rng, change["name"])
        return {**change, "name": typo} if typo else None
    raise ValueError(kind)


def _variant(rng, kind: str, base: Base) -> Base | None:
    change = _name_change(rng, kind, base)
    if change is None:
        return None
    variant = replace(base, **change)
    if kind != "same website":
        # Whoever entered it a second time seldom typed the same contact details.
        roll = rng.random()
        variant.website = base.website if roll < 0.15 else ""
        mailbox = f"{slug(variant.name).replace('-', '.')[:16]}{rng.randrange(10, 99)}"
        variant.email = f"{mailbox}@gmail.com" if roll > 0.8 else ""
    if kind not in ("acronym only",) and rng.random() < 0.15:
        variant.country = ""
    return variant


def _variants(rng, bases: list[Base], count: int) -> list[tuple[int, str, Base]]:
    """(index of the original, kind, variant) for `count` variants of distinct originals.

    When the register has too few originals for a kind (acronyms, say), typos make up the rest,
    so that a scaled-up register has exactly the size asked for."""
    total = sum(share for _kind, share in VARIANT_SHARES)
    order = list(range(len(bases)))
    rng.shuffle(order)
    used, made = set(), []
    for kind, share in VARIANT_SHARES:
        made += _some_variants(rng, bases, order, used, kind, round(count * share / total))
    made += _some_variants(rng, bases, order, used, "typo", count - len(made))
    return made


def _some_variants(rng, bases, order, used, kind, number):
    made = []
    for index in order:
        if len(made) >= number:
            break
        variant = None if index in used else _variant(rng, kind, bases[index])
        if variant is not None:
            used.add(index)
            made.append((index, kind, variant))
    return made


def _record(record_id: int, base: Base) -> PartnerRecord:
    return PartnerRecord(
        id=record_id,
        name=base.name,
        name_vi=base.name_vi,
        name_en=base.name_en,
        acronym=base.acronym,
        country_code=base.country,
        website=base.website,
        email=base.email,
    )


def build_cases(base_count: int = 400, variant_count: int = 150, seed: int = SEED):
    """The records, in shuffled order with ids from 1, and the true pairs (smaller id first)."""
    rng = random.Random(seed)
    bases = _bases(rng, base_count)
    variants = _variants(rng, bases, variant_count)
    entries = [(("base", index), base) for index, base in enumerate(bases)]
    entries += [(("variant", number), variant) for number, (_i, _k, variant) in enumerate(variants)]
    ids = list(range(1, len(entries) + 1))
    rng.shuffle(ids)
    id_of = {key: record_id for (key, _base), record_id in zip(entries, ids, strict=True)}
    records = sorted((_record(id_of[key], base) for key, base in entries), key=lambda r: r.id)
    true_pairs, kinds = set(), {}
    for number, (index, kind, _variant) in enumerate(variants):
        pair = tuple(sorted((id_of[("base", index)], id_of[("variant", number)])))
        true_pairs.add(pair)
        kinds[pair] = kind
    return DuplicateCases(records, true_pairs, kinds)
