"""The one write path: how a record is created or changed, whoever writes it.

The edit form, the API and the import each used to save in their own way, and drifted apart (a
report's `granted_by` set by the form and left empty by the API). Now all three call
`save_record`, which does, in one transaction:

1. for a change, lock the record's row and refuse a stale version (`StaleRecord`);
2. the model's `Writer.before_save`: the fields that come from who writes (an author, who granted);
3. the save itself (the form's `save()` with its many-to-many fields, or the record's);
4. the model's `Writer.after_save`: the domain steps a save brings (reconvert an activity's
   transactions, refresh a parent's summary); explicit service calls, never hidden in `save()`;
5. the scope check: the result must be a record the user may edit (`OutsideScope`), or all of it
   is undone.

A model with domain steps declares its writer in its app's registry (`ModelEntry(writer=...)`);
the writer lives in the app's `services.py`. The import writes in batches: it calls the same
hooks through `before_save_batch` / `after_save_batch`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from amity.core.registry import registry
from amity.core.scoping import can_edit


@dataclass(frozen=True)
class EditableWhile:
    """A record changes by an edit only while the workflow state at `state` (a field of the
    record, or of a record it belongs to: "proposal.state") is one of `states`; otherwise the
    edit is refused with `refusal`. A saved record's, and a new one's under a held parent."""

    state: str
    states: tuple
    refusal: str | Promise  # lazy: translated when refused, in the reader's language

    def refusal_for(self, record) -> str | None:
        value = record
        for name in self.state.split("."):
            value = getattr(value, name)
        return None if value in self.states else str(self.refusal)


class Writer:
    """The steps around saving one model's records; the default does nothing around the save.

    `fixed_fields` name what identifies a record (a report's organization and period): set
    when it is made, never changed by an edit. `editable_while` declares, and
    `change_refusal` computes when a rule is more than that, when a record's own workflow
    holds it (a submitted report): then no generic edit, API write, import or delete may
    change it, only the workflow's steps."""

    fixed_fields: tuple[str, ...] = ()
    editable_while: EditableWhile | None = None

    def change_refusal(self, record, user) -> str | None:
        """Why `user` may not change or delete `record` by an edit now, or None when it may."""
        if self.editable_while is None:
            return None
        return self.editable_while.refusal_for(record)

    def before_save(self, record, user, created: bool) -> None:
        """Set what comes from the writer, before the record is validated and saved."""

    def after_save(self, record, user, created: bool) -> None:
        """The domain steps that saving this record brings, inside the same transaction."""

    def after_delete(self, record, user) -> None:
        """The domain steps that deleting (softly) this record brings."""

    def after_restore(self, record, user) -> None:
        """The domain steps that restoring it from the trash brings."""

    def before_save_batch(self, records: Iterable, user, created: bool) -> None:
        for record in records:
            self.before_save(record, user, created)

    def after_save_batch(self, records: Iterable, user, created: bool) -> None:
        """After an import's batch is written; a writer with a faster way for many overrides."""
        for record in records:
            self.after_save(record, user, created)


PLAIN_WRITER = Writer()


class StaleRecord(Exception):
    """The record changed since the version the writer started from."""

    def __init__(self, current_version: int | None):
        super().__init__(current_version)
        self.current_version = current_version


class OutsideScope(PermissionDenied):
    """The saved record would be one its writer may not edit: nothing was saved."""


class ChangeRefused(PermissionDenied):
    """The record may not be changed or deleted this way now; the message says why, for people."""


def change_refusal(record, user) -> str | None:
    """Why `user` may not change or delete `record` by an edit now (its writer's rule), or None.
    The edit and delete pages, the API and the import all ask it."""
    return writer_for(type(record)).change_refusal(record, user)


def changed_fixed_fields(record) -> list[str]:
    """The fields of `record` that identify it and differ from what is stored."""
    fixed = writer_for(type(record)).fixed_fields
    if not fixed or record.pk is None:
        return []
    stored = type(record)._base_manager.filter(pk=record.pk).values(*fixed).first() or {}
    return [
        name
        for name in fixed
        if name in stored and stored[name] != record._meta.get_field(name).value_from_object(record)
    ]


def refuse_change(record, user) -> None:
    """Raise `ChangeRefused` when `record`, as stored, may not be changed by `user` now, or
    when the change touches what identifies it."""
    refusal = change_refusal(record, user)
    if refusal:
        raise ChangeRefused(refusal)
    if changed_fixed_fields(record):
        raise ChangeRefused(_("What identifies this record cannot change once it is made."))


def writer_for(model: type[models.Model]) -> Writer:
    return registry.writer_for(model) or PLAIN_WRITER


def current_version(model: type[models.Model], pk) -> int | None:
    """The stored version of record `pk`, its row locked until the transaction ends.

    Without the model's ordering, which may join a nullable relation (a presentation's session):
    PostgreSQL refuses to lock the nullable side of an outer join."""
    return (
        model._base_manager.order_by()
        .select_for_update(of=("self",))
        .filter(pk=pk)
        .values_list("version", flat=True)
        .first()
    )


def save_record(
    record,
    user,
    *,
    versions: Iterable[int] | None = None,
    save: Callable[[], object] | None = None,
    check_scope: bool = True,
):
    """Create or change `record` as `user`, in one transaction (the steps in the module's text).

    `versions`: for a change, the versions the writer started from (a form's hidden field, the
    API's body or `If-Match`); None when the caller checked it itself. `save`: what saves the
    record with its relations (a form's `save`); by default `record.save()`. `check_scope=False`
    for code that decided already that `user` may write it (a command's import, the demo).
    The history names `user` as the author even where no request does (an API token, a command).
    Raises `StaleRecord`, `ChangeRefused` or `OutsideScope`, and nothing is saved.
    """
    model = type(record)
    created = record._state.adding or record.pk is None
    writer = writer_for(model)
    with transaction.atomic():
        if not created and versions is not None:
            stored = current_version(model, record.pk)
            if stored not in set(versions):
                raise StaleRecord(stored)
        if not created:
            refuse_change(record, user)
        writer.before_save(record, user, created)
        record._history_user = user
        saved = save() if save is not None else record.save()
        record = saved if isinstance(saved, models.Model) else record
        writer.after_save(record, user, created)
        if check_scope and not can_edit(user, record):
            raise OutsideScope
    return record


def delete_record(record, user) -> None:
    """Delete `record` softly (the trash can restore it), with its writer's steps, in one
    transaction: the generic delete page and the API's DELETE both come here."""
    refusal = change_refusal(record, user)
    if refusal:
        raise ChangeRefused(refusal)
    with transaction.atomic():
        record.soft_delete()
        writer_for(type(record)).after_delete(record, user)


def restore_record(record, user) -> None:
    """Bring `record` back from the trash, with its writer's steps."""
    with transaction.atomic():
        record.restore()
        writer_for(type(record)).after_restore(record, user)
