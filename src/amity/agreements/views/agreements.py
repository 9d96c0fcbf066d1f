"""The agreements' pages: the generic ones, the agreement page (parties, signers, files,
commitments, reviews, what was done under it), the board of agreements expiring soon, the
download of a file, and the tabs on a partner's and an organization's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tables2 import RequestConfig

from amity.agreements import models, services
from amity.agreements.filtersets.agreements import (
    BOARD_DAYS,
    AgreementFileFilterSet,
    AgreementFilterSet,
    BoardFilterSet,
    CommitmentFilterSet,
    ReviewFilterSet,
    SignerFilterSet,
    VietnameseAgencyFilterSet,
)
from amity.agreements.forms.agreements import (
    AgreementFileForm,
    AgreementForm,
    CommitmentForm,
    ReviewForm,
    SignerForm,
    VietnameseAgencyForm,
)
from amity.agreements.imports.agreements import (
    AgreementFileResource,
    AgreementResource,
    CommitmentResource,
    ReviewResource,
    SignerResource,
    VietnameseAgencyResource,
)
from amity.agreements.tables.agreements import (
    AgreementFileTable,
    AgreementTable,
    BoardTable,
    CommitmentTable,
    ReviewTable,
    SignerTable,
    VietnameseAgencyTable,
)
from amity.core.downloads import stored_file_view
from amity.core.exports import export_response
from amity.core.scoping import can_edit
from amity.core.views import ModelViews


class VietnameseAgencyViews(ModelViews):
    model = models.VietnameseAgency
    table = VietnameseAgencyTable
    filterset = VietnameseAgencyFilterSet
    form = VietnameseAgencyForm
    resource = VietnameseAgencyResource
    detail_template = "agreements/agency_detail.html"
    list_select_related = ("province",)
    detail_select_related = ("province", "organization")

    @classmethod
    def detail_context(cls, obj, request, tab):
        visible = models.Agreement.objects.visible_to(request.user)
        return {"agreements": services.listed(visible.filter(agencies=obj))}


class AgreementViews(ModelViews):
    model = models.Agreement
    table = AgreementTable
    filterset = AgreementFilterSet
    form = AgreementForm
    resource = AgreementResource
    detail_template = "agreements/agreement_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    list_actions = (
        (gettext_lazy("Expiring soon"), "agreements:board", "hourglass-split"),
        (gettext_lazy("Vietnamese agencies"), "agreements:vietnameseagency_list", "bank"),
        (gettext_lazy("Commitments"), "agreements:commitment_list", "list-check"),
    )

    @classmethod
    def urls(cls):
        return [path("expiring/", board, name="board"), *super().urls()]

    @classmethod
    def detail_context(cls, obj, request, tab):
        return services.agreement_page(obj, request.user)


@login_required
def board(request):
    """The running agreements expiring within 90 days (or `?days=`), the nearest first; by
    kind and party organization; `?export=xlsx` gives the same rows as a workbook."""
    visible = AgreementViews.list_queryset(models.Agreement.objects.visible_to(request.user))
    filters = BoardFilterSet(request.GET or None, queryset=visible, request=request)
    valid = not filters.is_bound or filters.is_valid()
    rows = filters.qs if valid else visible.none()
    if request.GET.get("export") == "xlsx" and valid:
        resource = AgreementResource(user=request.user)
        return export_response(resource, rows, "xlsx", _("Agreements expiring soon"))
    if not valid:
        messages.error(request, _("A filter is wrong, so no agreement is listed."))
    table = BoardTable(rows, request=request)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    days = filters.form.cleaned_data.get("days") if filters.is_bound and valid else None
    context = {
        "filter": filters,
        "table": table,
        "days": days or BOARD_DAYS,
        "export_query": request.GET.urlencode(),
    }
    return render(request, "agreements/board.html", context, status=200 if valid else 400)


class SignerViews(ModelViews):
    model = models.Signer
    table = SignerTable
    filterset = SignerFilterSet
    form = SignerForm
    resource = SignerResource
    list_select_related = ("agreement",)
    detail_select_related = ("agreement",)


class AgreementFileViews(ModelViews):
    model = models.AgreementFile
    table = AgreementFileTable
    filterset = AgreementFileFilterSet
    form = AgreementFileForm
    resource = AgreementFileResource
    list_select_related = ("agreement",)
    detail_select_related = ("agreement",)

    @classmethod
    def urls(cls):
        return [
            path(
                "agreement-files/<int:pk>/download/",
                file_download,
                name="agreementfile_download",
            ),
            *super().urls(),
        ]


file_download = stored_file_view(models.AgreementFile)


class ReviewViews(ModelViews):
    model = models.Review
    table = ReviewTable
    filterset = ReviewFilterSet
    form = ReviewForm
    resource = ReviewResource
    list_select_related = ("agreement",)
    detail_select_related = ("agreement",)


class CommitmentViews(ModelViews):
    model = models.Commitment
    table = CommitmentTable
    filterset = CommitmentFilterSet
    form = CommitmentForm
    resource = CommitmentResource
    list_select_related = ("agreement", "organization", "person")
    detail_select_related = ("agreement", "organization", "person")


# --- the tabs on other apps' pages ----------------------------------------------------------------


def partner_tab(partner, request) -> dict:
    """The agreements a partner is party to, among those the user sees."""
    visible = models.Agreement.objects.visible_to(request.user)
    return {"agreements": services.listed(visible.filter(partners=partner))}


def organization_tab(organization, request) -> dict:
    """The agreements an organization is party to (as lead or other party), that the user sees."""
    visible = models.Agreement.objects.visible_to(request.user)
    party = services.party_to(visible, organization)
    return {
        "agreements": services.listed(party),
        "may_add_agreement": request.user.may_edit and can_edit(request.user, organization),
    }
