"""The API's base serializer and viewset: the same scoping and filter sets as the pages."""

import copy
import datetime as dt
import re
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status, viewsets

from amity.core.dates import date_bound_errors, validate_date_in_bounds
from amity.core.scoping import (
    can_edit,
    organization_in_scope,
    relation_choices,
    within_own_limit,
)
from amity.core.writes import (
    ChangeRefused,
    OutsideScope,
    StaleRecord,
    change_refusal,
    delete_record,
    save_record,
    writer_for,
)

#: the fields every record shows in the API before its own
BASE_FIELDS = ("id", "version", "created_at", "updated_at")


class BoundedDateTimeField(serializers.DateTimeField):
    """A date and time, with a year outside Amity's bounds refused as a field error before DRF
    moves it into the active time zone: 9999-12-31T23:59 moved to UTC+7 is past the calendar
    Python knows (OverflowError, a 500)."""

    def to_internal_value(self, value):
        parsed = value
        if isinstance(value, str):
            parsed = parse_datetime(value.strip()) if value.strip() else value
        if isinstance(parsed, dt.datetime):
            try:
                validate_date_in_bounds(parsed)
            except DjangoValidationError as error:
                raise serializers.ValidationError(error.messages) from error
        return super().to_internal_value(value)


class ScopedModelSerializer(serializers.ModelSerializer):
    """Related records are chosen among those the user may see; the owner among those it may edit.

    `version` is returned with every record (and as the `ETag` of a record's own address); an
    update must send it back, or the ETag in `If-Match`: without either it is refused with 428,
    and with 409 when someone else saved a newer version meanwhile.
    """

    owner_field: str | None = "organization"
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: BoundedDateTimeField,
    }

    version = serializers.IntegerField(
        required=False,
        help_text=gettext_lazy(
            "The version the change starts from: required on an update (PUT, PATCH) unless the "
            "header If-Match carries the record's ETag; 409 when the record has a newer one."
        ),
    )

    def get_fields(self):
        fields = super().get_fields()
        # The record as the pages name it: the label a searchable select list shows.
        fields["label"] = serializers.CharField(
            source="__str__",
            read_only=True,
            help_text=gettext_lazy("The record's name as the pages show it."),
        )
        request = self.context.get("request")
        user = getattr(request, "user", None)
        for name, field in fields.items():
            relation = (
                field.child_relation if isinstance(field, serializers.ManyRelatedField) else field
            )
            if isinstance(relation, serializers.RelatedField) and user is not None:
                self._scope_relation(name, relation, user)
        return fields

    def _scope_relation(self, name, relation, user):
        """Choices as the model declares them for the relation (`relation_choices`: what the
        user may see, may edit for the owner), within the field's own limit."""
        if relation.queryset is None:
            return
        try:
            declared = relation_choices(
                self.Meta.model, relation.source or name, user, owner=name == self.owner_field
            )
        except FieldDoesNotExist:  # a field of the serializer's own: what the user may see
            manager = relation.queryset.model._default_manager
            if not hasattr(manager, "visible_to"):
                return
            owner = name == self.owner_field
            declared = manager.editable_by(user) if owner else manager.visible_to(user)
        if declared is not None:
            relation.queryset = within_own_limit(declared, relation.queryset)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = self.context["request"].user
        owner_field = self.owner_field
        owner = attrs.get(owner_field) if owner_field else None
        if owner_field and owner is not None and not organization_in_scope(user, owner):
            raise serializers.ValidationError(
                {owner_field: _("You may not edit records of this organization.")}
            )
        self._refuse_fixed_changes(attrs)
        self._validate_as_the_model_does(attrs)
        return attrs

    def _refuse_fixed_changes(self, attrs):
        """What identifies a record (its writer's `fixed_fields`) is set when it is made."""
        if self.instance is None:
            return
        fixed = writer_for(self.Meta.model).fixed_fields
        changed = [
            name for name in fixed if name in attrs and attrs[name] != getattr(self.instance, name)
        ]
        if changed:
            message = _("This cannot change once the record is made.")
            raise serializers.ValidationError({name: [message] for name in changed})

    def create(self, validated_data):
        many = self._pop_many_to_many(validated_data)
        model: type[models.Model] = self.Meta.model
        instance = model(**validated_data)
        return self._write(instance, many)

    def update(self, instance, validated_data):
        many = self._pop_many_to_many(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self._write(instance, many)

    def _pop_many_to_many(self, validated_data) -> dict:
        model: type[models.Model] = self.Meta.model
        names = {field.name for field in model._meta.many_to_many}
        return {name: validated_data.pop(name) for name in list(validated_data) if name in names}

    def _write(self, instance, many: dict):
        """Through the one write path, as the form and the import save (`core.writes`)."""

        created = instance.pk is None
        after_save = self.context.get("after_save")

        def save():
            instance.save()
            for name, values in many.items():
                getattr(instance, name).set(values)
            if after_save is not None:  # the viewset's own steps, before the scope is checked
                after_save(instance, created)
            return instance

        user = self.context["request"].user
        versions = self.context.get("versions")
        return save_record(instance, user, versions=versions, save=save)

    def _validate_as_the_model_does(self, attrs):
        """Run the model's own rules (clean, check and unique constraints) on the would-be
        record, as forms and imports do: a rule broken here must be a 400, not a database
        error."""
        model: type[models.Model] = self.Meta.model
        candidate = copy.copy(self.instance) if self.instance else model()
        many_to_many = {field.name for field in candidate._meta.many_to_many}
        for name, value in attrs.items():
            if name != "version" and name not in many_to_many:
                setattr(candidate, name, value)
        # A date out of bounds first: the model's rules compute further dates from it.
        out_of_bounds = date_bound_errors(candidate, names=attrs.keys())
        if out_of_bounds:
            raise serializers.ValidationError(DjangoValidationError(out_of_bounds).message_dict)
        try:
            candidate.clean()
            candidate.validate_constraints()
        except DjangoValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error.messages
            raise serializers.ValidationError(detail) from error


class StaleVersion(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy(
        "Someone saved a newer version of this record; reload it and try again."
    )
    default_code = "stale_version"


class VersionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = gettext_lazy(
        "An update must say which version of the record it changes: send the record's "
        "`version` with the data, or its ETag in the header If-Match."
    )
    default_code = "version_required"


#: one entity tag of If-Match: "3", W/"3" (the version as the ETag gives it) or a bare 3
ENTITY_TAG = re.compile(r'\s*(?:W/)?"?(\d{1,18})"?\s*')


IF_MATCH = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    description=gettext_lazy(
        'The record\'s ETag as its address gave it (its version, e.g. "3"); instead of '
        "`version` in the body. An update without either is refused with 428; with an older "
        "version, 409."
    ),
)


def etag(version: int) -> str:
    return f'"{version}"'


def if_match_versions(request) -> set[int] | None:
    """The versions named by the request's If-Match header; None without the header (or with
    `*`, which names no version). An unreadable header is a 400."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    versions = set()
    for tag in header.split(","):
        match = ENTITY_TAG.fullmatch(tag)
        if match is None:
            raise exceptions.ValidationError(
                {"If-Match": [_("Send the ETag of the record, as its address gave it.")]}
            )
        versions.add(int(match.group(1)))
    return versions


class ScopedModelViewSet(viewsets.ModelViewSet):
    """Every method starts from `visible_to(user)`: a record the user may not see is a 404,
    whatever the method, so that its existence is not told. A write to a record the user sees
    but may not edit is a 403; writes are made in a transaction and re-checked after saving.

    An update (PUT, PATCH) must carry the version it starts from, in the body or as If-Match
    (428 without, 409 when stale); any other write that sends If-Match is held to it too.
    """

    # a model with a scoped `objects` manager, set on every viewset (None only here)
    model: type[Any] = None  # type: ignore[assignment]
    select_related: tuple = ()

    def get_queryset(self):
        # `label` prints each record: what its name reads comes in the same query.
        related = (*self.select_related, *getattr(self.model, "label_related", ()))
        return self.model.objects.visible_to(self.request.user).select_related(*related)

    def get_object(self):
        obj = super().get_object()  # 404 outside what the user may see
        if self.request.method in ("GET", "HEAD", "OPTIONS"):
            return obj
        if not can_edit(self.request.user, obj):
            raise exceptions.PermissionDenied(_("You may not edit this record."))
        if self.action in ("update", "partial_update", "destroy"):
            refusal = change_refusal(obj, self.request.user)
            if refusal:  # its workflow holds it; its own actions still may move it
                raise exceptions.PermissionDenied(refusal)
        sent = if_match_versions(self.request)
        if self.request.method in ("PUT", "PATCH"):
            if sent is None and not self._version_in_body():
                raise VersionRequired()
        elif sent is not None and obj.version not in sent:  # DELETE, a workflow step
            raise StaleVersion()
        return obj

    def _version_in_body(self) -> bool:
        data = self.request.data
        value = data.get("version") if hasattr(data, "get") else None
        return value not in (None, "")

    def finalize_response(self, request, response, *args, **kwargs):
        """A record's own address gives its version as the ETag, to send back in If-Match."""
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if (
            self.action in ("retrieve", "update", "partial_update", "create")
            and response.status_code in (200, 201)
            and isinstance(data, dict)
            and isinstance(data.get("version"), int)
        ):
            response["ETag"] = etag(data["version"])
        return response

    @extend_schema(parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    @extend_schema(parameters=[IF_MATCH])
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    def create(self, request, *args, **kwargs):
        if not request.user.may_edit:
            raise exceptions.PermissionDenied(_("Your role may not add records."))
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        self._save_within_scope(serializer)

    def perform_update(self, serializer):
        sent = serializer.validated_data.pop("version", None)
        matching = if_match_versions(self.request)
        if sent is None and matching is None:
            raise VersionRequired()
        versions = {sent} if matching is None else set(matching)
        if sent is not None:
            versions &= {sent}
        self._save_within_scope(serializer, versions)

    def after_save(self, obj, created: bool) -> None:
        """Domain steps that belong to saving a record through the API (inside the transaction)."""

    def _save_within_scope(self, serializer, versions=None):
        """Saved through the one write path (the serializer's `create`/`update` call
        `core.writes.save_record`), in one transaction with the viewset's own steps."""
        serializer.validated_data.pop("version", None)
        serializer.context["versions"] = versions
        serializer.context["after_save"] = self.after_save
        try:
            with transaction.atomic():
                serializer.save()
        except StaleRecord:
            raise StaleVersion() from None
        except OutsideScope:
            raise exceptions.PermissionDenied(
                _("The result would be outside what you may edit.")
            ) from None
        except ChangeRefused as refusal:
            raise exceptions.PermissionDenied(str(refusal)) from None

    def perform_destroy(self, instance):
        delete_record(instance, self.request.user)
