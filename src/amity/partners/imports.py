"""Import and export resources: the export's columns are the import's, plus `external_ref`."""

from django.conf import settings
from django.db import connection
from django.db import models as dj_models
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import fields as resource_fields
from import_export import widgets

from amity.core.imports import ScopedResource
from amity.organizations.imports import display_of
from amity.partners import models
from amity.partners.duplicates import likely_duplicates_of


class CodeListWidget(widgets.ManyToManyWidget):
    """Countries and fields of work as their codes ("VN, LA"), which people can read and type."""

    def __init__(self, model, field="code"):
        super().__init__(model, field=field, separator=",")
        self._by_code = None

    def clean(self, value, row=None, **kwargs):
        if self._by_code is None:  # a short reference list, read once per import
            self._by_code = {
                getattr(item, self.field).upper(): item for item in self.model.objects.all()
            }
        codes = [code.strip().upper() for code in str(value or "").split(",") if code.strip()]
        unknown = sorted(code for code in codes if code not in self._by_code)
        if unknown:
            raise ValueError(_("unknown codes: %(codes)s") % {"codes": ", ".join(unknown)})
        return [self._by_code[code] for code in dict.fromkeys(codes)]


class PartnerResource(ScopedResource):
    country = resource_fields.Field(
        attribute="country",
        column_name="country",
        widget=widgets.ForeignKeyWidget(
            models.Partner._meta.get_field("country").related_model, field="code"
        ),
    )
    countries = resource_fields.Field(
        attribute="countries",
        column_name="countries",
        widget=CodeListWidget(models.Partner._meta.get_field("countries").related_model),
    )
    fields = resource_fields.Field(
        attribute="fields", column_name="fields", widget=CodeListWidget(models.FieldOfWork)
    )

    class Meta(ScopedResource.Meta):
        model = models.Partner
        fields = (
            "id",
            "kind",
            "name",
            "name_vi",
            "name_en",
            "acronym",
            "country",
            "countries",
            "fields",
            "website",
            "email",
            "phone",
            "address",
            "status",
            "strength",
            "strength_reason",
            "relationship_since",
            "sensitivity",
            "tags",
            "external_ref",
            "notes",
        )
        exclude = [
            *ScopedResource.Meta.exclude,
            "last_contact_on",
            "search_text",
            "sort_name_vi",
            "sort_name_en",
        ]
        use_bulk = True

    def insert_new(self, instances):
        # Written without the ORM's cost of compiling every value (most of a large import's
        # time, the database's own a sixth), their history copied from the rows just written in
        # one statement, where simple_history would build and insert a second instance per row.
        insert_new_partners(instances)
        copy_history_of_new(instances, self.user)

    def import_data(self, dataset, *args, **kwargs):
        # Checking each row against the database costs two queries a row: large files are
        # checked for duplicates on the duplicates page instead, after the import.
        self.check_duplicates = len(dataset) <= settings.IMPORT_DUPLICATE_CHECK_ROWS
        return super().import_data(dataset, *args, **kwargs)

    def row_warnings(self, instance, row):
        if not self.check_duplicates:
            return []
        fields = {
            name: getattr(instance, name)
            for name in ("name", "name_vi", "name_en", "acronym", "country", "website", "email")
        }
        others = models.Partner.objects.visible_to(self.user).exclude(pk=instance.pk)
        return [
            _("Looks like %(name)s (#%(id)s): %(reasons)s.")
            % {
                "name": pair.second.name,
                "id": pair.second.id,
                "reasons": ", ".join(str(reason) for reason in pair.reasons),
            }
            for pair in likely_duplicates_of(fields, others, limit=3)
        ]


HISTORY_COPY_BATCH = 900  # ids a statement names
_TEXT_FIELDS = (dj_models.CharField, dj_models.TextField)


def insert_new_partners(partners) -> None:
    """`Partner.objects.bulk_create(partners)`, checked already, with their ids set: the same
    INSERT … RETURNING in batches, with the values prepared as the ORM would, except that text
    and empty values, which it passes through unchanged, skip its per-value machinery."""
    if not connection.features.can_return_rows_from_bulk_insert:
        models.Partner.objects.bulk_create(partners)
        return
    if connection.vendor == "postgresql":
        _copy_new_partners(partners)
        return
    meta = models.Partner._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = f"({', '.join(['%s'] * len(fields))})"
    size = max(1, connection.ops.bulk_batch_size(fields, partners))
    with connection.cursor() as cursor:
        for start in range(0, len(partners), size):
            chunk = partners[start : start + size]
            params = [value for row in _prepared_rows(chunk, fields) for value in row]
            cursor.execute(
                f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES "
                f"{', '.join([placeholders] * len(chunk))} RETURNING {quote(meta.pk.column)}",
                params,
            )
            for partner, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                partner.pk = pk
                partner._state.adding = False
                partner._state.db = connection.alias


