"""The enrolment's rules on the generic edit form, as the API and the import apply them."""

from django.core.exceptions import ValidationError

from amity.training import enrolment_services


class RulesFormMixin:
    """After the model's own checks, the enrolment's rules on the would-be record
    (`enrolment_services.refusals`): each broken one is the form's error, beside its field."""

    def _post_clean(self):
        super()._post_clean()  # type: ignore[misc]
        if self.errors:  # type: ignore[attr-defined]
            return
        try:
            enrolment_services.check(self.instance)  # type: ignore[attr-defined]
        except ValidationError as refusal:
            self._update_errors(refusal)  # type: ignore[attr-defined]
