import json
import math
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from anyascii import anyascii

from .models import Province


def current_province_for(province: Province) -> Province:
    """Return the province that ``province`` is today: its successor if it merged, else itself."""
    if province.is_current:
        return province
    if province.successor is None:
        raise ValueError(f"former province {province.code} has no successor")
    return province.successor


# --- finding the province a publisher names -----------------------------------------------------
#
# Other publishers name a place by name (in English or Vietnamese, with or without diacritics,
# with "Province" or "Tỉnh" around it, a district before it), by a point, or by a code of a
# vocabulary of administrative units. Each of these is resolved here to one of the 63 provinces
# as they were before the merger: every published list of codes and the finer boundaries are of
# those, and a former province knows the one it is part of today (`current_province_for`).

#: the day the 34 provinces replaced the 63
MERGER_DAY = date(2025, 7, 1)
DATA_DIR = Path(__file__).resolve().parent / "data"
BOUNDARIES = Path(__file__).resolve().parent / "static" / "geo" / "vn-provinces-before-2025.json"
#: a point this close to a province's simplified boundary (degrees, about 3 km) is taken to be in
#: it: the map's outlines are simplified by half a kilometre and cut off small islands
NEAR_BOUNDARY = 0.03
#: the words just before a name that make it a district's, town's, commune's or ward's rather
#: than a province's, in full and as addresses abbreviate them ("H. Quảng Ninh", "TX. Quảng Trị")
DISTRICT_WORDS_BEFORE = frozenset(
    {("huyen",), ("quan",), ("thi", "xa"), ("thi", "tran"), ("xa",), ("phuong",), ("tx",)}
    | {("h",), ("q",), ("x",), ("p",)}
)
#: the words just after a name that make it a district's ("Quang Ninh district")
DISTRICT_WORDS_AFTER = frozenset({"district", "town", "commune", "ward", "township"})
#: the words of a place that is the whole country
COUNTRY_WORDS = ("viet nam", "vietnam", "toan quoc", "ca nuoc", "nationwide", "countrywide")
PARTS = re.compile(r"[,;/()\n|]+")
ISO_CODE = re.compile(r"^VN-[0-9A-Z]{2}$")
#: a GADM GID of any level ("VNM.26_1", a district "VNM.56.3_1"): its first number is the
#: province's, so a district's code names its province
GADM_CODE = re.compile(r"^VNM\.(\d+)(\.\d+)*(_\d+)?$")
GSO_CODE = re.compile(r"^\d{2}$")


