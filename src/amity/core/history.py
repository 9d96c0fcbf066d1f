"""Reading the change history that django-simple-history keeps for every model."""

from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

CHANGE_KINDS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
#: bookkeeping and derived fields (search text, sort keys): no one changed them by hand
HIDDEN_FIELDS = {
    "version",
    "updated_at",
    "created_at",
    "tree_path",
    "search_text",
    "sort_name_vi",
    "sort_name_en",
}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    record: Any  # a historical record: django-simple-history makes its model at run time
    kind: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def user(self):
        return self.record.history_user

    @property
    def date(self):
        return self.record.history_date


def _display(model, record, field_name: str) -> str:
    model_field = model._meta.get_field(field_name)
    value = getattr(record, model_field.attname, None)
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        target = model_field.related_model._base_manager.filter(pk=value).first()
        return str(target) if target else f"#{value}"
    if isinstance(model_field, models.BooleanField):
        return str(_("Yes") if value else _("No"))
    return str(value)


def diff(model, older, newer) -> list[FieldChange]:
    """The fields that differ between two historical records of `model`, labelled for people."""
    if older is None:
        return []
    delta = newer.diff_against(older)
    return [
        FieldChange(
            label=str(model._meta.get_field(change.field).verbose_name),
            old=_display(model, older, change.field),
            new=_display(model, newer, change.field),
        )
        for change in delta.changes
        if change.field not in HIDDEN_FIELDS
    ]


def history_of(obj) -> list[HistoryEntry]:
    """Every change of `obj`, newest first, each with its field-by-field differences."""
    records = list(obj.history.select_related("history_user").order_by("history_date", "pk"))
    entries, previous = [], None
    for record in records:
        kind = record.history_type
        entries.append(
            HistoryEntry(record, str(CHANGE_KINDS[kind]), diff(type(obj), previous, record))
        )
        previous = record
    entries.reverse()
    return entries


def changes_since(obj, version: int) -> tuple[list[FieldChange], object]:
    """What others changed in `obj` after `version`: the differences and who made the last one."""
    records = obj.history.select_related("history_user").order_by("history_date", "pk")
    base = records.filter(version=version).last()
    latest = records.last()
    if base is None or latest is None:
        return [], None
    return diff(type(obj), base, latest), latest.history_user