def _prepared_rows(partners, fields):
    """Each partner's column values as the ORM would send them, its stamps set; text and empty
    values, which the ORM passes through unchanged, skip its per-value machinery."""
    stamped = [
        field
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    text = {field.attname for field in fields if isinstance(field, _TEXT_FIELDS)}
    for partner in partners:
        for field in stamped:
            field.pre_save(partner, add=True)
        row = []
        for field in fields:
            value = getattr(partner, field.attname)
            if value is None or (type(value) is str and field.attname in text):
                row.append(value)
            else:
                row.append(field.get_db_prep_save(value, connection))
        yield row


def _copy_new_partners(partners) -> None:
    """PostgreSQL: the ids drawn from the table's sequence in one query, then the rows sent by
    COPY. An INSERT of thousands of rows spends seconds in psycopg splitting its hundreds of
    thousands of placeholders (and the server in parsing them); COPY has none."""
    meta = models.Partner._meta
    quote = connection.ops.quote_name
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    columns = ", ".join(quote(field.column) for field in [meta.pk, *fields])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(partners)],
        )
        ids = [pk for (pk,) in cursor.fetchall()]
        # The psycopg cursor under Django's wrapper, which has no COPY; its errors still read
        # as Django's (an IntegrityError for a reference saved meanwhile).
        sql = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
        with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
            for pk, row in zip(ids, _prepared_rows(partners, fields), strict=True):
                copy.write_row([pk, *row])
    for partner, pk in zip(partners, ids, strict=True):
        partner.pk = pk
        partner._state.adding = False
        partner._state.db = connection.alias


def copy_history_of_new(partners, default_user) -> None:
    """The "created" history records of partners just inserted, as `bulk_history_create` writes
    them (every tracked column, the user, no change reason), read from their rows in the
    database by INSERT … SELECT rather than built in Python."""
    history = models.Partner.history.model
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in history.tracked_fields)
    now = history._meta.get_field("history_date").get_db_prep_value(timezone.now(), connection)
    by_user = {}
    for partner in partners:
        user = getattr(partner, "_history_user", None) or default_user
        reason = getattr(partner, "_change_reason", None)
        by_user.setdefault((getattr(user, "pk", None), reason), []).append(partner.pk)
    with connection.cursor() as cursor:
        for (user_id, reason), ids in by_user.items():
            for start in range(0, len(ids), HISTORY_COPY_BATCH):
                chunk = ids[start : start + HISTORY_COPY_BATCH]
                cursor.execute(
                    f"INSERT INTO {quote(history._meta.db_table)} ({columns}, history_date, "
                    f"history_change_reason, history_type, history_user_id) "
                    f"SELECT {columns}, %s, %s, '+', %s FROM "
                    f"{quote(models.Partner._meta.db_table)} "
                    f"WHERE id IN ({', '.join(['%s'] * len(chunk))})",
                    [now, reason, user_id, *chunk],
                )


class RelationshipHolderResource(ScopedResource):
    partner_name = display_of("partner__name", "partner_name")
    organization_name = display_of("organization__name", "organization_name")

    class Meta(ScopedResource.Meta):
        model = models.RelationshipHolder
        fields = (
            "id",
            "partner",
            "partner_name",
            "organization",
            "organization_name",
            "role",
            "since",
            "notes",
        )


class ContactResource(ScopedResource):
    partner_name = display_of("partner__name", "partner_name")

    class Meta(ScopedResource.Meta):
        model = models.Contact
        fields = (
            "id",
            "partner",
            "partner_name",
            "full_name",
            "title",
            "email",
            "phone",
            "languages",
            "is_current",
            "notes",
        )


class NgoRegistrationResource(ScopedResource):
    partner_name = display_of("partner__name", "partner_name")

    class Meta(ScopedResource.Meta):
        model = models.NgoRegistration
        fields = (
            "id",
            "partner",
            "partner_name",
            "registration_type",
            "number",
            "issuing_authority",
            "issued_on",
            "expires_on",
            "notes",
        )


class InteractionResource(ScopedResource):
    partner_name = display_of("partner__name", "partner_name")

    class Meta(ScopedResource.Meta):
        model = models.Interaction
        fields = (
            "id",
            "partner",
            "partner_name",
            "organization",
            "occurred_on",
            "kind",
            "summary",
            "notes",
        )


class FollowUpResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.FollowUp
        fields = ("id", "interaction", "action", "owner", "due_on", "state", "notes")
