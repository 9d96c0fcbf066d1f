"""Partner duplicate matching (issue 22): recall and precision on the development and test sets
of real organizations (bench/data/matching/), and the duplicates batch over 20,000 partners
holding seeded duplicates of every kind, its time and recall.

The TEST set was written and committed before the rules were tuned, and never tuned on; the
rules were tuned on the DEVELOPMENT set (187 organizations, none of the test set's, enlarged in
a second session with every kind of variant issue 22 lists and look-alikes to keep apart).
`python bench/matching.py` prints the development set's misses and false pairs, to read.
"""

import json
import random
from pathlib import Path

from bench.harness import Figure, timed

DATA = Path(__file__).resolve().parent / "data" / "matching"


def load_set(name: str):
    """The records of a set, the pairs to find and the groups of records.

    The pairs to find are each variant with its group's first name, the organization's own, as
    a second person typing it would be checked against it; any two records of one group found
    together are right too (two variants of one name), any two of different groups wrong.
    """
    from amity.partners.duplicates import PartnerRecord

    groups = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["groups"]
    records, pairs, group_of = [], set(), {}
    for number, group in enumerate(groups):
        ids = []
        for fields in group:
            ids.append(len(records) + 1)
            records.append(
                PartnerRecord(
                    id=ids[-1],
                    name=fields["name"],
                    acronym=fields.get("acronym", ""),
                    country_code=fields.get("country", ""),
                )
            )
            group_of[ids[-1]] = number
        pairs.update((ids[0], other) for other in ids[1:])
    return records, pairs, group_of


def score_set(name: str):
    """Recall, precision, the pairs missed and the pairs wrongly found."""
    from amity.partners.duplicates import find_duplicate_pairs

    records, true_pairs, group_of = load_set(name)
    found = {
        tuple(sorted((pair.first.id, pair.second.id))) for pair in find_duplicate_pairs(records)
    }
    right = {(first, second) for first, second in found if group_of[first] == group_of[second]}
    recall = len(found & true_pairs) / len(true_pairs)
    precision = len(right) / len(found) if found else 1.0
    by_id = {record.id: record.name for record in records}

    def named(pairs):
        return sorted((by_id[first], by_id[second]) for first, second in pairs)

    return recall, precision, named(true_pairs - found), named(found - right)


def measure_sets() -> list[Figure]:
    figures = []
    for name in ("dev", "test"):
        recall, precision, missed, wrong = score_set(name)
        figures += [
            Figure(f"{name} set recall", 100 * recall, "%", 95, "min", f"{len(missed)} missed"),
            Figure(f"{name} set precision", 100 * precision, "%", 95, "min", f"{len(wrong)} wrong"),
        ]
    return figures


# --- the batch over a register holding seeded duplicates of every kind -------------------------

SEED = 20261207
#: what a name is about, in English and Vietnamese
FIELDS = {
    "Water": "Nước", "Children": "Trẻ em", "Health": "Y tế", "Education": "Giáo dục",
    "Peace": "Hòa bình", "Friendship": "Hữu nghị", "Women": "Phụ nữ", "Youth": "Thanh niên",
    "Culture": "Văn hóa", "Environment": "Môi trường", "Nature": "Thiên nhiên",
    "Agriculture": "Nông nghiệp", "Community": "Cộng đồng", "Development": "Phát triển",
    "Cooperation": "Hợp tác", "Research": "Nghiên cứu", "Science": "Khoa học",
    "Technology": "Công nghệ", "Heritage": "Di sản", "Relief": "Cứu trợ", "Family": "Gia đình",
    "Nutrition": "Dinh dưỡng", "Volunteer": "Tình nguyện", "Humanitarian": "Nhân đạo",
}  # fmt: skip
KINDS = {
    "Foundation": "Quỹ", "Association": "Hội", "Organization": "Tổ chức", "Agency": "Cơ quan",
    "Institute": "Viện", "Center": "Trung tâm", "Network": "Mạng lưới", "Alliance": "Liên minh",
}  # fmt: skip
#: countries whose branches are seeded, with Babel's locale of their own language
BRANCH_COUNTRIES = "DE AT FR IT ES NL SE NO DK FI PL CZ PT CH BE HU".split()
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
#: the kinds of seeded duplicates, each as a share of the variants
VARIANTS = ("acronym", "syllable acronym", "vietnamese", "own-language country", "typo",
            "diacritics dropped", "word order")  # fmt: skip


def _proper(rng, used):
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize()
        if word not in used:
            used.add(word)
            return word


def _country_names(code):
    from babel import Locale

    return Locale.parse("en").territories[code], Locale.parse(f"und_{code}").territories[code]


def _strip(text):
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _typo(rng, name):
    words = name.split()
    index = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[index]
    at = rng.randrange(1, len(word) - 1)
    words[index] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]  # two letters swapped
    return " ".join(words)


