"""Generate the geo app's reference data: Viet Nam's provinces and the world's countries.

Writes ``src/amity/geo/data/provinces.json`` and ``src/amity/geo/data/countries.json``; the geo
app's data migration loads them. Run it by hand when a source package publishes a correction, review
the diff of the two files, and commit them. The application itself never imports the packages below.

``vietnam-provinces`` needs Python 3.12 or newer, so run the script in a throw-away environment:

    python3.12 -m venv /tmp/geo-build
    /tmp/geo-build/bin/pip install vietnam-provinces pycountry babel
    /tmp/geo-build/bin/python scripts/build_geo_data.py

Last generated with vietnam-provinces 2026.9.0, pycountry 26.2.16 and babel 2.18.0.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import babel
import pycountry
from vietnam_provinces import Province as CurrentProvince
from vietnam_provinces import VietNamDivisionType
from vietnam_provinces.legacy import Province as FormerProvince

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "amity" / "geo" / "data"

# The merger of provinces took effect on 1 July 2025 (Resolution 202/2025/QH15).
MERGER_DAY = "2025-07-01"
LAST_DAY_BEFORE_MERGER = "2025-06-30"

EXPECTED_FORMER_COUNT = 63
EXPECTED_CURRENT_COUNT = 34

# Corrections to the package's old -> new mapping, by old code.
SUCCESSOR_CORRECTIONS = {
    # Tiền Giang merged with Đồng Tháp into the new Đồng Tháp (82). The package also lists Tây Ninh
    # (80) because its ward conversion table sends a single ward of Tiền Giang (old ward 27691, one
    # of 165) to Tây Ninh; that is an error in the package, not a split of the province.
    "82": "82",
}

# Corrections to the package's names, by the name the package gives.
NAME_CORRECTIONS = {
    # The package spells this one name with the old tone placement ("Hoà") while it writes
    # "Thanh Hóa" and "Khánh Hòa"; one spelling keeps search and sorting consistent.
    "Tỉnh Hoà Bình": "Tỉnh Hòa Bình",
}

KIND_BY_DIVISION_TYPE = {
    VietNamDivisionType.TINH: "province",
    VietNamDivisionType.THANH_PHO_TRUNG_UONG: "city",
}
NAME_PREFIX_BY_KIND = {"province": "Tỉnh ", "city": "Thành phố "}

# UN M49 continental regions, by ISO 3166-1 alpha-2 code. Neither pycountry nor Babel carries the
# grouping (Babel does not ship CLDR's territory containment), and the packages that do either pull
# in pandas for one table or stopped being maintained; the list changes about once a decade, so it
# lives here as data. The script fails when pycountry has a code that is missing here.
REGION_MEMBERS = {
    "africa": """
        DZ EG LY MA SD TN EH
        BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW
        AO CD CF CG CM GA GQ ST TD
        BW LS NA SZ ZA
        BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG
    """,
    "americas": """
        AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI
        BZ CR GT HN MX NI PA SV
        AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE
        BM CA GL PM US
    """,
    "asia": """
        KG KZ TJ TM UZ
        CN HK JP KP KR MN MO TW
        BN ID KH LA MM MY PH SG TH TL VN
        AF BD BT IN IR LK MV NP PK
        AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE
    """,
    "europe": """
        BG BY CZ HU MD PL RO RU SK UA
        AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ
        AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA
        AT BE CH DE FR LI LU MC NL
    """,
    # Antarctica (AQ) belongs to no M49 region; CLDR places it in "Outlying Oceania" under
    # Oceania, and so do we, so that every country has a region.
    "oceania": """
        AU CC CX HM NF NZ
        FJ NC PG SB VU
        FM GU KI MH MP NR PW UM
        AS CK NU PF PN TK TO TV WF WS
        AQ
    """,
}

# English names that read better than pycountry's.
COUNTRY_NAME_EN_CORRECTIONS = {
    # pycountry's common name is "Vietnam"; the country itself, and the Union, write "Viet Nam",
    # as the province names do ("Ha Noi").
    "VN": "Viet Nam",
}


def ascii_name(name: str) -> str:
    """Return a Vietnamese name without diacritics: "Đắk Lắk" -> "Dak Lak"."""
    name = name.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def province_record(package_province, *, is_current: bool) -> dict:
    """Return one province as the JSON record the data migration reads."""
    full_name = unicodedata.normalize("NFC", package_province.name)
    full_name = NAME_CORRECTIONS.get(full_name, full_name)
    kind = KIND_BY_DIVISION_TYPE[package_province.division_type]
    prefix = NAME_PREFIX_BY_KIND[kind]
    if not full_name.startswith(prefix):
        raise ValueError(f"{full_name!r} is a {kind} but its name does not start with {prefix!r}")
    name = full_name.removeprefix(prefix)
    return {
        "code": f"{package_province.code.value:02d}",
        "name": name,
        "full_name": full_name,
        "name_en": ascii_name(name),
        "kind": kind,
        "is_current": is_current,
        "valid_from": MERGER_DAY if is_current else None,
        "valid_until": None if is_current else LAST_DAY_BEFORE_MERGER,
        "successor_code": None,
    }


def successor_code_of(former_code: str) -> str:
    """Return the code of the current province that a former province merged into."""
    if former_code in SUCCESSOR_CORRECTIONS:
        return SUCCESSOR_CORRECTIONS[former_code]
    matches = CurrentProvince.search_from_legacy(code=int(former_code))
    codes = sorted({f"{match.province.code.value:02d}" for match in matches})
    if len(codes) != 1:
        # The Unions merge one-to-one, so each former province needs exactly one successor: a new
        # ambiguity in the package must be settled here, in SUCCESSOR_CORRECTIONS, by the province
        # the former one mostly merged into.
        raise ValueError(f"former province {former_code} maps to {codes}, expected exactly one")
    return codes[0]


def build_provinces() -> list[dict]:
    current = [province_record(p, is_current=True) for p in CurrentProvince.iter_all()]
    former = [province_record(p, is_current=False) for p in FormerProvince.iter_all()]
    current_codes = {record["code"] for record in current}
    for record in former:
        record["successor_code"] = successor_code_of(record["code"])

    check(len(former) == EXPECTED_FORMER_COUNT, f"{len(former)} former provinces")
    check(len(current) == EXPECTED_CURRENT_COUNT, f"{len(current)} current provinces")
    check(len({r["code"] for r in former}) == len(former), "duplicate former codes")
    check(len(current_codes) == len(current), "duplicate current codes")
    unknown = {r["successor_code"] for r in former} - current_codes
    check(not unknown, f"successors that are not current provinces: {unknown}")
    orphans = current_codes - {r["successor_code"] for r in former}
    check(not orphans, f"current provinces without a predecessor: {orphans}")

    return sorted(former + current, key=lambda r: (r["is_current"], r["code"]))


def region_by_country() -> dict[str, str]:
    regions: dict[str, str] = {}
    for region, members in REGION_MEMBERS.items():
        for code in members.split():
            check(code not in regions, f"{code} is in two regions")
            regions[code] = region
    return regions


def build_countries() -> list[dict]:
    regions = region_by_country()
    names_vi = babel.Locale("vi").territories
    countries = []
    for country in pycountry.countries:
        code = country.alpha_2
        check(code in regions, f"{code} ({country.name}) has no region in REGION_MEMBERS")
        check(code in names_vi, f"{code} ({country.name}) has no Vietnamese name in Babel")
        name_en = getattr(country, "common_name", None) or country.name
        countries.append(
            {
                "code": code,
                "alpha3": country.alpha_3,
                "numeric": country.numeric,
                "name_en": COUNTRY_NAME_EN_CORRECTIONS.get(code, name_en),
                "name_vi": unicodedata.normalize("NFC", names_vi[code]),
                "region": regions[code],
            }
        )
    extra = set(regions) - {c["code"] for c in countries}
    check(not extra, f"REGION_MEMBERS has codes that pycountry does not: {extra}")
    return sorted(countries, key=lambda c: c["code"])


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"build_geo_data: {message}")


def write(name: str, records: list[dict]) -> None:
    path = DATA_DIR / name
    text = json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"{path}: {len(records)} records", file=sys.stderr)


def main() -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    write("provinces.json", build_provinces())
    write("countries.json", build_countries())


if __name__ == "__main__":
    main()
