import re

from django.utils.translation import gettext as _
from import_export import fields, widgets

from amity.core.collation import fold
from amity.core.imports import ScopedResource
from amity.emulation import models
from amity.emulation.forms import scoring as forms
from amity.organizations.models import Organization


class OrganizationListWidget(widgets.ManyToManyWidget):
    """Members as a file names them: ids ("12, 15", as the export writes them), or names,
    English names, short names or external references, separated by commas, semicolons or
    lines, whatever their case and marks ("lien hiep ha noi" is not enough: the whole name)."""

    SEPARATORS = re.compile(r"[;,\n]")

    def __init__(self):
        super().__init__(Organization, field="pk", separator=",")
        self.user = None
        self._names: dict[str, list[Organization]] | None = None
        self._by_pk: dict[int, Organization] = {}

    def _load(self) -> None:
        """The organizations the user sees, by each of their names: read once per import."""
        self._names = {}
        for org in Organization.objects.visible_to(self.user):
            self._by_pk[org.pk] = org
            keys = {org.name, org.name_en, org.short_name, org.short_name_en, org.external_ref}
            for key in {fold(k.strip()) for k in keys if k and k.strip()}:
                self._names.setdefault(key, []).append(org)

    def clean(self, value, row=None, **kwargs):
        if self._names is None:
            self._load()
        assert self._names is not None
        found, unknown, ambiguous = [], [], []
        for token in (t.strip() for t in self.SEPARATORS.split(str(value or ""))):
            if not token:
                continue
            if token.isascii() and token.isdigit() and int(token) in self._by_pk:
                found.append(self._by_pk[int(token)])
                continue
            matches = self._names.get(fold(token), [])
            if len(matches) == 1:
                found.append(matches[0])
            elif matches:
                ambiguous.append(token)
            else:
                unknown.append(token)
        if unknown:
            raise ValueError(
                _("No organization named %(names)s.") % {"names": "; ".join(unknown)[:300]}
            )
        if ambiguous:
            raise ValueError(
                _("Several organizations are named %(names)s: give their ids.")
                % {"names": "; ".join(ambiguous)[:300]}
            )
        return list(dict.fromkeys(found))


class CriteriaTableResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.CriteriaTable
        fields = ("id", *forms.CRITERIA_TABLE_FIELDS)


class CriteriaSectionResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.CriteriaSection
        fields = ("id", *forms.CRITERIA_SECTION_FIELDS)


class CriterionResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Criterion
        fields = ("id", *forms.CRITERION_FIELDS)


class MemberNames(fields.Field):
    """The members' names beside their ids, so that a person can read the export."""

    def get_value(self, instance):
        if instance.pk is None:
            return ""
        return "; ".join(org.name for org in instance.members.order_by("name"))


class ClusterResource(ScopedResource):
    """A cluster with its members: by id, as exported, or by name (`OrganizationListWidget`)."""

    members = fields.Field(
        attribute="members", column_name="members", widget=OrganizationListWidget()
    )
    member_names = MemberNames(attribute="members", column_name="member_names", readonly=True)

    class Meta(ScopedResource.Meta):
        model = models.Cluster
        fields = ("id", *forms.CLUSTER_FIELDS, "member_names")

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        widget = self.fields["members"].widget
        widget.user = user


class CampaignResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Campaign
        fields = ("id", *forms.CAMPAIGN_FIELDS)


class ScoreSheetResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.ScoreSheet
        fields = ("id", *forms.SCORE_SHEET_FIELDS)


class ScoreResource(ScopedResource):
    class Meta(ScopedResource.Meta):
        model = models.Score
        fields = ("id", *forms.SCORE_FIELDS)
