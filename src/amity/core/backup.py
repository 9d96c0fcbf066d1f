"""Backups that move between SQLite and PostgreSQL: `amity backup FILE`, `amity restore FILE`.

A backup is a zip archive holding

- `manifest.json`: the format, Amity's version, when and from which database vendor it was made,
  the migrations applied to that database and the number of rows of every model;
- `data.jsonl`: every row of every model of every installed app, soft-deleted records and history
  tables included, as written by Django's `dumpdata` (JSON Lines, one object a line), except that
  times keep their microseconds (Django's JSON encoder cuts them to milliseconds);
- `media/…`: the uploaded files under MEDIA_ROOT.

The rows keep their primary keys, content types and permissions included, so a restore first
empties every table and then loads the whole file in one transaction: either all of it is there
afterwards or none of it.

This module also serves as the Django serialization format `amity_jsonl` (its `Serializer` and
`Deserializer` below), which `dumpdata` and `loaddata` are called with.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from simple_history.models import HistoricalChanges, registered_models

from amity.core.models import TimestampedModel

FORMAT_NAME = "amity-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
DATA_NAME = "data.jsonl"
MEDIA_PREFIX = "media/"
#: the serialization format registered from this module for dumpdata and loaddata
SERIALIZATION_FORMAT = "amity_jsonl"

_COPY_BUFFER = 1024 * 1024


# --- The serialization format ---------------------------------------------------------------------


class _ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder, except that datetimes and times keep their microseconds."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


class Serializer(jsonl.Serializer):
    """JSON Lines as Django writes them, with times to the microsecond."""

    def _init_options(self):
        super()._init_options()  # type: ignore[misc]  # Django's, not in django-stubs
        self.json_kwargs["cls"] = _ExactJSONEncoder


Deserializer = jsonl.Deserializer


def _register_format() -> None:
    if SERIALIZATION_FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(SERIALIZATION_FORMAT, __name__)


# --- What is in the database ----------------------------------------------------------------------


def _models():
    """Every concrete model of every installed app that lives in the default database."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy
        and model._meta.managed
        and router.allow_migrate_model(DEFAULT_DB_ALIAS, model)
    ]


def _count_rows(models, existing_tables=None) -> dict[str, int]:
    counts = {}
    for model in models:
        if existing_tables is not None and model._meta.db_table not in existing_tables:
            continue
        counts[model._meta.label] = model._base_manager.using(DEFAULT_DB_ALIAS).count()
    return counts


def _is_user_data(model) -> bool:
    """A model whose rows someone entered, as opposed to what migrations load (places, types)."""
    return (
        model is get_user_model()
        or issubclass(model, (TimestampedModel, HistoricalChanges))
        or registered_models.get(model._meta.db_table) is model
    )


def database_data_counts() -> dict[str, int]:
    """The models holding user data in the default database, with their number of rows."""
    connection = connections[DEFAULT_DB_ALIAS]
    existing = set(connection.introspection.table_names())
    models = [model for model in _models() if _is_user_data(model)]
    return {label: n for label, n in _count_rows(models, existing).items() if n}


def _applied_migrations(connection) -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


@contextmanager
def _consistent_snapshot(connection):
    """Read every table as of one moment, without holding up the writers of a running server."""
    if connection.in_atomic_block:
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif connection.vendor == "sqlite":
        # atomic() would BEGIN IMMEDIATE (settings.py) and so lock out writers for the duration;
        # a deferred read transaction sees one snapshot of the WAL and lets writers go on.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("COMMIT")
    else:
        with transaction.atomic(using=connection.alias):
            yield


# --- Writing --------------------------------------------------------------------------------------


