"""The course page's grids (attendance, results) as formsets, one form per participant, and
the upload of a filled attendance sheet."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from amity.core.forms import style_widgets
from amity.training.forms.enrolment import PassedSelect


class ParticipantRowForm(forms.Form):
    """One participant's row: the nomination it is about, which must be a confirmed nomination
    of the course (a row sent for anyone else is refused, and nothing is written)."""

    nomination = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, participants: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = participants

    def clean_nomination(self):
        pk = self.cleaned_data["nomination"]
        if pk not in self.participants:
            raise forms.ValidationError(
                _("This person is not a confirmed participant of this course."),
                code="not_enrolled",
            )
        return pk

    @property
    def participant(self):
        pk = self.data.get(self.add_prefix("nomination")) if self.is_bound else None
        pk = pk or self.initial.get("nomination")
        try:
            return self.participants.get(int(str(pk)))
        except (TypeError, ValueError):
            return None


class AttendanceRowForm(ParticipantRowForm):
    sessions = forms.TypedMultipleChoiceField(
        label=_("Present at"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args, sessions, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["sessions"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(session.pk, str(session)) for session in sessions]


class ResultRowForm(ParticipantRowForm):
    completed = forms.BooleanField(label=_("completed"), required=False)
    passed = forms.NullBooleanField(label=_("passed the test"), required=False, widget=PassedSelect)
    score = forms.DecimalField(
        label=_("score"),
        required=False,
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class ParticipantFormSet(forms.BaseFormSet):
    """Each participant once: a row repeated would write its cells twice."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            pk = form.cleaned_data.get("nomination") if hasattr(form, "cleaned_data") else None
            if pk is None:
                continue
            if pk in seen:
                raise forms.ValidationError(_("A participant is sent twice."))
            seen.add(pk)


def grid_formset(form_class, participants: list, initial: list[dict], *, data=None, **form_kwargs):
    """The formset of a grid: one form per participant, bound to `data` when it is sent; never
    more forms than participants (a request cannot make the server build thousands)."""
    count = max(len(participants), 1)
    formset_class = forms.formset_factory(
        form_class,
        formset=ParticipantFormSet,
        extra=0,
        max_num=count,
        validate_max=True,
        absolute_max=count,
    )
    return formset_class(
        data,
        initial=initial,
        form_kwargs={"participants": {n.pk: n for n in participants}, **form_kwargs},
    )


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Filled attendance sheet (.xlsx)"),
        help_text=_("The sheet exported from this page, with an x where the person was present."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)