def seeded_register(count: int, seed: int = SEED):
    """`count` partners as (name, country code) and the index pairs that are one partner:
    a tenth are variants of another (each kind of VARIANTS alike); a twentieth are a base's
    branch in another country, which must stay apart. Names are a made-up proper word, one
    or two fields of work and a kind of body ("Kelora Water and Health Foundation"), 30% of
    them with a country."""
    rng = random.Random(seed)
    used: set[str] = set()
    bases = []  # (proper, fields, kind, country)
    variant_count = count // 10
    branch_count = count // 20
    while len(bases) < count - variant_count - branch_count:
        field, kind = tuple(rng.sample(list(FIELDS), rng.choice((1, 2)))), rng.choice(list(KINDS))
        proper = _proper(rng, used)
        country = rng.choice(BRANCH_COUNTRIES) if rng.random() < 0.3 else ""
        bases.append((proper, field, kind, country))
    records = [_written(base) for base in bases]
    pairs = set()
    for number in range(branch_count):  # the same organization's branch elsewhere: apart
        proper, field, kind, country = bases[number]
        other = rng.choice([code for code in BRANCH_COUNTRIES if code != country])
        records.append(_written((proper, field, kind, other)))
    for number in range(variant_count):
        base_index = branch_count + number  # bases with no branch
        proper, field, kind, country = bases[base_index]
        variant = VARIANTS[number % len(VARIANTS)]
        english, code = records[base_index]
        if variant == "own-language country" and not country:
            country = rng.choice(BRANCH_COUNTRIES)
            bases[base_index] = (proper, field, kind, country)
            english, code = records[base_index] = _written(bases[base_index])
        records.append((_variant(rng, variant, bases[base_index], english), code))
        pairs.add((base_index, len(records) - 1))
    return records, pairs


def _written(base):
    proper, field, kind, country = base
    name = f"{proper} {' and '.join(field)} {kind}"
    if country:
        name += f" {_country_names(country)[0]}"
    return name, country


def _variant(rng, variant, base, english):
    proper, field, kind, country = base
    fields = " and ".join(field)
    if variant == "acronym":  # "KWHF": Kelora Water and Health Foundation
        return "".join(word[0] for word in (proper, *field, kind)).upper()
    if variant == "syllable acronym":  # "KEWHF"
        return (proper[:2] + "".join(word[0] for word in (*field, kind))).upper()
    if variant in ("vietnamese", "diacritics dropped"):
        place = f" {_vietnamese_country(country)}" if country else ""
        about = " và ".join(FIELDS[word].lower() for word in field)
        name = f"{KINDS[kind]} {about} {proper}{place}"
        return _strip(name) if variant == "diacritics dropped" else name
    if variant == "own-language country":
        return f"{proper} {fields} {kind} {_country_names(country)[1]}"
    if variant == "typo":
        return _typo(rng, english)
    return f"{kind} {proper} {fields}" + (f" {_country_names(country)[0]}" if country else "")


def _vietnamese_country(code):
    from babel import Locale

    return Locale.parse("vi").territories[code]


def make_register(count: int):
    """The seeded register written as partners; their ids in the order of `seeded_register`."""
    from amity.geo.models import Country
    from amity.partners.models import Partner

    records, pairs = seeded_register(count)
    countries = {country.code: country for country in Country.objects.all()}
    batch = []
    for name, code in records:
        partner = Partner(
            kind="ngo", name=name, country=countries.get(code), status="active", strength=3
        )
        partner.search_text = partner.derive_search_text(contact_names=[])
        partner.derive_sort_names()
        batch.append(partner)
    Partner.objects.bulk_create(batch, batch_size=5000)
    ids = list(Partner.objects.order_by("pk").values_list("pk", flat=True))[-len(records) :]
    return {(ids[first], ids[second]) for first, second in pairs}, ids


def measure_batch(count: int) -> list[Figure]:
    from amity.partners.duplicates import looks_like_acronym, possible_duplicates
    from amity.partners.models import Partner

    seeded, ids = make_register(count)
    queryset = Partner.objects.filter(pk__in=ids)
    seconds, pairs = timed(possible_duplicates, queryset)
    found = {tuple(sorted((pair.first.id, pair.second.id))) for pair in pairs}
    recall = len(found & seeded) / len(seeded)
    # The made-up names share their initials often ("FVA": a dozen "F... Volunteer Agency"):
    # a seeded acronym meets each name it spells, when they are few, the seeded one among them.
    names = dict(queryset.values_list("pk", "name"))
    by_acronym = sum(
        1
        for first, second in found - seeded
        if looks_like_acronym(names[first]) or looks_like_acronym(names[second])
    )
    return [
        Figure(f"duplicates batch over {count:,} seeded partners", seconds, "s", 10),
        Figure("  its recall of the seeded duplicates", 100 * recall, "%", 95, "min",
               f"{len(found & seeded)} of {len(seeded)}"),
        Figure("  pairs found", len(found), "pairs",
               note=f"{len(found - seeded)} not seeded, {by_acronym} of them an acronym that "
               "spells several names"),
    ]  # fmt: skip


def run(scale: float = 1.0, requests: int = 0) -> tuple[list[Figure], dict]:
    count = max(200, int(20_000 * scale))
    figures = measure_sets()
    figures += measure_batch(count)
    return figures, {"scale": scale, "partners": count}


if __name__ == "__main__":  # the pairs missed and wrongly found, to read
    import os
    import sys

    import django

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "amity.settings")
    django.setup()
    for set_name in sys.argv[1:] or ["dev"]:
        recall, precision, missed, wrong = score_set(set_name)
        print(f"{set_name}: recall {100 * recall:.1f}% precision {100 * precision:.1f}%")
        for pair in missed:
            print("  missed", pair)
        for pair in wrong:
            print("  WRONG ", pair)
