"""`amity restore FILE`: put a backup written by `amity backup` back into the database."""

from django.core.management.base import BaseCommand

from amity.core.backup import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup written by `amity backup` into the database (migrating it first) and "
        "the uploaded files into MEDIA_ROOT. Refuses a database that already holds data unless "
        "--force is given, which replaces all of that data."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="the backup file to read")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data of a database that is not empty (everything in it is lost)",
        )

    def handle(self, *args, **options):
        result = restore_backup(options["file"], force=options["force"])
        manifest = result.manifest
        if options["verbosity"] >= 1:
            for label, count in sorted(result.counts.items()):
                self.stdout.write(f"  {label}: {count}")
        if result.newer_here:
            self.stdout.write(
                f"The backup predates {len(result.newer_here)} migrations of this version; its "
                "data was loaded into the current schema."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {result.total_rows} rows in {len(result.counts)} tables and "
                f"{result.media_files} uploaded files from {options['file']} (made "
                f"{manifest.get('created_at', '?')} on {manifest.get('database_vendor', '?')}, "
                f"Amity {manifest.get('amity_version', '?')})."
            )
        )
