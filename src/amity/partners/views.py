from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from amity.core.views import ModelViews
from amity.geo.choices import WorldRegion
from amity.organizations.models import Organization
from amity.partners import filtersets, forms, imports, models, services, tables
from amity.partners.duplicates import possible_duplicates
from amity.partners.merging import MergeRefused, merge_partners
from amity.partners.timeline import timeline

DUPLICATES_SHOWN = 200


class PartnerViews(ModelViews):
    model = models.Partner
    table = tables.PartnerTable
    filterset = filtersets.PartnerFilterSet
    form = forms.PartnerForm
    resource = imports.PartnerResource
    detail_template = "partners/partner_detail.html"
    list_select_related = ("country",)
    detail_select_related = ("country",)
    protected_relations = ("interactions",)
    list_actions = (
        (gettext_lazy("By region and country"), "partners:statistics", "bar-chart"),
        (gettext_lazy("Suggestions"), "partners:suggestions", "lightbulb"),
        (gettext_lazy("Registrations expiring"), "partners:expiring_registrations", "alarm"),
        (gettext_lazy("Possible duplicates"), "partners:duplicates", "copy"),
    )
    extra_tabs = (
        ("contacts", gettext_lazy("Contacts")),
        ("holders", gettext_lazy("Holders")),
        ("interactions", gettext_lazy("Interactions")),
        ("registration", gettext_lazy("Registration")),
    )

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        if tab == "contacts":
            return {"contacts": obj.contacts.all()}
        if tab == "holders":
            return {"holders": obj.holders.select_related("organization")}
        if tab == "interactions":
            visible = models.Interaction.objects.visible_to(user).filter(partner=obj)
            interactions = visible.select_related("organization").prefetch_related(
                "people",
                "contacts",
                Prefetch("follow_ups", queryset=models.FollowUp.objects.select_related("owner")),
            )[:200]
            return {
                "interactions": interactions,
                "timeline": timeline(obj, user, interactions),
            }
        if tab == "registration":
            return {"registrations": obj.registrations.prefetch_related("provinces")}
        return {
            "expiring": obj.registrations.filter(services.expiring_filter()).first(),
            "fields_of_work": obj.fields.all(),
            "countries": obj.countries.all(),
            "dormant": models.Partner.objects.filter(pk=obj.pk)
            .filter(services.dormant_filter())
            .exists(),
        }


class RelationshipHolderViews(ModelViews):
    model = models.RelationshipHolder
    table = tables.RelationshipHolderTable
    filterset = filtersets.RelationshipHolderFilterSet
    form = forms.RelationshipHolderForm
    resource = imports.RelationshipHolderResource
    list_select_related = ("partner__country", "organization")
    detail_select_related = ("partner", "organization")

    @classmethod
    def after_save_url(cls, obj):
        return f"{obj.partner.get_absolute_url()}?tab=holders"


class ContactViews(ModelViews):
    model = models.Contact
    table = tables.ContactTable
    filterset = filtersets.ContactFilterSet
    form = forms.ContactForm
    resource = imports.ContactResource
    list_select_related = ("partner__country",)
    detail_select_related = ("partner",)
    detail_template = "partners/contact_detail.html"

    @classmethod
    def after_save_url(cls, obj):
        return f"{obj.partner.get_absolute_url()}?tab=contacts"


class NgoRegistrationViews(ModelViews):
    model = models.NgoRegistration
    table = tables.NgoRegistrationTable
    filterset = filtersets.NgoRegistrationFilterSet
    form = forms.NgoRegistrationForm
    resource = imports.NgoRegistrationResource
    list_select_related = ("partner__country",)
    detail_select_related = ("partner",)

    @classmethod
    def after_save_url(cls, obj):
        return f"{obj.partner.get_absolute_url()}?tab=registration"


class InteractionViews(ModelViews):
    model = models.Interaction
    table = tables.InteractionTable
    filterset = filtersets.InteractionFilterSet
    form = forms.InteractionForm
    resource = imports.InteractionResource
    detail_template = "partners/interaction_detail.html"
    list_select_related = ("partner__country", "organization")
    detail_select_related = ("partner", "organization")
    protected_relations = ("follow_ups",)

    @classmethod
    def detail_context(cls, obj, request, tab):
        return {
            "people": obj.people.all(),
            "contacts": obj.contacts.all(),
            "follow_ups": obj.follow_ups.select_related("owner"),
        }


class FollowUpViews(ModelViews):
    model = models.FollowUp
    table = tables.FollowUpTable
    filterset = filtersets.FollowUpFilterSet
    form = forms.FollowUpForm
    resource = imports.FollowUpResource
    list_select_related = ("interaction__partner", "owner")
    detail_select_related = ("interaction__partner", "owner")

    @classmethod
    def after_save_url(cls, obj):
        return obj.interaction.get_absolute_url()


