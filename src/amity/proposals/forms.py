from django import forms
from django.utils.translation import gettext_lazy as _

from amity.core.forms import ScopedModelForm, style_widgets
from amity.proposals import models
from amity.proposals.choices import Position
from amity.proposals.services import ArticleAnswer, centre_fields


class TopicForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Topic
        fields = ["organization", "code", "name_vi", "name_en", "order", "is_active", "notes"]


class StatusLabelForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.StatusLabel
        fields = ["organization", "status", "label_vi", "label_en", "notes"]


class ProposalForm(ScopedModelForm):
    """A proposal's own fields; its answer is written through the workflow (AnswerForm)."""

    class Meta(ScopedModelForm.Meta):
        model = models.Proposal
        fields = [
            "organization",
            "raised_by",
            "raised_by_name",
            "raised_on",
            "source",
            "event",
            "consultation",
            "source_reference",
            "topic",
            "title",
            "text",
            "addressed_to",
            "responsible_department",
            "due_on",
            "status",
            "related",
            "external_ref",
            "notes",
        ]
        widgets = {"related": forms.SelectMultiple(attrs={"size": 5})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # The centre names the department, the due date and the status; a unit does not.
        for name in centre_fields(user):
            self.fields.pop(name, None)


class ProposalActionForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("proposal",)

    class Meta(ScopedModelForm.Meta):
        model = models.ProposalAction
        fields = ["proposal", "action", "responsible", "due_on", "progress", "state", "notes"]


class ConsultationForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.Consultation
        fields = [
            "organization",
            "title_vi",
            "title_en",
            "document",
            "description",
            "opens_on",
            "deadline",
            "remind_days_before",
            "status",
            "organizations_asked",
            "external_ref",
            "notes",
        ]
        widgets = {"organizations_asked": forms.SelectMultiple(attrs={"size": 8})}


class ConsultationArticleForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("consultation",)

    class Meta(ScopedModelForm.Meta):
        model = models.ConsultationArticle
        fields = ["consultation", "number", "heading", "text", "notes"]


class ConsultationResponseForm(ScopedModelForm):
    class Meta(ScopedModelForm.Meta):
        model = models.ConsultationResponse
        fields = [
            "consultation",
            "organization",
            "submitted_on",
            "signed_by",
            "general_comment",
            "notes",
        ]


class ArticlePositionForm(ScopedModelForm):
    owner_field = None
    editable_choices = ("response",)

    class Meta(ScopedModelForm.Meta):
        model = models.ArticlePosition
        fields = ["response", "article", "position", "proposed_text", "comment", "notes"]


class AnswerForm(forms.Form):
    answer_text = forms.CharField(
        label=_("Official answer"), widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class ReturnAnswerForm(forms.Form):
    """A leader sends the drafted answer back to the department, saying why."""

    reason = forms.CharField(
        label=_("Why it is sent back"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)


class WorkflowStepForm(forms.Form):
    """A step of the answer's workflow: where to return after it (the page it was taken from);
    the view keeps the address only if it is one of ours."""

    next = forms.CharField(required=False, max_length=2000)


class PublishForm(WorkflowStepForm):
    with_related = forms.BooleanField(required=False)


class RespondentForm(forms.Form):
    """For which of the organizations the user may respond (`candidates`) it responds."""

    organization = forms.TypedChoiceField(coerce=int, required=False, choices=())

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        self.fields["organization"].choices = [(org.pk, str(org)) for org in self.candidates]

    def chosen(self, home=None):
        """The organization chosen; else `home` if it is a candidate, else the first; None
        when the user may respond for none."""
        chosen = self.cleaned_data.get("organization") if self.is_valid() else None
        for org in self.candidates:
            if org.pk == chosen:
                return org
        if not self.candidates:
            return None
        return next((org for org in self.candidates if org == home), self.candidates[0])


class RespondForm(forms.Form):
    """One organization's response to a consultation: a position per article of the draft."""

    signed_by = forms.CharField(label=_("Signed by"), max_length=255, required=False)
    general_comment = forms.CharField(
        label=_("General comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, articles, **kwargs):
        super().__init__(*args, **kwargs)
        self.articles = list(articles)
        for article in self.articles:
            self.fields[f"position_{article.pk}"] = forms.ChoiceField(
                label=str(article),
                choices=Position.choices,
                initial=Position.AGREE,
                widget=forms.RadioSelect,
            )
            self.fields[f"proposed_{article.pk}"] = forms.CharField(
                label=_("Proposed wording"),
                required=False,
                initial=article.text,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"comment_{article.pk}"] = forms.CharField(
                label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
        style_widgets(self)

    def article_rows(self):
        for article in self.articles:
            yield {
                "article": article,
                "position": self[f"position_{article.pk}"],
                "proposed": self[f"proposed_{article.pk}"],
                "comment": self[f"comment_{article.pk}"],
            }

    def clean(self):
        cleaned = super().clean()
        for article in self.articles:
            position = cleaned.get(f"position_{article.pk}")
            proposed = (cleaned.get(f"proposed_{article.pk}") or "").strip()
            if position == Position.AMEND and (not proposed or proposed == article.text.strip()):
                self.add_error(
                    f"proposed_{article.pk}",
                    _("Write the wording you propose, different from the draft."),
                )
        return cleaned

    def answers(self):
        data = self.cleaned_data
        return [
            ArticleAnswer(
                article_id=article.pk,
                position=data[f"position_{article.pk}"],
                proposed_text=(
                    data[f"proposed_{article.pk}"].strip()
                    if data[f"position_{article.pk}"] == Position.AMEND
                    else ""
                ),
                comment=data[f"comment_{article.pk}"].strip(),
            )
            for article in self.articles
        ]
