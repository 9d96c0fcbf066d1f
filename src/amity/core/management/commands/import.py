from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from amity.core.commandline import EXCHANGE_FORMATS, acting_user, file_format_of, views_for_kind
from amity.core.imports import ImportFileError, dataset_from_path, import_dataset


class Command(BaseCommand):
    help = (
        "Import records of KIND (a list's plural as in its URL, e.g. organizations, people) from "
        "an XLSX or CSV file with the export's columns. Every row is checked; if one is wrong, "
        "nothing is written and the command exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind")
        parser.add_argument("file")
        parser.add_argument("--user", help="import within this user's scope (default: an admin)")
        parser.add_argument("--dry-run", action="store_true", help="check only, write nothing")
        parser.add_argument(
            "--max-size",
            type=float,
            metavar="MB",
            help="accept a file up to this many MB (default: IMPORT_MAX_BYTES, as the web import)",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="write rows over records changed since the file was exported (by default such "
            "rows are refused, as is a row naming a record by id without its version)",
        )

    def handle(
        self, kind, file, user=None, dry_run=False, max_size=None, overwrite=False, **options
    ):
        max_bytes = None
        if max_size is not None:
            if max_size <= 0:
                raise CommandError("--max-size must be a positive number of MB.")
            max_bytes = int(max_size * 1024 * 1024)
        if kind in EXCHANGE_FORMATS:  # a format of its own (iati), not a list's columns
            return EXCHANGE_FORMATS[kind][1](
                file, acting_user(user), self.stdout, max_bytes=max_bytes, dry_run=dry_run
            )
        views = views_for_kind(kind)
        file_format_of(file)
        actor = acting_user(user)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:  # the checks of the web import, the same limits unless --max-size raises the size
            dataset = dataset_from_path(path, max_bytes=max_bytes)
        except ImportFileError as error:
            raise CommandError(f"File refused: {error} Nothing written.") from error
        summary = import_dataset(
            views.resource, dataset, actor, dry_run=dry_run, overwrite=overwrite
        )
        for problem in summary["errors"]:
            self.stderr.write(f"line {problem['line']}: {'; '.join(problem['errors'])}")
        if summary["errors"]:
            raise CommandError(
                f"{len(summary['errors'])} row(s) with errors in {len(dataset)}; nothing written."
            )
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"{len(dataset)} rows: {summary['new']} new and {summary['update']} updated "
            f"{kind} {verb} written."
        )
