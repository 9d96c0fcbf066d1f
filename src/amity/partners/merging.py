"""Merging two records of one partner: the kept one takes the chosen values and everything that
pointed at the dropped one, which is soft-deleted with its last state in its history.

What points at a partner is found from the model's relations, not from a list: contacts,
holders, interactions and registrations today, and whatever another domain (aid activities,
agreements) points at it tomorrow moves with the rest.
"""

from django.db import models, transaction
from django.utils.translation import gettext as _

from amity.partners.choices import HolderRole
from amity.partners.models import Interaction, Partner, RelationshipHolder

KEEP, DROP = "keep", "drop"
#: the M2M fields of the partner itself: the kept partner gets both sides' values
UNIONED_FIELDS = ("countries", "fields")


class MergeRefused(ValueError):
    """The merge cannot be made; the message says why, in the user's language."""


def merge_partners(
    keep: Partner, drop: Partner, *, by, choices: dict[str, str] | None = None
) -> Partner:
    """Merge `drop` into `keep` as `by`, taking drop's value for each field `choices` names with
    "drop"; return `keep`. Raises MergeRefused, changing nothing, when it may not be made."""
    choices = choices or {}
    with transaction.atomic():
        keep, drop = _locked(keep), _locked(drop)
        _check_may_merge(keep, drop, by, choices)
        _retire(drop, by, reason=f"Merged into partner #{keep.pk}")
        _take_chosen_values(keep, drop, choices)
        _unite_many_to_many(keep, drop)
        _move_related(keep, drop, by)
        keep.last_contact_on = _latest_interaction(keep)
        keep._history_user = by
        keep._change_reason = f"Merged with partner #{drop.pk} ({drop.name})"
        keep.save()  # after the moves: the search text now holds the moved contacts' names
    return keep


def _locked(partner: Partner) -> Partner:
    # Read again, locked where the database can: the refusals must see the current state.
    return Partner.all_objects.select_for_update().get(pk=partner.pk)


def _check_may_merge(keep: Partner, drop: Partner, by, choices: dict[str, str]) -> None:
    if keep.pk == drop.pk:
        raise MergeRefused(_("A partner cannot be merged with itself."))
    if keep.is_deleted or drop.is_deleted:
        raise MergeRefused(_("A deleted partner cannot be merged."))
    editable = Partner.objects.editable_by(by).filter(pk__in=[keep.pk, drop.pk]).count()
    if editable != 2:
        raise MergeRefused(_("You may merge only partners you may edit, both of them."))
    for name, side in choices.items():
        if name not in _choosable_fields() or side not in (KEEP, DROP):
            raise MergeRefused(_("“%(field)s” cannot be chosen in a merge.") % {"field": name})


def _choosable_fields() -> dict[str, models.Field]:
    """The partner's own editable values (no id, no derived field, no M2M: those are united)."""
    return {
        field.name: field
        for field in Partner._meta.concrete_fields
        if field.editable and not field.primary_key
    }


def _retire(drop: Partner, by, reason: str) -> None:
    """Soft-delete `drop`: its history's last record is the snapshot of all its values, taken
    while its contacts are still its own (their names are in its search text)."""
    drop._history_user = by
    drop._change_reason = reason
    drop.soft_delete()


def _take_chosen_values(keep: Partner, drop: Partner, choices: dict[str, str]) -> None:
    fields = _choosable_fields()
    for name, side in choices.items():
        if side == DROP:
            attname = fields[name].attname  # country_id: no need to load the country
            setattr(keep, attname, getattr(drop, attname))
    if choices.get("external_ref") == DROP and drop.external_ref:
        # The reference is unique among all partners, deleted ones included: the dropped one
        # gives it up, after the snapshot that records it (so without a history record).
        Partner.all_objects.filter(pk=drop.pk).update(external_ref="")


def _unite_many_to_many(keep: Partner, drop: Partner) -> None:
    for name in UNIONED_FIELDS:
        getattr(keep, name).add(*getattr(drop, name).all())


