"""The places of an IATI activity written by another publisher, each resolved to a province or
reported as not placed, with how (`PlaceMethod`) or why not (`UnplacedReason`).

A `<location>` is read in the order of what is most exact: an administrative code or location
id (ISO 3166-2, GADM, GeoNames, the GSO's), then its point, then its name, description and
activity description. What is found is one of the 63 provinces as they were; `province_as_of`
keeps it for an activity begun before 1 July 2025 (and for a name only the old provinces have),
else gives today's province. A place none of these resolves is placed where a person placed the
same place of the same publisher before (`UnplacedLocation.province`), or reported.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from amity.aid.choices import PlaceMethod, UnplacedReason
from amity.aid.models import UnplacedLocation, place_key
from amity.geo.models import Province
from amity.geo.services import ProvinceFinder, province_as_of

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: IATI geographic vocabulary A4: ISO 3166-1 countries; a location coded so is the country
COUNTRY_VOCABULARY = "A4"


@dataclass
class Place:
    """One place of an activity as the import report shows it."""

    text: str
    province: Province | None = None
    method: str = ""  # a PlaceMethod, when placed
    reason: str = ""  # an UnplacedReason, when not
    detail: str = ""  # the provinces a text names when it names several

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


def _narrative(element) -> str:
    """The element's narratives, one text: each language's, joined."""
    if element is None:
        return ""
    texts = [(n.text or "").strip() for n in element.findall("narrative")]
    return " / ".join(text for text in texts if text)


def _point(location) -> tuple[float, float] | None:
    """The location's point as (latitude, longitude). IATI writes "lat long"; a publisher that
    wrote "long lat" is read the right way round, as no latitude passes 90."""
    text = location.findtext("point/pos") or ""
    try:
        first, second = (float(value) for value in text.split())
    except ValueError:
        return None
    if abs(first) > 90 >= abs(second):
        first, second = second, first
    return first, second


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
        places = [self.read(location, publisher, start) for location in element.iter("location")]
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
            (item.get("vocabulary", ""), (item.get("code") or "").strip())
            for item in (*location.findall("administrative"), *location.findall("location-id"))
        ]
        point = _point(location)
        label = next((text for text in texts if text), "")
        label = label or ", ".join(code for _vocabulary, code in codes if code)
        label = label or (f"{point[0]} {point[1]}" if point else _("(a location with nothing)"))
        place = Place(label)
        if self._by_code(place, codes, start) or self._by_point(place, point, start):
            return place
        for text in texts:
            if text and self._by_name(place, text, start):
                return place
        remembered = self.chosen.get((publisher, place.key))
        if remembered is not None:
            place.province, place.method, place.reason = remembered, PlaceMethod.CHOSEN, ""
            return place
        if not place.reason:
            if any(v.upper() == COUNTRY_VOCABULARY or c.upper() == "VN" for v, c in codes):
                place.reason = UnplacedReason.COUNTRY
            elif codes and not any(texts):
                place.reason = UnplacedReason.UNKNOWN_CODE
            elif point and not any(texts):
                place.reason = UnplacedReason.OUTSIDE
            else:
                place.reason = UnplacedReason.UNKNOWN_NAME
        return place

    def _by_code(self, place: Place, codes, start) -> bool:
        for vocabulary, code in codes:
            province = self.finder.by_code(vocabulary, code)
            if province is not None:
                place.province = province_as_of(province, start, by_name=True)
                place.method = PlaceMethod.CODE
                return True
        return False

    def _by_point(self, place: Place, point, start) -> bool:
        province = self.finder.by_point(*point) if point else None
        if province is None:
            return False
        place.province = province_as_of(province, start, by_name=False)
        place.method = PlaceMethod.POINT
        return True

    def _by_name(self, place: Place, text: str, start) -> bool:
        match = self.finder.by_name(text)
        if match.province is not None:
            place.province = province_as_of(match.province, start, by_name=True)
            place.method = PlaceMethod.NAME
            return True
        if len(match.provinces) > 1 and not place.reason:
            place.reason = UnplacedReason.SEVERAL
            place.detail = ", ".join(p.display_name for p in match.provinces)
        elif match.country and not place.reason:
            place.reason = UnplacedReason.COUNTRY
        return False
