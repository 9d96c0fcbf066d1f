"""The enrolment's rules on the API's writes, as the form and the import apply them."""

import copy

from django.core.exceptions import ValidationError
from rest_framework import serializers

from amity.training import enrolment_services


class RulesSerializerMixin:
    def _validate_as_the_model_does(self, attrs):
        super()._validate_as_the_model_does(attrs)  # type: ignore[misc]
        model = self.Meta.model  # type: ignore[attr-defined]
        instance = getattr(self, "instance", None)
        candidate = copy.copy(instance) if instance is not None else model()
        for name, value in attrs.items():
            if name != "version":
                setattr(candidate, name, value)
        try:
            enrolment_services.check(candidate)
        except ValidationError as refusal:
            raise serializers.ValidationError(refusal.message_dict) from refusal
