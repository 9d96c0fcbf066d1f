"""Official documents generated from records: a model whose registry entry names a `draft`
(`core.registry.Model.draft`) offers the draft of its records, which is downloaded as Word
before issue, and issued in one transaction: numbered, entered in the issuer's register
linked to the record, its Word document stored as the entry's file, its PDF asked for."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from amity.core.registry import registry
from amity.core.scoping import organization_in_scope
from amity.core.writes import save_record
from amity.documents.drafting import Draft
from amity.documents.library import render_draft
from amity.documents.models.register import (
    Direction,
    DocumentType,
    RegisterEntry,
    RegisterFile,
)
from amity.documents.pdf import request_pdf


def drafting_model(app_label: str, model_name: str):
    """(the model, its registry entry) when the model offers drafts; Http404 otherwise."""
    try:
        model = apps.get_model(app_label, model_name)
        entry = registry.entry(model)
    except (LookupError, ValueError):
        raise Http404 from None
    if not entry.draft:
        raise Http404
    return model, entry


def visible_record(app_label: str, model_name: str, pk: int, user):
    """The record a draft is made from, among those `user` may see (404 otherwise), and the
    draft function of its model."""
    model, entry = drafting_model(app_label, model_name)
    record = model.objects.visible_to(user).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record, entry.load("draft")


def docx_name(draft: Draft, reference: str = "") -> str:
    stem = slugify(reference.replace("/", "-") or draft.subject[:60]) or "document"
    return f"{stem}.docx"


def issue(draft: Draft, record, user) -> RegisterEntry:
    """Number `draft`, enter it in its issuer's register linked to `record`, store its Word
    document: all in one transaction, or nothing. PermissionDenied when `user` may not write
    the issuer's register."""
    if not organization_in_scope(user, draft.issuer):
        raise PermissionDenied
    with transaction.atomic():
        entry = RegisterEntry(
            organization=draft.issuer,
            direction=Direction.OUTGOING,
            document_type=draft.kind if draft.kind in DocumentType.values else DocumentType.OTHER,
            issued_on=draft.on or timezone.localdate(),
            subject=draft.subject,
            recipients="\n".join(draft.recipients),
            signer=draft.signer_name,
            signer_position=draft.signer_position,
            source_type=ContentType.objects.get_for_model(type(record)),
            source_id=record.pk,
        )
        entry.full_clean()
        entry = save_record(entry, user)  # numbered by its writer
        content = render_draft(draft, number=entry.reference)
        stored = RegisterFile(
            entry=entry,
            title=entry.reference,
            file=ContentFile(content, name=docx_name(draft, entry.reference)),
        )
        save_record(stored, user)
        request_pdf(stored)
    return entry


def drafted_from(record, user):
    """The register entries drafted from `record` that `user` may see, newest first."""
    return (
        RegisterEntry.objects.visible_to(user)
        .filter(source_type=ContentType.objects.get_for_model(type(record)), source_id=record.pk)
        .select_related("organization")
        .order_by("-issued_on", "-id")
    )


def draft_url(record) -> str:
    """The address of `record`'s draft page ("" when its model offers none)."""
    try:
        entry = registry.entry(type(record))
    except LookupError:
        return ""
    if not entry.draft:
        return ""
    meta = record._meta
    return reverse("documents:draft", args=[meta.app_label, meta.model_name, record.pk])


def panel_context(record, user) -> dict:
    """What "documents/generation/panel.html" shows on `record`'s page (another app's detail
    context adds it): the entries drafted from it and the address of its draft page."""
    return {"drafted": drafted_from(record, user), "draft_url": draft_url(record)}


def tab_context(record, request) -> dict:
    """The "Documents" tab a model that offers drafts adds to its page (`core.registry.Tab`)."""
    return panel_context(record, request.user)
