"""The enrolment's rules on every imported row, as the form and the API apply them."""

from amity.training import enrolment_services


class RulesResourceMixin:
    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        super().validate_instance(  # type: ignore[misc]
            instance, import_validation_errors, validate_unique
        )
        enrolment_services.check(instance)