def _move_related(keep: Partner, drop: Partner, by) -> None:
    """Repoint every record of any model that points at `drop` to `keep`."""
    for relation in Partner._meta.related_objects:
        if relation.many_to_many:
            _move_many_to_many(relation, keep, drop)
        else:
            _move_foreign_keys(relation, keep, drop, by)


def _move_foreign_keys(relation, keep: Partner, drop: Partner, by) -> None:
    model, field = relation.related_model, relation.field
    reason = f"Moved from partner #{drop.pk} to #{keep.pk} (merge)"
    together = _unique_with(model, field)
    for row in model._base_manager.filter(**{field.name: drop}):  # soft-deleted rows too
        twin = _twin_of(row, keep, field, together)
        if twin is not None:
            _resolve_twins(twin, row, by)
            continue
        setattr(row, field.name, keep)
        _save(row, by, reason)


def _unique_with(model, field) -> list[tuple[str, ...]]:
    """The sets of fields unique together with `field` (the partner) in `model`: a moved row
    must not meet a row of the kept partner with the same values in them."""
    sets = [(field.name,)] if field.unique else []
    for constraint in model._meta.constraints:
        fields = tuple(getattr(constraint, "fields", ()))
        if isinstance(constraint, models.UniqueConstraint) and field.name in fields:
            sets.append(fields)
    sets.extend(tuple(fields) for fields in model._meta.unique_together if field.name in fields)
    return sets


def _twin_of(row, keep: Partner, field, together: list[tuple[str, ...]]):
    """The row of the kept partner that `row`, moved, would duplicate, if any."""
    for fields in together:
        others = [type(row)._meta.get_field(name).attname for name in fields if name != field.name]
        lookup = {attname: getattr(row, attname) for attname in others}
        twin = type(row)._base_manager.filter(**{field.attname: keep.pk}, **lookup).first()
        if twin is not None:
            return twin
    return None


def _resolve_twins(kept_row, dropped_row, by) -> None:
    """Two rows that cannot both be the kept partner's: the kept one stays, made as strong as
    both; the dropped one stays with the dropped partner, soft-deleted."""
    if isinstance(kept_row, RelationshipHolder):
        _strengthen_holder(kept_row, dropped_row, by)
    if hasattr(dropped_row, "soft_delete") and not dropped_row.is_deleted:
        dropped_row._history_user = by
        dropped_row._change_reason = "Duplicate of a row of the kept partner (merge)"
        dropped_row.soft_delete()


def _strengthen_holder(kept: RelationshipHolder, dropped: RelationshipHolder, by) -> None:
    """One organization held both records: it leads if it led either, since the earlier date."""
    if dropped.is_deleted:
        return
    before = (kept.role, kept.since, kept.deleted_at)
    if dropped.role == HolderRole.LEAD:
        kept.role = HolderRole.LEAD
    if dropped.since and (kept.since is None or dropped.since < kept.since):
        kept.since = dropped.since
    kept.deleted_at = None  # the dropped partner's live holding revives a deleted one
    if (kept.role, kept.since, kept.deleted_at) != before:
        _save(kept, by, "Holding of the merged partner (merge)")


def _move_many_to_many(relation, keep: Partner, drop: Partner) -> None:
    """Links to `drop` in another model's M2M (an activity's partners) go to `keep`, except
    those whose other end is already linked to `keep`: they are deleted, being duplicates."""
    through = relation.through
    to_partner = through._meta.get_field(relation.field.m2m_reverse_field_name()).attname
    to_other = through._meta.get_field(relation.field.m2m_field_name()).attname
    kept = through._base_manager.filter(**{to_partner: keep.pk}).values(to_other)
    links = through._base_manager.filter(**{to_partner: drop.pk})
    links.filter(**{f"{to_other}__in": kept}).delete()
    links.update(**{to_partner: keep.pk})


def _save(row, by, reason: str) -> None:
    row._history_user = by
    row._change_reason = reason
    row.save()


def _latest_interaction(partner: Partner):
    return (
        Interaction.objects.filter(partner=partner)
        .order_by("-occurred_on")
        .values_list("occurred_on", flat=True)
        .first()
    )
