"""The template gallery: each kind of document with a preview of its active template (a sample
rendered as Word, and its text in the print style of an official document), the forms that
upload a replacement or revert to the template above it, and each upload's history; and the
page of the system's identity."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.core.downloads import DOCX, download
from amity.core.writes import StaleRecord, save_record
from amity.documents import library
from amity.documents.forms.templates import IdentityForm, TemplateRevertForm, TemplateUploadForm
from amity.documents.models import DocumentTemplate, Identity
from amity.organizations.models import Organization


def issuer_of(user):
    """The organization whose templates the user sees first: its own, else the root."""
    if user.organization_id:
        return user.organization
    return Organization.objects.filter(parent__isnull=True).order_by("pk").first()


def _kind(code: str) -> library.Kind:
    kind = library.kind_of(code)
    if kind is None:
        raise Http404
    return kind


def _source(kind, issuer) -> tuple[str, DocumentTemplate | None]:
    upload = library.active_template(kind.code, issuer)
    if upload is None:
        return _("built-in"), None
    if upload.organization_id is None:
        return _("the system's"), upload
    return _("the organization's own"), upload


@login_required
def gallery(request):
    issuer = issuer_of(request.user)
    uploads: dict[str, list] = {}
    mine = Q(organization__isnull=True) | Q(organization=issuer)
    for upload in DocumentTemplate.objects.filter(mine):
        uploads.setdefault(upload.kind, []).append(upload)
    rows = []
    for kind in library.kinds():
        own = [u for u in uploads.get(kind.code, []) if u.organization_id]
        system = [u for u in uploads.get(kind.code, []) if not u.organization_id]
        source = _("the organization's own") if own else _("the system's") if system else ""
        rows.append({"kind": kind, "source": source or _("built-in")})
    return render(
        request,
        "documents/library/gallery.html",
        {"rows": rows, "identity": library.current_identity(), "issuer": issuer},
    )


@login_required
def kind_page(request, kind, upload_form=None, revert_form=None, status=200):
    kind = _kind(kind)
    issuer = issuer_of(request.user)
    source, active = _source(kind, issuer)
    try:
        blocks = library.preview_blocks(library.sample_docx(kind, issuer))
    except Exception:  # noqa: BLE001 -- an uploaded template that fails to render is told, not a 500
        blocks = None
    user = request.user
    may_manage = user.is_system_admin or library.may_manage(user, issuer)
    visible = DocumentTemplate.all_objects.visible_to(user).filter(kind=kind.code)
    history = (
        DocumentTemplate.history.filter(kind=kind.code, id__in=visible.values("pk"))
        .select_related("history_user", "organization")
        .order_by("-history_date", "-history_id")[:50]
    )
    return render(
        request,
        "documents/library/kind.html",
        {
            "kind": kind,
            "fields": sorted(kind.allowed),
            "source": source,
            "active": active,
            "blocks": blocks,
            "may_manage": may_manage,
            "upload_form": upload_form or TemplateUploadForm(user=user, kind=kind),
            "revert_form": revert_form or TemplateRevertForm(user=user, kind=kind),
            "uploads": DocumentTemplate.objects.visible_to(user)
            .filter(kind=kind.code)
            .select_related("organization"),
            "history": history,
        },
        status=status,
    )


@login_required
def sample(request, kind):
    """A sample document of the kind, from the template the user's organization writes in."""
    kind = _kind(kind)
    try:
        content = library.sample_docx(kind, issuer_of(request.user))
    except Exception:  # noqa: BLE001 -- a template that cannot be filled is told, not a 500
        messages.error(
            request, _("This template cannot be rendered: upload a corrected one or revert it.")
        )
        return redirect("documents:template_kind", kind=kind.code)
    return download(content, f"{kind.code}-sample.docx", DOCX)


@login_required
def template_file(request, kind):
    """The active template itself, to restyle in Word and upload again."""
    kind = _kind(kind)
    content = library.template_bytes(kind.code, issuer_of(request.user))
    return download(content, f"{kind.code}.docx", DOCX)


@login_required
@require_POST
def upload(request, kind):
    kind = _kind(kind)
    form = TemplateUploadForm(request.POST, request.FILES, user=request.user, kind=kind)
    if not request.user.may_edit:
        raise PermissionDenied
    if not form.is_valid():
        return kind_page(request, kind.code, upload_form=form, status=400)
    library.upload_template(
        kind,
        form.cleaned_data["file"],
        by=request.user,
        organization=form.cleaned_data["organization"],
        name=form.cleaned_data["name"],
    )
    messages.success(request, _("The template was replaced."))
    return redirect("documents:template_kind", kind=kind.code)


@login_required
@require_POST
def revert(request, kind):
    kind = _kind(kind)
    form = TemplateRevertForm(request.POST, user=request.user, kind=kind)
    if not request.user.may_edit:
        raise PermissionDenied
    if not form.is_valid():
        return kind_page(request, kind.code, revert_form=form, status=400)
    if library.revert_template(
        kind, by=request.user, organization=form.cleaned_data["organization"]
    ):
        messages.success(request, _("The template above it is used again."))
    else:
        messages.info(request, _("There was no uploaded template to revert."))
    return redirect("documents:template_kind", kind=kind.code)


@login_required
def identity(request):
    """The system's identity: every user reads it, the system administrator edits it."""
    record = library.current_identity()
    may_edit = request.user.is_system_admin
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    if record is None:
        root = Organization.objects.filter(parent__isnull=True).order_by("pk").first()
        record = Identity(organization=root, name_vi=root.name if root else "")
    initial = {"version": record.version} if record.pk else {}
    form = IdentityForm(
        request.POST or None, request.FILES or None, instance=record, initial=initial
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            versions = None if record.pk is None else [form.cleaned_data["version"]]
            try:
                save_record(form.instance, request.user, versions=versions, check_scope=False)
            except StaleRecord:
                form.add_error(None, _("Someone else changed the identity meanwhile: reload it."))
            else:
                messages.success(request, _("The identity was saved."))
                return redirect("documents:identity")
        status = 400
    return render(
        request,
        "documents/library/identity.html",
        {"form": form, "identity": record if record.pk else None, "may_edit": may_edit},
        status=status,
    )
