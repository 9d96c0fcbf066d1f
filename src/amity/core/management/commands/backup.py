"""`amity backup FILE`: the whole database and the uploaded files in one zip archive."""

from django.core.management.base import BaseCommand

from amity.core.backup import write_backup


class Command(BaseCommand):
    help = (
        "Write a backup of the database (every table, soft-deleted records and history included) "
        "and of the uploaded files to FILE, a zip archive that `amity restore` reads on SQLite "
        "or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the backup file to write (.zip)")

    def handle(self, *args, **options):
        manifest = write_backup(options["file"])
        rows = sum(manifest["counts"].values())
        tables = sum(1 for n in manifest["counts"].values() if n)
        self.stdout.write(
            f"Backup written to {options['file']}: {rows} rows in {tables} tables, "
            f"{manifest['media_files']} uploaded files ({manifest['database_vendor']}, "
            f"Amity {manifest['amity_version']})."
        )
