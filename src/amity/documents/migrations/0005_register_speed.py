"""The register's list at 50,000 entries (issue 20, "Speed"): an index in the list's own order
(a deep page no longer sorts every entry, the count reads the index alone), and the search text
stored folded, as the search now compares it without folding each row."""

from django.db import migrations, models

from amity.core.collation import fold

BATCH = 2000


def fold_search_texts(apps, schema_editor):
    """The search text of the entries written before, folded as `derive_fields` now writes it
    (read first, then written: SQLite must not be written while a read of the table is open)."""
    model = apps.get_model("documents", "RegisterEntry")
    rows = list(model._base_manager.values_list("pk", "search_text"))
    changed = [model(pk=pk, search_text=fold(text)) for pk, text in rows if fold(text) != text]
    model._base_manager.bulk_update(changed, ["search_text"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_templates"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="registerentry",
            index=models.Index(
                condition=models.Q(("deleted_at__isnull", True)),
                fields=["-issued_on", "-id", "deleted_at"],
                name="documents_register_live_date",
            ),
        ),
        # the old text was lower case already: folding it is all that is left to do
        migrations.RunPython(fold_search_texts, migrations.RunPython.noop),
    ]
