"""The places of an IATI activity written by another publisher, each resolved to a province or
reported as not placed, with how (`PlaceMethod`) or why not (`UnplacedReason`).

A `<location>` is read in the order of what is most exact: an administrative code or location
id (ISO 3166-2, GADM, GeoNames, the GSO's), then its point, then its name, description and
activity description. What is found is one of the 63 provinces as they were; `province_as_of`
keeps it for an activity begun before 1 July 2025 (and for a name only the old provinces have),
else gives today's province. A code or point that the location's own name contradicts is
reported (names several provinces), not guessed: one of them is wrong, and a wrong province is
worse than none; the point of a location that is the whole country is its centroid, no
province's. A place none of these resolves is placed where a person placed the same place of
the same publisher before (`UnplacedLocation.province`), or reported.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _

from amity.aid.choices import PlaceMethod, UnplacedReason
from amity.aid.models import UnplacedLocation, place_key
from amity.geo.models import Province
from amity.geo.services import ProvinceFinder, province_as_of

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class Place:
    """One place of an activity as the import report shows it."""

    text: str
    province: Province | None = None
    method: str = ""  # a PlaceMethod, when placed
    reason: str = ""  # an UnplacedReason, when not
    detail: str = ""  # the provinces a text names when it names several
    found: Province | None = None  # which of the 63 it was found in, before `province_as_of`

    @property
    def placed(self) -> bool:
        return self.province is not None

    @property
    def key(self) -> str:
        return place_key(self.text)

    def describe(self) -> str:
        """ "Na Hang district, Tuyen Quang province → Tuyên Quang (before 1/7/2025), by name"."""
        if self.province is not None:
            how = PlaceMethod(self.method).label
            return f"{self.text} → {self.province} ({how})"
        why = UnplacedReason(self.reason).label
        return f"{self.text}: {_('not placed')} ({why}{': ' + self.detail if self.detail else ''})"


#: what is read of a location's names: a place is named in a few languages and a few words;
#: a thousand narratives or a page of text are no place's name, and are not searched whole
NARRATIVES_READ = 10
NARRATIVE_CHARS = 300
CODE_CHARS = 50


def _narrative(element) -> str:
    """The element's narratives, one text: each language's, joined."""
    if element is None:
        return ""
    texts = [
        (narrative.text or "")[:NARRATIVE_CHARS].strip()
        for narrative in element.findall("narrative")[:NARRATIVES_READ]
    ]
    return " / ".join(text for text in texts if text)


#: the longest text of a point read: two numbers with their decimals
POINT_TEXT_LIMIT = 100
#: feature designations (GeoNames feature codes) of a whole country: its point is a centroid
COUNTRY_FEATURES = frozenset({"PCL", "PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "ADM0"})


def _point_text(location) -> str:
    return " ".join((location.findtext("point/pos") or "")[:POINT_TEXT_LIMIT].split())


def _point(text: str) -> tuple[float, float] | None:
    """A point's text as (latitude, longitude), None when it is not two finite numbers. IATI
    writes "lat long"; some write "lat,long"; a publisher that wrote "long lat" is read the
    right way round, as no latitude passes 90."""
    try:
        first, second = (float(value) for value in text.replace(",", " ").split())
    except ValueError:
        return None
    if not (math.isfinite(first) and math.isfinite(second)):
        return None
    if abs(first) > 90 >= abs(second):
        first, second = second, first
    if abs(first) > 90 or abs(second) > 180:
        return None
    return first, second


def _names_the_country(location, codes) -> bool:
    """Whether a location is the whole country: coded so (ISO 3166-1, IATI vocabulary A4) or
    designated so; its point, if any, is then the country's centroid, not a province's."""
    designation = location.find("feature-designation")
    feature = designation.get("code", "") if designation is not None else ""
    return feature.upper() in COUNTRY_FEATURES or any(
        code.upper() in ("VN", "VNM") for _vocabulary, code in codes
    )


class PlaceReader:
    """Reads the places of the activities of one import, for one user."""

    def __init__(self, user):
        self.finder = ProvinceFinder()
        # The choices people made for places not placed, remembered per publisher and place.
        self.chosen: dict[tuple[str, str], Province] = {}
        choices = (
            UnplacedLocation.objects.visible_to(user)
            .filter(province__isnull=False)
            .select_related("province")
            .order_by("updated_at")
        )
        for choice in choices:
            assert choice.province is not None  # filtered
            self.chosen[(choice.publisher_ref, choice.place_key)] = choice.province

    def places(self, element, publisher: str, start) -> list[Place]:
        """Every place of an activity element; one not placed when it gives no location or
        only its country or region."""
        # The activity's own locations, not a result's references to them (result/…/location).
        places = [self.read(location, publisher, start) for location in element.findall("location")]
        if places:
            return places
        countries = [c.get("code", "") for c in element.findall("recipient-country")]
        regions = [r.get("code", "") for r in element.findall("recipient-region")]
        if countries or regions:
            text = ", ".join(countries + regions)
            return [Place(text, reason=UnplacedReason.COUNTRY)]
        return [Place(_("(no location)"), reason=UnplacedReason.NO_LOCATION)]

    def read(self, location, publisher: str, start) -> Place:
        texts = [
            _narrative(location.find("name")),
            _narrative(location.find("description")),
            _narrative(location.find("activity-description")),
        ]
        codes = [
            (item.get("vocabulary", "")[:CODE_CHARS], (item.get("code") or "")[:CODE_CHARS].strip())
            for item in (*location.findall("administrative"), *location.findall("location-id"))
        ][:NARRATIVES_READ]
        point_text = _point_text(location)
        point = _point(point_text)
        label = next((text for text in texts if text), "")
        label = label or ", ".join(code for _vocabulary, code in codes if code)
        label = label or (f"{point[0]} {point[1]}" if point else point_text)
        label = label or _("(a location with nothing)")
        place = Place(label)
        named = Place(label)
        for text in texts:
            if text and self._by_name(named, text, start):
                break
        if _names_the_country(location, codes) or named.reason == UnplacedReason.COUNTRY:
            point = None  # the country's centroid ("Viet Nam" at 16.17 107.83)
        placed = self._by_code(place, codes, start) or self._by_point(place, point, start)
        if placed:
            return self._checked(place, named)
        if named.placed:
            return named
        place.reason, place.detail = named.reason, named.detail
        remembered = self.chosen.get((publisher, place.key))
        if remembered is not None:
            place.province, place.method, place.reason = remembered, PlaceMethod.CHOSEN, ""
            return place
        if not place.reason:
            if _names_the_country(location, codes):
                place.reason = UnplacedReason.COUNTRY
            elif not (codes or point_text or any(texts)):
                place.reason = UnplacedReason.NO_LOCATION
            elif codes and not any(texts):
                place.reason = UnplacedReason.UNKNOWN_CODE
            elif point_text:  # the most exact of what it gives
                place.reason = UnplacedReason.OUTSIDE
            else:
                place.reason = UnplacedReason.UNKNOWN_NAME
        return place

    @staticmethod
    def _checked(place: Place, named: Place) -> Place:
        """A place found by code or point, unless its name names another province: one of
        them is wrong, and a wrong province is worse than none."""
        if named.found is None or named.found == place.found:
            return place
        assert place.found is not None  # placed
        how = PlaceMethod(place.method).label
        return Place(
            place.text,
            reason=UnplacedReason.SEVERAL,
            detail=f"{place.found.display_name} ({how}), "
            f"{named.found.display_name} ({PlaceMethod.NAME.label})",
        )

    def _by_code(self, place: Place, codes, start) -> bool:
        for vocabulary, code in codes:
            province = self.finder.by_code(vocabulary, code)
            if province is not None:
                place.province = province_as_of(province, start, by_name=True)
                place.found, place.method = province, PlaceMethod.CODE
                return True
        return False

    def _by_point(self, place: Place, point, start) -> bool:
        province = self.finder.by_point(*point) if point else None
        if province is None:
            return False
        place.province = province_as_of(province, start, by_name=False)
        place.found, place.method = province, PlaceMethod.POINT
        return True

    def _by_name(self, place: Place, text: str, start) -> bool:
        match = self.finder.by_name(text)
        if match.province is not None:
            place.province = province_as_of(match.province, start, by_name=True)
            place.found, place.method = match.province, PlaceMethod.NAME
            return True
        if len(match.provinces) > 1 and not place.reason:
            place.reason = UnplacedReason.SEVERAL
            place.detail = ", ".join(p.display_name for p in match.provinces)
        elif match.country and not place.reason:
            place.reason = UnplacedReason.COUNTRY
        return False
