"""The API's base serializer and viewset: the same scoping and filter sets as the pages."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status, viewsets

from amity.core.dates import date_bound_errors
from amity.core.scoping import can_edit, organization_in_scope


class ScopedModelSerializer(serializers.ModelSerializer):
    """Related records are chosen among those the user may see; the owner among those it may edit.

    `version` is returned with every record; a client that sends it back on an update is refused
    with 409 when someone else saved a newer version meanwhile.
    """

    owner_field: str | None = "organization"

    version = serializers.IntegerField(required=False)

    def get_fields(self):
        fields = super().get_fields()
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
        """Choices among the records the user may see (may edit, for the owner)."""
        model = relation.queryset.model if relation.queryset is not None else None
        manager = getattr(model, "objects", None)
        if hasattr(manager, "visible_to"):
            scoped = manager.editable_by if name == self.owner_field else manager.visible_to
            relation.queryset = scoped(user)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = self.context["request"].user
        owner = attrs.get(self.owner_field) if self.owner_field else None
        if owner is not None and not organization_in_scope(user, owner):
            raise serializers.ValidationError(
                {self.owner_field: _("You may not edit records of this organization.")}
            )
        self._validate_as_the_model_does(attrs)
        return attrs

    def _validate_as_the_model_does(self, attrs):
        """Run the model's own rules (clean, check and unique constraints) on the would-be
        record, as forms and imports do: a rule broken here must be a 400, not a database
        error."""
        candidate = copy.copy(self.instance) if self.instance else self.Meta.model()
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
    default_detail = _("Someone saved a newer version of this record; reload it and try again.")
    default_code = "stale_version"


class ScopedModelViewSet(viewsets.ModelViewSet):
    """Reads start from `visible_to(user)` (404 outside it); writes outside the user's scope get
    403, are made in a transaction and are re-checked after saving."""

    model = None
    select_related: tuple = ()

    def get_queryset(self):
        return self.model.objects.visible_to(self.request.user).select_related(*self.select_related)

    def get_object(self):
        if self.request.method in ("GET", "HEAD", "OPTIONS"):
            return super().get_object()
        lookup = {self.lookup_field: self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        try:
            obj = self.model.objects.filter(**lookup).first()
        except (TypeError, ValueError, DjangoValidationError):  # `/api/…/abc/`: no such record
            obj = None
        if obj is None:
            raise exceptions.NotFound()
        if not can_edit(self.request.user, obj):
            raise exceptions.PermissionDenied(_("You may not edit this record."))
        return obj

    def create(self, request, *args, **kwargs):
        if not request.user.may_edit:
            raise exceptions.PermissionDenied(_("Your role may not add records."))
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        self._save_within_scope(serializer)

    def perform_update(self, serializer):
        sent = serializer.validated_data.pop("version", None)
        if sent is not None:
            current = type(serializer.instance).objects.select_for_update()
            with transaction.atomic():
                if current.get(pk=serializer.instance.pk).version != sent:
                    raise StaleVersion()
        self._save_within_scope(serializer)

    def after_save(self, obj, created: bool) -> None:
        """Domain steps that belong to saving a record through the API (inside the transaction)."""

    def _save_within_scope(self, serializer):
        serializer.validated_data.pop("version", None)
        created = serializer.instance is None
        with transaction.atomic():
            obj = serializer.save()
            self.after_save(obj, created)
            if not can_edit(self.request.user, obj):
                raise exceptions.PermissionDenied(
                    _("The result would be outside what you may edit.")
                )

    def perform_destroy(self, instance):
        with transaction.atomic():
            instance.soft_delete()
