from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_sqlite_full_text_index"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="partner",
            name="partner_unique_external_ref",
        ),
        migrations.AddConstraint(
            model_name="partner",
            constraint=models.UniqueConstraint(
                condition=models.Q(("external_ref", ""), _negated=True),
                fields=("external_ref",),
                name="partner_unique_external_ref",
                violation_error_message="Another partner already has this external reference.",
            ),
        ),
    ]
