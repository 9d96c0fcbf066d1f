from django.core.management.base import BaseCommand

from amity.core.commandline import EXCHANGE_FORMATS, acting_user, file_format_of, views_for_kind
from amity.core.exports import resource_rows, write_csv, write_xlsx
from amity.core.viewer import viewing_as


class Command(BaseCommand):
    help = (
        "Export every record of KIND (e.g. organizations, people) that the user may see to an "
        "XLSX or CSV file, with the columns an import takes."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind")
        parser.add_argument("file")
        parser.add_argument("--user", help="export within this user's scope (default: an admin)")

    def handle(self, kind, file, user=None, **options):
        actor = acting_user(user)
        with viewing_as(actor):  # what the files print is what this user may read
            return self.export(kind, file, actor)

    def export(self, kind, file, actor):
        if kind in EXCHANGE_FORMATS:  # a format of its own (iati), not a list's columns
            return EXCHANGE_FORMATS[kind][0](file, actor, self.stdout)
        views = views_for_kind(kind)
        file_format = file_format_of(file)
        queryset = views.list_queryset(views.model.objects.visible_to(actor))
        rows = resource_rows(views.resource(user=actor), queryset)
        with open(file, "wb") as handle:
            (write_xlsx if file_format == "xlsx" else write_csv)(rows, handle)
        self.stdout.write(f"{queryset.count()} {kind} written to {file}.")
