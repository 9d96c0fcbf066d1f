from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from amity.core.downloads import DOCX, XLSX, download
from amity.core.views import ModelViews, ObjectHistoryView
from amity.organizations.models import in_language
from amity.proposals import filtersets, forms, imports, models, services, tables
from amity.proposals.choices import CLOSED_STATUSES as CLOSED
from amity.proposals.choices import AnswerState, ProposalStatus

#: cards shown in each column of the board before its "see all" link
BOARD_ROWS = 10


class TopicViews(ModelViews):
    model = models.Topic
    table = tables.TopicTable
    filterset = filtersets.TopicFilterSet
    form = forms.TopicForm
    resource = imports.TopicResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    protected_relations = ("proposals",)


class StatusLabelViews(ModelViews):
    model = models.StatusLabel
    table = tables.StatusLabelTable
    filterset = filtersets.StatusLabelFilterSet
    form = forms.StatusLabelForm
    resource = imports.StatusLabelResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)


class ProposalViews(ModelViews):
    model = models.Proposal
    table = tables.ProposalTable
    filterset = filtersets.ProposalFilterSet
    form = forms.ProposalForm
    resource = imports.ProposalResource
    detail_template = "proposals/proposal_detail.html"
    list_select_related = ("organization", "topic", "addressed_to")
    detail_select_related = (
        "organization",
        "raised_by",
        "topic",
        "addressed_to",
        "responsible_department",
        "event",
        "consultation",
        "answer_drafted_by",
        "answer_approved_by",
    )
    protected_relations = ("actions",)
    list_actions = (
        (gettext_lazy("Board"), "proposals:board", "kanban"),
        (gettext_lazy("Our proposals"), "proposals:mine", "person-lines-fill"),
        (gettext_lazy("Consultations"), "proposals:consultation_list", "ui-checks-grid"),
        (gettext_lazy("Topics"), "proposals:topic_list", "tags"),
        (gettext_lazy("Status labels"), "proposals:statuslabel_list", "fonts"),
    )

    @classmethod
    def urls(cls):
        history = path(
            f"{cls.plural}/<int:pk>/history/",
            cls.view(ProposalHistoryView),
            name=cls.url_name("history").split(":")[1],
        )
        return [
            history if getattr(route, "name", "") == history.name else route
            for route in super().urls()
        ]

    @classmethod
    def detail_fields(cls, obj):
        # The answer is shown in its own card, to whom it may be shown.
        return [row for row in super().detail_fields(obj) if not row[2].name.startswith("answer")]

    @classmethod
    def detail_context(cls, obj, request, tab):
        user = request.user
        answering = services.may_answer(user, obj)
        approving = services.may_approve(user)
        return {
            "status_label": models.status_labels()[obj.status],
            "may_answer": answering,
            "may_approve": approving,
            "approval_refusal": services.approval_refusal(user, obj) if approving else None,
            # The proposer sees the answer once it is published; the department and the
            # leaders see the drafts too.
            "show_answer": bool(obj.answer_text) and services.answer_shown_to(user, obj),
            "reviews": services.answer_reviews(obj) if answering or approving else [],
            "return_form": forms.ReturnAnswerForm(),
            "answer_form": forms.AnswerForm(initial={"answer_text": obj.answer_text}),
            "actions": obj.actions.select_related("responsible"),
            "related": models.Proposal.objects.visible_to(user)
            .filter(pk__in=obj.related.values("pk"))
            .select_related("organization"),
            "states": AnswerState,
        }


