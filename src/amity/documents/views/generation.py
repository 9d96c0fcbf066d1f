"""The draft page of a record whose model offers drafts (`core.registry.Model.draft`):
the draft, editable; its Word document unnumbered; its issue."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from amity.core.downloads import DOCX, download
from amity.core.scoping import organization_in_scope
from amity.core.writes import OutsideScope
from amity.documents import generation
from amity.documents.forms.register import DraftForm
from amity.documents.library import render_draft


@login_required
def draft_page(request, app_label, model_name, pk):
    record, make_draft = generation.visible_record(app_label, model_name, pk, request.user)
    draft = make_draft(record)
    may_issue = request.user.may_edit and organization_in_scope(request.user, draft.issuer)
    form = DraftForm(request.POST or None, initial=DraftForm.initial_of(draft))
    if request.method == "POST" and form.is_valid():
        edited = form.edited(draft)
        if request.POST.get("action") == "issue":
            return _issue(request, edited, record, may_issue, form)
        return download(render_draft(edited), generation.docx_name(edited), DOCX)
    context = {
        "record": record,
        "draft": draft,
        "form": form,
        "may_issue": may_issue,
        "drafted": generation.drafted_from(record, request.user),
    }
    return render(request, "documents/generation/draft.html", context, status=_status(form))


def _status(form) -> int:
    return 400 if form.is_bound and form.errors else 200


def _issue(request, draft, record, may_issue, form):
    if not may_issue:
        raise PermissionDenied
    try:
        entry = generation.issue(draft, record, request.user)
    except (ValidationError, OutsideScope) as refused:
        messages.error(request, " ".join(getattr(refused, "messages", [str(refused)])))
        return HttpResponseRedirect(request.path)
    messages.success(
        request,
        _("Issued as %(reference)s and entered in the register.") % {"reference": entry.reference},
    )
    return HttpResponseRedirect(entry.get_absolute_url())
