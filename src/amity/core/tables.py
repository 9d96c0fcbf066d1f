"""The base table of every list: Bootstrap classes, a link on the record's name."""

import django_tables2 as tables


class BaseTable(tables.Table):
    class Meta:
        attrs = {"class": "table table-sm table-hover align-middle"}
        template_name = "django_tables2/bootstrap5-responsive.html"
        empty_text = ""