class ProposalHistoryView(ObjectHistoryView):
    """The proposal's history; a drafted answer not yet published, and why it was sent back,
    are left out for those who may not read them (the proposer)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if services.may_approve(user) or services.may_answer(user, self.object):
            return context
        label = str(models.Proposal._meta.get_field("answer_text").verbose_name)
        reason = str(models.Proposal._meta.get_field("answer_returned_reason").verbose_name)
        for entry in context["history"]:
            published = entry.record.answer_state == AnswerState.PUBLISHED
            entry.changes = [
                change
                for change in entry.changes
                if change.label != reason and (published or change.label != label)
            ]
        return context


class ProposalActionViews(ModelViews):
    model = models.ProposalAction
    table = tables.ProposalActionTable
    filterset = filtersets.ProposalActionFilterSet
    form = forms.ProposalActionForm
    resource = imports.ProposalActionResource
    list_select_related = ("proposal", "responsible")
    detail_select_related = ("proposal", "responsible")

    @classmethod
    def after_save_url(cls, obj):
        return obj.proposal.get_absolute_url()


class ConsultationViews(ModelViews):
    model = models.Consultation
    table = tables.ConsultationTable
    filterset = filtersets.ConsultationFilterSet
    form = forms.ConsultationForm
    resource = imports.ConsultationResource
    detail_template = "proposals/consultation_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
    protected_relations = ("responses", "articles")
    extra_tabs = (
        ("tracker", gettext_lazy("Who has answered")),
        ("synthesis", gettext_lazy("Synthesis")),
    )

    @classmethod
    def detail_context(cls, obj, request, tab):
        if tab == "tracker":
            rows = services.tracker(obj)
            answered = sum(1 for row in rows if row["response"])
            return {"tracker": rows, "answered": answered, "asked": len(rows)}
        if tab == "synthesis":
            return {"synthesis": services.synthesis(obj, request.user)}
        return {
            "articles": obj.articles.all(),
            "may_respond": obj.accepts_responses and bool(services.respondents(request.user, obj)),
        }


class ConsultationArticleViews(ModelViews):
    model = models.ConsultationArticle
    table = tables.ConsultationArticleTable
    filterset = filtersets.ConsultationArticleFilterSet
    form = forms.ConsultationArticleForm
    resource = imports.ConsultationArticleResource
    list_select_related = ("consultation",)
    detail_select_related = ("consultation",)
    protected_relations = ("positions",)

    @classmethod
    def after_save_url(cls, obj):
        return obj.consultation.get_absolute_url()


class ConsultationResponseViews(ModelViews):
    model = models.ConsultationResponse
    table = tables.ConsultationResponseTable
    filterset = filtersets.ConsultationResponseFilterSet
    form = forms.ConsultationResponseForm
    resource = imports.ConsultationResponseResource
    detail_template = "proposals/response_detail.html"
    list_select_related = ("organization", "consultation")
    detail_select_related = ("organization", "consultation")
    protected_relations = ("positions",)

    @classmethod
    def detail_context(cls, obj, request, tab):
        positions = obj.positions.select_related("article")
        return {
            "positions": [
                {
                    "position": position,
                    "diff": services.word_diff(position.article.text, position.proposed_text)
                    if position.proposed_text
                    else "",
                }
                for position in positions
            ]
        }


class ArticlePositionViews(ModelViews):
    model = models.ArticlePosition
    table = tables.ArticlePositionTable
    filterset = filtersets.ArticlePositionFilterSet
    form = forms.ArticlePositionForm
    resource = imports.ArticlePositionResource
    detail_template = "proposals/position_detail.html"
    list_select_related = ("article", "response__organization", "response__consultation")
    detail_select_related = ("article", "response__organization", "response__consultation")

    @classmethod
    def detail_context(cls, obj, request, tab):
        diff = services.word_diff(obj.article.text, obj.proposed_text) if obj.proposed_text else ""
        return {"diff": diff}

    @classmethod
    def after_save_url(cls, obj):
        return obj.response.get_absolute_url()


# --- the board and the proposer's view ----------------------------------------------------------


def _filtered(request):
    visible = models.Proposal.objects.visible_to(request.user)
    filterset = filtersets.ProposalFilterSet(request.GET, queryset=visible, request=request)
    return filterset, (filterset.qs if filterset.is_valid() else visible.none())


#: what a card of the board shows, read as values (no model instances): the board's rows are
#: its cost
CARD_FIELDS = (
    "id",
    "title",
    "due_on",
    "status",
    "topic__name_vi",
    "topic__name_en",
    *(
        f"{relation}__{name}"
        for relation in ("organization", "addressed_to")
        for name in ("name", "name_en", "short_name", "short_name_en")
    ),
)


def _short_name(card: dict, relation: str) -> str:
    return in_language(card[f"{relation}__short_name"], card[f"{relation}__short_name_en"]) or (
        in_language(card[f"{relation}__name"], card[f"{relation}__name_en"])
    )


def board_cards(proposals, status: str, today, prefix: str) -> list[dict]:
    """The first BOARD_ROWS proposals of a status column: those with a due date, soonest
    first, then those without, latest raised first. One query, read along the index."""
    rows = (
        proposals.filter(status=status)
        .order_by(F("due_on").asc(nulls_last=True), "-raised_on", "-id")
        .values(*CARD_FIELDS)[:BOARD_ROWS]
    )
    return [_card(card, status, today, prefix) for card in rows]


#: a scoped user's board reads the (id, status, dates) of its proposals once when they are at
#: most this many, and cuts its columns from them (a branch's proposals: a few hundred)
SCOPED_BOARD_ROWS = 5000


def _scoped_columns(user, proposals) -> tuple[dict, dict] | None:
    """A scoped user's counts by status and the ids of each column's first cards, from one
    read of the proposals they see (None when they are too many, or the user sees everything).

    Each column's query would otherwise evaluate the scope again (on SQLite the union of the
    organization's, addressee's and department's searches: seven times the union, compiled and
    read), where the central officer's scope is no condition at all and reads the index."""
    if user.sees_everything:
        return None
    rows = list(
        proposals.order_by().values_list("pk", "status", "due_on", "raised_on")[
            : SCOPED_BOARD_ROWS + 1
        ]
    )
    if len(rows) > SCOPED_BOARD_ROWS:
        return None
    by_status: dict[str, list] = {}
    for row in rows:
        by_status.setdefault(row[1], []).append(row)
    firsts = {
        status: [row[0] for row in sorted(column, key=_card_order)[:BOARD_ROWS]]
        for status, column in by_status.items()
    }
    return {status: len(column) for status, column in by_status.items()}, firsts


