"""`amity search_index --rebuild [--kind PLURAL ...]`: write the search index anew."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from amity.core import search


class Command(BaseCommand):
    help = "Rebuild the index of the search across domains (every kind, or those named)."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Write the index anew.")
        parser.add_argument(
            "--kind",
            action="append",
            default=[],
            metavar="PLURAL",
            help="Only this kind (its plural: partners, activities…); may be repeated.",
        )

    def handle(self, *args, rebuild=False, kind=(), **options):
        known = search.by_plural()
        unknown = sorted(set(kind) - set(known))
        if unknown:
            raise CommandError(
                f"Unknown kind: {', '.join(unknown)}. Known: {', '.join(sorted(known))}."
            )
        if not rebuild:
            from amity.core.models import SearchEntry

            for plural in sorted(known):
                count = SearchEntry.objects.filter(kind=plural).count()
                self.stdout.write(f"{plural}: {count}")
            self.stdout.write("Add --rebuild to write the index anew.")
            return
        with transaction.atomic():
            written = search.rebuild(kind, progress=self._progress)
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {written} records."))

    def _progress(self, plural: str, done: int, total: int) -> None:
        if done == total or done % 5000 == 0:
            self.stdout.write(f"  {plural}: {done}/{total}")