@login_required
def expiring_registrations(request):
    return redirect(f"{reverse('partners:ngoregistration_list')}?expiring=true")


@login_required
def statistics(request):
    """Partners by world region and by country, as charts and tables, within the user's scope."""
    visible = models.Partner.objects.visible_to(request.user)
    labels = dict(WorldRegion.choices)
    by_region = [
        {
            "code": row["country__region"],
            "label": str(labels.get(row["country__region"], "—")),
            "count": row["count"],
        }
        for row in visible.values("country__region").annotate(count=Count("pk")).order_by("-count")
    ]
    by_country = list(
        visible.exclude(country=None)
        .values("country__code", "country__name_en", "country__name_vi")
        .annotate(count=Count("pk"))
        .order_by("-count")[:30]
    )
    total = sum(row["count"] for row in by_region)
    for row in by_region:
        row["share"] = round(100 * row["count"] / total, 1) if total else 0
    return render(
        request,
        "partners/statistics.html",
        {"by_region": by_region, "by_country": by_country, "total": total},
    )


@login_required
def suggestions(request):
    """Partners to approach for an organization the user may see, with the reasons."""
    visible = Organization.objects.visible_to(request.user)
    asked = forms.SuggestionsForm(request.GET).organization_id()
    organization = services.chosen_organization(request.user, asked)
    items = services.suggestions_for(organization, request.user) if organization else []
    return render(
        request,
        "partners/suggestions.html",
        {"organization": organization, "suggestions": items, "organizations": visible},
    )


@login_required
def duplicates(request):
    """Pairs of partners, among those the user may see, that are likely one and the same."""
    pairs = possible_duplicates(models.Partner.objects.visible_to(request.user))
    editable = set(
        models.Partner.objects.editable_by(request.user)
        .filter(pk__in={record.id for pair in pairs for record in (pair.first, pair.second)})
        .values_list("pk", flat=True)
    )
    rows = [
        {"pair": pair, "mergeable": pair.first.id in editable and pair.second.id in editable}
        for pair in pairs[:DUPLICATES_SHOWN]
    ]
    return render(request, "partners/duplicates.html", {"rows": rows, "count": len(pairs)})


MERGE_FIELDS = (
    "kind",
    "name",
    "name_vi",
    "name_en",
    "acronym",
    "country",
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


@login_required
def merge(request):
    """Merge two partners, choosing field by field which value the kept one will have."""
    pair = forms.PartnerPairForm(request.POST if request.method == "POST" else request.GET)
    if not pair.is_valid():
        raise Http404
    keep = _editable_partner(request, pair.cleaned_data["keep"])
    drop = _editable_partner(request, pair.cleaned_data["drop"])
    rows = [_merge_row(keep, drop, name) for name in MERGE_FIELDS]
    if request.method == "POST":
        chosen = forms.MergeChoicesForm(request.POST, names=MERGE_FIELDS)
        try:
            if not chosen.is_valid():
                raise MergeRefused(_("Choose, for each field, the kept or the merged value."))
            merge_partners(keep, drop, by=request.user, choices=chosen.choices())
        except MergeRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Merged into %(partner)s.") % {"partner": keep})
            return redirect(keep.get_absolute_url())
    return render(request, "partners/merge.html", {"keep": keep, "drop": drop, "rows": rows})


def _editable_partner(request, pk: int):
    partner = get_object_or_404(models.Partner.objects.visible_to(request.user), pk=pk)
    if not models.Partner.objects.editable_by(request.user).filter(pk=partner.pk).exists():
        raise PermissionDenied
    return partner


def _merge_row(keep, drop, name):
    field = models.Partner._meta.get_field(name)
    kept, dropped = getattr(keep, name), getattr(drop, name)
    if field.choices:
        kept = getattr(keep, f"get_{name}_display")()
        dropped = getattr(drop, f"get_{name}_display")()
    take_drop = kept in (None, "") and dropped not in (None, "")
    return {
        "name": name,
        "label": field.verbose_name,
        "keep": kept,
        "drop": dropped,
        "same": kept == dropped,
        "default": "drop" if take_drop else "keep",
    }


class FieldOfWorkViews(ModelViews):
    """Read-only: the taxonomy of partners and aid is loaded by a migration."""

    model = models.FieldOfWork
    table = tables.FieldOfWorkTable
    filterset = filtersets.FieldOfWorkFilterSet
    has_history = False

    @classmethod
    def tabs_for(cls, obj):
        return []