def _card_order(row) -> tuple:
    """A column's order (`board_cards`) of a (id, status, due, raised) row: due date first,
    the undated last, then the latest raised, then the latest entered."""
    pk, _status, due_on, raised_on = row
    return (due_on is None, due_on or date.min, -raised_on.toordinal(), -pk)


def _cards_by_id(firsts: dict) -> dict:
    """The cards of the ids in `firsts`, read in one query (the ids were read in scope)."""
    ids = [pk for column in firsts.values() for pk in column]
    return {
        card["id"]: card for card in models.Proposal.objects.filter(pk__in=ids).values(*CARD_FIELDS)
    }


def _card(card: dict, status: str, today, prefix: str) -> dict:
    return dict(
        card,
        url=f"{prefix}{card['id']}/",
        organization=_short_name(card, "organization"),
        addressed_to=_short_name(card, "addressed_to"),
        topic=in_language(card["topic__name_vi"], card["topic__name_en"]),
        due=date_format(card["due_on"], "SHORT_DATE_FORMAT") if card["due_on"] else "",
        overdue=bool(card["due_on"] and card["due_on"] < today and status not in CLOSED),
    )


@login_required
def board(request):
    """Proposals by status, each column in due-date order with the overdue ones marked: a
    fixed number of queries (the counts, the labels, one per column), whatever the rows; for a
    user who sees a branch, one read of its proposals and one of the cards shown."""
    filterset, proposals = _filtered(request)
    scoped = _scoped_columns(request.user, proposals)
    if scoped is None:
        counts = dict(
            proposals.order_by()
            .values_list("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
    else:
        counts, firsts = scoped
        cards = _cards_by_id(firsts)
    labels = models.status_labels()
    query = request.GET.copy()
    today = date.today()
    prefix = reverse("proposals:proposal", args=[0])[: -len("0/")]
    columns = []
    for status, _label in ProposalStatus.choices:
        query["status"] = status
        if scoped is None:
            rows = board_cards(proposals, status, today, prefix)
        else:
            rows = [_card(cards[pk], status, today, prefix) for pk in firsts.get(status, [])]
        columns.append(
            {
                "status": status,
                "label": labels[status],
                "count": counts.get(status, 0),
                "rows": rows,
                "see_all": f"{reverse('proposals:proposal_list')}?{query.urlencode()}",
            }
        )
    return render(
        request,
        "proposals/board.html",
        {
            "columns": columns,
            "filter": filterset,
            "total": sum(counts.values()),
            "may_approve": services.may_approve(request.user),
        },
    )


@login_required
def mine(request):
    """The proposals raised by the user's organization (and those under it), with the answers
    published to them."""
    home = request.user.organization
    proposals = services.raised_in_branch(request.user).select_related(
        "organization", "topic", "addressed_to", "event"
    )
    page = Paginator(proposals, 20).get_page(request.GET.get("page"))
    return render(
        request,
        "proposals/mine.html",
        {"page": page, "labels": models.status_labels(), "home": home},
    )


# --- the answer's workflow ----------------------------------------------------------------------


def _visible_proposal(request, pk):
    return get_object_or_404(models.Proposal.objects.visible_to(request.user), pk=pk)


def _back_to(request, proposal) -> str:
    """Where a step of the workflow returns: the page it was taken from (the approvals), if
    it is one of ours, else the proposal's page."""
    step = forms.WorkflowStepForm(request.POST)
    target = step.cleaned_data["next"] if step.is_valid() else ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return proposal.get_absolute_url()


def _workflow_step(request, pk, step):
    proposal = _visible_proposal(request, pk)
    try:
        step(proposal)
    except services.WorkflowRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Saved: %(object)s") % {"object": proposal})
    return redirect(_back_to(request, proposal))


@login_required
@require_POST
def return_answer(request, pk):
    form = forms.ReturnAnswerForm(request.POST)
    if not form.is_valid():
        proposal = _visible_proposal(request, pk)
        messages.error(request, _("Say why the answer is sent back."))
        return redirect(_back_to(request, proposal))
    reason = form.cleaned_data["reason"]
    return _workflow_step(
        request, pk, lambda proposal: services.return_answer(proposal, reason, by=request.user)
    )


#: drafted answers listed on a page of the approvals
APPROVALS_PER_PAGE = 20


@login_required
def approvals(request):
    """The answers drafted by the departments and awaiting a leader's approval: each with the
    proposal, to approve or to send back with a reason."""
    if not services.may_approve(request.user):
        raise PermissionDenied
    awaiting = services.awaiting_approval().filter(
        pk__in=models.Proposal.objects.visible_to(request.user).values("pk")
    )
    awaiting = awaiting.select_related(
        "organization", "topic", "addressed_to", "responsible_department", "answer_drafted_by"
    )
    page = Paginator(awaiting, APPROVALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "proposals/approvals.html",
        {
            "page": page,
            "labels": models.status_labels(),
            "return_form": forms.ReturnAnswerForm(),
            "here": request.get_full_path(),
        },
    )


@login_required
@require_POST
def draft_answer(request, pk):
    form = forms.AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The answer is empty."))
        return redirect(_visible_proposal(request, pk).get_absolute_url())
    text = form.cleaned_data["answer_text"]
    return _workflow_step(
        request, pk, lambda proposal: services.draft_answer(proposal, text, by=request.user)
    )


@login_required
@require_POST
def approve_answer(request, pk):
    return _workflow_step(
        request, pk, lambda proposal: services.approve_answer(proposal, by=request.user)
    )


@login_required
@require_POST
def publish_answer(request, pk):
    step = forms.PublishForm(request.POST)
    with_related = step.is_valid() and step.cleaned_data["with_related"]
    return _workflow_step(
        request,
        pk,
        lambda proposal: services.publish_answer(
            proposal, by=request.user, with_related=with_related
        ),
    )


# --- consultations ------------------------------------------------------------------------------


def _visible_consultation(request, pk):
    return get_object_or_404(models.Consultation.objects.visible_to(request.user), pk=pk)


@login_required
def respond(request, pk):
    """An organization's one official response, article by article."""
    consultation = _visible_consultation(request, pk)
    candidates = services.respondents(request.user, consultation)
    sent = request.POST if "organization" in request.POST else request.GET
    choice = forms.RespondentForm(sent, candidates=candidates)
    organization = choice.chosen(home=request.user.organization)
    articles = consultation.articles.all()
    form = forms.RespondForm(request.POST or None, articles=articles)
    if request.method == "POST":
        if organization is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                response = services.submit_response(
                    consultation,
                    organization,
                    form.answers(),
                    by=request.user,
                    signed_by=form.cleaned_data["signed_by"],
                    general_comment=form.cleaned_data["general_comment"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Response sent: %(object)s") % {"object": response})
                return redirect(response.get_absolute_url())
    own = models.ConsultationResponse.objects.visible_to(request.user).filter(
        consultation=consultation
    )
    return render(
        request,
        "proposals/respond.html",
        {
            "consultation": consultation,
            "form": form,
            "organization": organization,
            "candidates": candidates,
            "responses": own.select_related("organization"),
        },
    )


@login_required
def synthesis_download(request, pk, file_format):
    consultation = _visible_consultation(request, pk)
    result = services.synthesis(consultation, request.user)
    if file_format == "xlsx":
        content, content_type = services.synthesis_xlsx(result), XLSX
    else:
        content, content_type = services.synthesis_docx(result), DOCX
    name = slugify(consultation.title_en or consultation.title_vi) or "consultation"
    return download(content, f"{name}-synthesis.{file_format}", content_type)