def _media_files() -> list[tuple[Path, str]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    files = []
    for directory, _dirnames, filenames in os.walk(root):
        for filename in filenames:
            full = Path(directory) / filename
            if full.is_file():
                files.append((full, MEDIA_PREFIX + full.relative_to(root).as_posix()))
    return sorted(files, key=lambda item: item[1])


def write_backup(path) -> dict:
    """Write a backup of the default database and the uploaded files to `path`; the manifest."""
    _register_format()
    path = Path(path)
    if path.is_dir():
        raise CommandError(f"{path} is a directory; give the name of the backup file to write.")
    if not path.parent.is_dir():
        raise CommandError(f"The directory {path.parent} does not exist.")
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError("The database has migrations to apply; run `amity migrate` first.")

    partial = path.with_name(f".{path.name}.partial")
    try:
        with tempfile.TemporaryDirectory(prefix="amity-backup-") as tmp:
            data_file = Path(tmp) / DATA_NAME
            with _consistent_snapshot(connection):
                with open(data_file, "w", encoding="utf-8", newline="\n") as stream:
                    call_command(
                        "dumpdata",
                        format=SERIALIZATION_FORMAT,
                        use_base_manager=True,
                        database=DEFAULT_DB_ALIAS,
                        verbosity=0,
                        stdout=stream,
                    )
                counts = _count_rows(_models())
                migrations = _applied_migrations(connection)
            media = _media_files()
            manifest: dict[str, Any] = {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "amity_version": _amity_version(),
                "created_at": timezone.now().isoformat(),
                "database_vendor": connection.vendor,
                "migrations": migrations,
                "counts": counts,
                "media_files": len(media),
            }
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with (
                os.fdopen(fd, "wb") as raw,
                zipfile.ZipFile(
                    raw, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True
                ) as archive,
            ):
                archive.writestr(MANIFEST_NAME, json.dumps(manifest, indent=2, sort_keys=True))
                archive.write(data_file, DATA_NAME)
                for full, name in media:
                    try:
                        archive.write(full, name)
                    except FileNotFoundError:  # removed while the backup ran
                        manifest["media_files"] -= 1
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def _amity_version() -> str:
    try:
        return metadata.version("amity")
    except metadata.PackageNotFoundError:
        return "unknown"


# --- Reading --------------------------------------------------------------------------------------


@dataclass
class RestoreResult:
    manifest: dict
    counts: dict[str, int]
    media_files: int = 0
    #: migrations applied here that the backup's database did not have yet (an older backup)
    newer_here: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def _not_a_backup(path, why: str) -> CommandError:
    return CommandError(f"{path} is not an Amity backup: {why}.")


def read_manifest(archive: zipfile.ZipFile, path) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST_NAME).decode("utf-8"))
    except KeyError:
        raise _not_a_backup(path, f"it has no {MANIFEST_NAME}") from None
    except (ValueError, zipfile.BadZipFile) as error:
        raise _not_a_backup(path, f"its {MANIFEST_NAME} cannot be read ({error})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise _not_a_backup(path, f"its {MANIFEST_NAME} is not that of an Amity backup")
    version = manifest.get("format_version")
    if not isinstance(version, int):
        raise _not_a_backup(path, "its manifest has no format version")
    if version > FORMAT_VERSION:
        raise CommandError(
            f"{path} was written by a newer version of Amity (backup format {version}; this "
            f"version reads format {FORMAT_VERSION} and older). Upgrade Amity, then restore."
        )
    migrations = manifest.get("migrations")
    if (
        not isinstance(migrations, list)
        or not all(isinstance(m, list) and len(m) == 2 for m in migrations)
        or not isinstance(manifest.get("counts"), dict)
    ):
        raise _not_a_backup(path, "its manifest lacks the list of migrations or the row counts")
    if DATA_NAME not in archive.namelist():
        raise _not_a_backup(path, f"it has no {DATA_NAME}")
    return manifest


def _media_members(archive: zipfile.ZipFile, path) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    members = []
    for info in archive.infolist():
        if not info.filename.startswith(MEDIA_PREFIX) or info.is_dir():
            continue
        relative = PurePosixPath(info.filename[len(MEDIA_PREFIX) :])
        parts = relative.parts
        if (
            not parts
            or relative.is_absolute()
            or any(part in ("", ".", "..") or "\\" in part or ":" in part for part in parts)
        ):
            raise _not_a_backup(path, f"it holds a file outside the media folder ({info.filename})")
        members.append((info, relative))
    return members


def _check_migrations(manifest: dict, path) -> list[str]:
    """Refuse a backup of a newer schema; the migrations it lacks when it is of an older one."""
    in_backup = {tuple(m) for m in manifest["migrations"]}
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known: set[tuple[str, ...]] = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(tuple(key) for key in migration.replaces)
    unknown = sorted(in_backup - known)
    if unknown:
        shown = ", ".join(f"{app}.{name}" for app, name in unknown[:5])
        more = f" and {len(unknown) - 5} more" if len(unknown) > 5 else ""
        raise CommandError(
            f"{path} comes from a newer version of Amity (version "
            f"{manifest.get('amity_version', '?')}): its database has migrations this version "
            f"does not know ({shown}{more}). Upgrade Amity, then restore. Nothing was restored."
        )
    return sorted(
        f"{app}.{name}"
        for (app, name), migration in loader.disk_migrations.items()
        if (app, name) not in in_backup
        and not (migration.replaces and all(tuple(k) in in_backup for k in migration.replaces))
    )


def _reset_sequences(connection, models) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def restore_backup(path, force: bool = False) -> RestoreResult:
    """Restore a backup written by `write_backup` into the default database and MEDIA_ROOT.

    Refuses, writing nothing, a database that already holds data unless `force`; with `force`
    that data is replaced. Raises CommandError for anything that is not a usable backup.
    """
    _register_format()
    path = Path(path)
    if not path.exists():
        raise CommandError(f"No such file: {path}")
    if not path.is_file():
        raise CommandError(f"{path} is not a file.")
    if not zipfile.is_zipfile(path):
        raise _not_a_backup(path, "it is not a zip archive")

    connection = connections[DEFAULT_DB_ALIAS]
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise _not_a_backup(path, f"it cannot be opened ({error})") from None
    with archive, tempfile.TemporaryDirectory(prefix="amity-restore-") as tmp:
        manifest = read_manifest(archive, path)
        media = _media_members(archive, path)
        older = _check_migrations(manifest, path)

        if not force:
            present = database_data_counts()
            if present:
                shown = ", ".join(f"{label} ({n})" for label, n in sorted(present.items())[:5])
                raise CommandError(
                    "The database already holds data, so nothing was restored: "
                    f"{sum(present.values())} rows in {len(present)} tables such as {shown}. "
                    "Restore into an empty database, or give --force to replace all of its data "
                    "with the backup."
                )

        data_file = Path(tmp) / f"data.{SERIALIZATION_FORMAT}"
        try:
            with archive.open(DATA_NAME) as source, open(data_file, "wb") as target:
                shutil.copyfileobj(source, target, _COPY_BUFFER)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise _not_a_backup(path, f"its data cannot be read ({error})") from None

        call_command("migrate", interactive=False, verbosity=0, database=DEFAULT_DB_ALIAS)
        models = _models()
        with transaction.atomic(using=DEFAULT_DB_ALIAS):
            call_command(
                "flush",
                interactive=False,
                inhibit_post_migrate=True,
                verbosity=0,
                database=DEFAULT_DB_ALIAS,
            )
            ContentType.objects.clear_cache()
            try:
                call_command("loaddata", str(data_file), verbosity=0, database=DEFAULT_DB_ALIAS)
            except Exception as error:
                raise CommandError(
                    f"The backup {path} could not be loaded, so nothing was restored: {error}"
                ) from error
            ContentType.objects.clear_cache()
            counts = _count_rows(models)
            expected = {label: n for label, n in manifest["counts"].items() if n}
            wrong = {
                label: (n, counts.get(label, 0))
                for label, n in expected.items()
                if counts.get(label, 0) != n
            }
            if wrong:
                shown = ", ".join(
                    f"{label}: {a} in the manifest, {b} loaded"
                    for label, (a, b) in sorted(wrong.items())[:5]
                )
                raise CommandError(
                    f"The backup {path} does not hold the rows its manifest lists ({shown}); "
                    "nothing was restored."
                )
            # loaddata moved the sequences of the tables it wrote on; this does all of them.
            _reset_sequences(connection, models)
            # Content types and permissions of models newer than the backup.
            emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)

        media_root = Path(settings.MEDIA_ROOT)
        for info, relative in media:
            media_target = media_root.joinpath(*relative.parts)
            media_target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(media_target, "wb") as out:
                shutil.copyfileobj(source, out, _COPY_BUFFER)

    return RestoreResult(
        manifest=manifest,
        counts={label: n for label, n in counts.items() if n},
        media_files=len(media),
        newer_here=older,
    )
