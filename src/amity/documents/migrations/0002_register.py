# The document register, its counters and files, and the glossary, seeded with the terms of
# the code's TextChoices (kinds of organization, positions, types of document).

import amity.documents.models.register
import django.core.validators
import django.db.models.deletion
import django.db.models.manager
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def seed_terms(apps, schema_editor):
    from amity.documents.glossary import seed_terms as seed

    seed(apps.get_model("documents", "Term"))


def unseed_terms(apps, schema_editor):
    apps.get_model("documents", "Term").objects.filter(organization__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('documents', '0001_initial'),
        ('organizations', '0002_alter_committee_committee_ends_after_start_and_more'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalRegisterEntry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='deleted')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('direction', models.CharField(choices=[('outgoing', 'Outgoing'), ('incoming', 'Incoming')], default='outgoing', max_length=10, verbose_name='direction')),
                ('document_type', models.CharField(choices=[('decision', 'Decision'), ('official_letter', 'Official letter'), ('report', 'Report'), ('plan', 'Plan'), ('notice', 'Notice'), ('invitation', 'Invitation'), ('certificate', 'Certificate'), ('other', 'Other')], default='official_letter', max_length=20, verbose_name='type of document')),
                ('number', models.PositiveIntegerField(blank=True, help_text='Outgoing: left empty, the register gives the next number of the year.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(999999)], verbose_name='number')),
                ('symbol', models.CharField(blank=True, help_text='“QĐ-LHHN”; left empty on an outgoing document, written from its type.', max_length=60, verbose_name='symbol')),
                ('issued_on', models.DateField(verbose_name='date of the document')),
                ('year', models.PositiveSmallIntegerField(blank=True, db_index=True, editable=False, verbose_name='year')),
                ('arrival_number', models.PositiveIntegerField(blank=True, help_text='Incoming: left empty, the register gives the next arrival number.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(999999)], verbose_name='arrival number')),
                ('received_on', models.DateField(blank=True, null=True, verbose_name='date received')),
                ('sender_name', models.CharField(blank=True, max_length=255, verbose_name='sent by')),
                ('recipients', models.TextField(blank=True, help_text='One a line.', verbose_name='recipients')),
                ('subject', models.TextField(max_length=2000, verbose_name='subject')),
                ('signer', models.CharField(blank=True, max_length=255, verbose_name='signed by')),
                ('signer_position', models.CharField(blank=True, max_length=255, verbose_name="signer's position")),
                ('source_id', models.PositiveBigIntegerField(blank=True, editable=False, null=True, verbose_name='drafted from (record)')),
                ('search_text', models.TextField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, help_text='The organization whose register this is; for an outgoing document, its issuer.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization', verbose_name='register of')),
                ('sender_organization', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization', verbose_name='sent by (our organization)')),
                ('source_type', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contenttypes.contenttype', verbose_name='drafted from (kind)')),
            ],
            options={
                'verbose_name': 'historical register entry',
                'verbose_name_plural': 'historical register entries',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalTerm',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='deleted')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('key', models.CharField(help_text='“document_type.decision”: the category and the code the system uses.', max_length=100, verbose_name='key')),
                ('category', models.CharField(choices=[('organization_kind', 'Kind of organization'), ('position_title', 'Position'), ('document_type', 'Type of document'), ('other', 'Other term')], default='other', max_length=30, verbose_name='category')),
                ('vi', models.CharField(max_length=255, verbose_name='Vietnamese')),
                ('en', models.CharField(blank=True, max_length=255, verbose_name='English')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organization', models.ForeignKey(blank=True, db_constraint=False, help_text="Empty for the system's own terms.", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='organizations.organization', verbose_name='managed by')),
            ],
            options={
                'verbose_name': 'historical glossary term',
                'verbose_name_plural': 'historical glossary terms',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='RegisterEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last changed')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='deleted')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('direction', models.CharField(choices=[('outgoing', 'Outgoing'), ('incoming', 'Incoming')], default='outgoing', max_length=10, verbose_name='direction')),
                ('document_type', models.CharField(choices=[('decision', 'Decision'), ('official_letter', 'Official letter'), ('report', 'Report'), ('plan', 'Plan'), ('notice', 'Notice'), ('invitation', 'Invitation'), ('certificate', 'Certificate'), ('other', 'Other')], default='official_letter', max_length=20, verbose_name='type of document')),
                ('number', models.PositiveIntegerField(blank=True, help_text='Outgoing: left empty, the register gives the next number of the year.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(999999)], verbose_name='number')),
                ('symbol', models.CharField(blank=True, help_text='“QĐ-LHHN”; left empty on an outgoing document, written from its type.', max_length=60, verbose_name='symbol')),
                ('issued_on', models.DateField(verbose_name='date of the document')),
                ('year', models.PositiveSmallIntegerField(blank=True, db_index=True, editable=False, verbose_name='year')),
                ('arrival_number', models.PositiveIntegerField(blank=True, help_text='Incoming: left empty, the register gives the next arrival number.', null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(999999)], verbose_name='arrival number')),
                ('received_on', models.DateField(blank=True, null=True, verbose_name='date received')),
                ('sender_name', models.CharField(blank=True, max_length=255, verbose_name='sent by')),
                ('recipients', models.TextField(blank=True, help_text='One a line.', verbose_name='recipients')),
                ('subject', models.TextField(max_length=2000, verbose_name='subject')),
                ('signer', models.CharField(blank=True, max_length=255, verbose_name='signed by')),
                ('signer_position', models.CharField(blank=True, max_length=255, verbose_name="signer's position")),
                ('source_id', models.PositiveBigIntegerField(blank=True, editable=False, null=True, verbose_name='drafted from (record)')),
                ('search_text', models.TextField(blank=True, editable=False)),
                ('organization', models.ForeignKey(help_text='The organization whose register this is; for an outgoing document, its issuer.', on_delete=django.db.models.deletion.PROTECT, related_name='register_entries', to='organizations.organization', verbose_name='register of')),
                ('sender_organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='register_entries_sent', to='organizations.organization', verbose_name='sent by (our organization)')),
                ('source_type', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype', verbose_name='drafted from (kind)')),
            ],
            options={
                'verbose_name': 'register entry',
                'verbose_name_plural': 'register entries',
                'ordering': ['-issued_on', '-id'],
            },
            managers=[
                ('objects', django.db.models.manager.Manager()),
                ('all_objects', django.db.models.manager.Manager()),
            ],
        ),
        migrations.CreateModel(
            name='HistoricalRegisterFile',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='deleted')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('title', models.CharField(blank=True, max_length=255, verbose_name='title')),
                ('file', models.TextField(max_length=255, verbose_name='file')),
                ('original_name', models.CharField(editable=False, max_length=255, verbose_name='file name')),
                ('size', models.PositiveIntegerField(default=0, editable=False, verbose_name='size (bytes)')),
                ('content_type', models.CharField(editable=False, max_length=100, verbose_name='type of file')),
                ('pdf', models.TextField(blank=True, editable=False, max_length=255, verbose_name='PDF')),
                ('pdf_status', models.CharField(blank=True, choices=[('', 'Not asked'), ('pending', 'Being converted'), ('ready', 'Ready'), ('unavailable', 'No converter installed'), ('failed', 'Conversion failed')], editable=False, max_length=12, verbose_name='PDF')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('entry', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='documents.registerentry', verbose_name='register entry')),
            ],
            options={
                'verbose_name': 'historical register file',
                'verbose_name_plural': 'historical register files',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='RegisterFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last changed')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='deleted')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('title', models.CharField(blank=True, max_length=255, verbose_name='title')),
                ('file', models.FileField(max_length=255, upload_to=amity.documents.models.register.register_file_path, verbose_name='file')),
                ('original_name', models.CharField(editable=False, max_length=255, verbose_name='file name')),
                ('size', models.PositiveIntegerField(default=0, editable=False, verbose_name='size (bytes)')),
                ('content_type', models.CharField(editable=False, max_length=100, verbose_name='type of file')),
                ('pdf', models.FileField(blank=True, editable=False, max_length=255, upload_to=amity.documents.models.register.register_file_path, verbose_name='PDF')),
                ('pdf_status', models.CharField(blank=True, choices=[('', 'Not asked'), ('pending', 'Being converted'), ('ready', 'Ready'), ('unavailable', 'No converter installed'), ('failed', 'Conversion failed')], editable=False, max_length=12, verbose_name='PDF')),
                ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='documents.registerentry', verbose_name='register entry')),
            ],
            options={
                'verbose_name': 'register file',
                'verbose_name_plural': 'register files',
                'ordering': ['entry', 'id'],
            },
            managers=[
                ('objects', django.db.models.manager.Manager()),
                ('all_objects', django.db.models.manager.Manager()),
            ],
        ),
        migrations.CreateModel(
            name='Term',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last changed')),
                ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                ('deleted_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='deleted')),
                ('notes', models.TextField(blank=True, verbose_name='notes')),
                ('key', models.CharField(help_text='“document_type.decision”: the category and the code the system uses.', max_length=100, verbose_name='key')),
                ('category', models.CharField(choices=[('organization_kind', 'Kind of organization'), ('position_title', 'Position'), ('document_type', 'Type of document'), ('other', 'Other term')], default='other', max_length=30, verbose_name='category')),
                ('vi', models.CharField(max_length=255, verbose_name='Vietnamese')),
                ('en', models.CharField(blank=True, max_length=255, verbose_name='English')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('organization', models.ForeignKey(blank=True, help_text="Empty for the system's own terms.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='glossary_terms', to='organizations.organization', verbose_name='managed by')),
            ],
            options={
                'verbose_name': 'glossary term',
                'verbose_name_plural': 'glossary terms',
                'ordering': ['category', 'key'],
            },
            managers=[
                ('objects', django.db.models.manager.Manager()),
                ('all_objects', django.db.models.manager.Manager()),
            ],
        ),
        migrations.CreateModel(
            name='RegisterCounter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(verbose_name='year')),
                ('direction', models.CharField(choices=[('outgoing', 'Outgoing'), ('incoming', 'Incoming')], max_length=10, verbose_name='direction')),
                ('last_number', models.PositiveIntegerField(default=0, verbose_name='last number given')),
                ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organizations.organization', verbose_name='organization')),
            ],
            options={
                'verbose_name': 'register counter',
                'verbose_name_plural': 'register counters',
                'ordering': ['organization', 'year', 'direction'],
                'constraints': [models.UniqueConstraint(fields=('organization', 'year', 'direction'), name='documents_counter_unique')],
            },
        ),
        migrations.AddIndex(
            model_name='registerentry',
            index=models.Index(fields=['organization', '-issued_on'], name='documents_register_org_date'),
        ),
        migrations.AddIndex(
            model_name='registerentry',
            index=models.Index(fields=['source_type', 'source_id'], name='documents_register_source'),
        ),
        migrations.AddConstraint(
            model_name='registerentry',
            constraint=models.UniqueConstraint(condition=models.Q(('direction', 'outgoing')), fields=('organization', 'year', 'number'), name='documents_register_unique_outgoing_number', violation_error_message='This number is already taken in this register.'),
        ),
        migrations.AddConstraint(
            model_name='registerentry',
            constraint=models.UniqueConstraint(condition=models.Q(('direction', 'incoming')), fields=('organization', 'year', 'arrival_number'), name='documents_register_unique_arrival_number', violation_error_message='This arrival number is already taken.'),
        ),
        migrations.AddConstraint(
            model_name='term',
            constraint=models.UniqueConstraint(fields=('key',), name='documents_term_unique_key', violation_error_message='Another term already has this key.'),
        ),
        migrations.RunPython(seed_terms, unseed_terms),
    ]