def _read(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _words(text: str) -> tuple[str, ...]:
    """A text as lower-case ASCII words: no diacritics (đ is d), no case, no punctuation."""
    return tuple(re.sub(r"[^a-z0-9]+", " ", anyascii(text or "").lower()).split())


@cache
def province_codes() -> dict[str, dict]:
    """GSO code → the codes and spellings of a province before 2025 (`data/province_codes.json`,
    built from the published lists by scripts/build_place_codes.py)."""
    return _read("province_codes.json")["provinces"]


@cache
def _code_index() -> dict[tuple[str, str], str]:
    """(scheme, code) → GSO code, for the schemes "iso", "geonames" and "gadm"."""
    index = {}
    for gso, codes in province_codes().items():
        index[("iso", codes["iso_3166_2"])] = gso
        index[("gadm", codes["gadm"].upper())] = gso
        if codes["geonames"]:
            index[("geonames", codes["geonames"])] = gso
    return index


@cache
def _boundaries() -> list[tuple[str, list[list[list[tuple[float, float]]]]]]:
    """(GSO code, polygons) of the 63 provinces, each polygon a list of rings of (x, y)
    points: the boundaries the map of the provinces as they were draws."""
    collection = json.loads(BOUNDARIES.read_text(encoding="utf-8"))
    shapes = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [[[(x, y) for x, y, *_rest in ring] for ring in polygon] for polygon in polygons]
        shapes.append((feature["properties"]["code"], rings))
    return shapes


def _in_ring(x: float, y: float, ring) -> bool:
    # Ray casting: a horizontal ray from the point crosses the ring's edges an odd number of
    # times when the point is inside. Shapely is a build-time tool here, not a dependency of the
    # application, and 63 simplified outlines of a few hundred points need nothing faster.
    inside = False
    previous_x, previous_y = ring[-1]
    for current_x, current_y in ring:
        if (current_y > y) != (previous_y > y):
            crossing = previous_x + (y - previous_y) * (current_x - previous_x) / (
                current_y - previous_y
            )
            if x < crossing:
                inside = not inside
        previous_x, previous_y = current_x, current_y
    return inside


def _distance_to_ring(x: float, y: float, ring) -> float:
    best = math.inf
    previous_x, previous_y = ring[-1]
    for current_x, current_y in ring:
        dx, dy = current_x - previous_x, current_y - previous_y
        length = dx * dx + dy * dy
        t = (
            0.0
            if length == 0
            else max(0.0, min(1.0, ((x - previous_x) * dx + (y - previous_y) * dy) / length))
        )
        best = min(best, math.hypot(x - previous_x - t * dx, y - previous_y - t * dy))
        previous_x, previous_y = current_x, current_y
    return best


@cache
def _island_boxes() -> list[tuple[str, tuple[float, float, float, float]]]:
    """(GSO code, (south, west, north, east)) around the islands of the island districts."""
    return [
        (district["province"], tuple(box))
        for district in _read("island_districts.json")["districts"]
        for box in district["boxes"]
    ]


def _island_province(latitude: float, longitude: float) -> str | None:
    for code, (south, west, north, east) in _island_boxes():
        if south <= latitude <= north and west <= longitude <= east:
            return code
    return None


def province_code_at(latitude: float, longitude: float) -> str | None:
    """The GSO code of the province (as it was before 2025) whose boundary holds the point, or
    the nearest one within `NEAR_BOUNDARY`; None outside Viet Nam or for no point at all. The
    islands of the island districts come first: the simplified outlines misplace some."""
    if not (math.isfinite(latitude) and math.isfinite(longitude)):
        return None
    island = _island_province(latitude, longitude)
    if island is not None:
        return island
    nearest, nearest_distance = None, NEAR_BOUNDARY
    for code, polygons in _boundaries():
        for outer, *holes in polygons:
            if _in_ring(longitude, latitude, outer) and not any(
                _in_ring(longitude, latitude, hole) for hole in holes
            ):
                return code
            distance = _distance_to_ring(longitude, latitude, outer)
            if distance <= nearest_distance:
                nearest, nearest_distance = code, distance
    return nearest


@dataclass
class NameMatch:
    """What a text names: one province, several (ambiguous), the whole country, or nothing."""

    provinces: list[Province]
    country: bool = False

    @property
    def province(self) -> Province | None:
        return self.provinces[0] if len(self.provinces) == 1 else None


class ProvinceFinder:
    """The province one of the 63 before 2025 that a name, code or point designates. Built once
    for an import: it reads the provinces once."""

    def __init__(self) -> None:
        self.former = {p.code: p for p in Province.objects.former().select_related("successor")}
        self.names: dict[tuple[str, ...], str] = {}
        aliases = _read("province_aliases.json")
        for code, province in self.former.items():
            spellings = [province.name, province.name_en, *aliases.get(code, [])]
            spellings += province_codes()[code]["spellings"]
            for spelling in spellings:
                words = _words(spelling)
                # "Tinh Tuyen Quang", "Thanh pho Ha Noi": the unit's word is not its name (but
                # "Thanh" alone is: Thanh Hóa).
                if words[:2] == ("thanh", "pho"):
                    words = words[2:]
                elif words[:1] in (("tinh",), ("tp",)):
                    words = words[1:]
                self.names[words] = code
                self.names[("".join(words),)] = code  # "Hanoi", "Danang", "Kontum"
        self.longest = max(len(words) for words in self.names)

    def by_name(self, text: str) -> NameMatch:
        """The provinces a text names, district names before them left aside ("Na Hang district,
        Tuyen Quang province"); the country when it names none but Viet Nam."""
        found: list[str] = []
        for part in PARTS.split(text or ""):
            for code in self._named_in(_words(part)):
                if code not in found:
                    found.append(code)
        if found:
            return NameMatch([self.former[code] for code in found])
        words = " ".join(_words(text))
        return NameMatch([], country=any(word in words for word in COUNTRY_WORDS))

    def _named_in(self, words: tuple[str, ...]) -> list[str]:
        codes = []
        position = 0
        while position < len(words):
            for length in range(min(self.longest, len(words) - position), 0, -1):
                code = self.names.get(words[position : position + length])
                if code is None:
                    continue
                if not _is_district(words, position, length):
                    codes.append(code)
                position += length - 1
                break
            position += 1
        return codes

    def by_code(self, vocabulary: str, code: str) -> Province | None:
        """The province of an administrative code: ISO 3166-2 ("VN-07"), GADM ("VNM.26_1", IATI
        vocabulary A3), GeoNames (a number, vocabulary G1), or the GSO's two digits (Amity's
        own and the reporter's vocabularies, A9 and 99); None for a code not of these."""
        code = (code or "").strip().upper()
        vocabulary = (vocabulary or "").strip().upper()
        gso = None
        if ISO_CODE.match(code):
            gso = _code_index().get(("iso", code))
        elif gadm := GADM_CODE.match(code):
            gso = _code_index().get(("gadm", f"VNM.{gadm.group(1)}_1"))
        elif vocabulary == "G1" and code.isdigit():
            gso = _code_index().get(("geonames", code))
        elif vocabulary in ("A9", "99", "") and GSO_CODE.match(code):
            gso = code
        return self.former.get(gso) if gso else None

    def by_point(self, latitude: float, longitude: float) -> Province | None:
        code = province_code_at(latitude, longitude)
        return self.former.get(code) if code else None


def _is_district(words: tuple[str, ...], position: int, length: int) -> bool:
    """Whether the name at `position` is a district's, a commune's or a ward's: "huyện Quảng
    Ninh" is in Quảng Bình, "Hoa Binh district" in Bạc Liêu."""
    before = words[max(0, position - 2) : position]
    after = words[position + length : position + length + 1]
    return (
        before[-1:] in DISTRICT_WORDS_BEFORE
        or before in DISTRICT_WORDS_BEFORE
        or bool(after and after[0] in DISTRICT_WORDS_AFTER)
    )


def province_as_of(former: Province, start: date | None, *, by_name: bool) -> Province:
    """The province a place found among the 63 stands for in an activity that starts on
    `start`: the province as it was for an activity begun before the merger, and for a name
    that only a former province has (Hà Giang); today's province for a later activity."""
    if start is None or start < MERGER_DAY:
        return former
    current = current_province_for(former)
    # Today's Gia Lai has Bình Định's code and Gia Lai's name: what passes on is the name.
    if by_name and _words(current.name_en) != _words(former.name_en):
        return former  # a name only the former province had (Hà Giang)
    return current
