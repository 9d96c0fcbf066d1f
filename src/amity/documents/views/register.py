from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from amity.core.downloads import send_stored
from amity.core.views import ModelViews
from amity.documents.filtersets.register import RegisterEntryFilterSet, RegisterFileFilterSet
from amity.documents.forms.register import RegisterEntryForm, RegisterFileForm
from amity.documents.imports.register import RegisterEntryResource, RegisterFileResource
from amity.documents.models import register as models
from amity.documents.pdf import converter
from amity.documents.tables.register import RegisterEntryTable, RegisterFileTable


class RegisterEntryViews(ModelViews):
    model = models.RegisterEntry
    table = RegisterEntryTable
    filterset = RegisterEntryFilterSet
    form = RegisterEntryForm
    resource = RegisterEntryResource
    detail_template = "documents/register/entry_detail.html"
    list_select_related = ("organization",)
    detail_select_related = ("organization", "sender_organization", "source_type")
    list_actions = ((_("Glossary"), "documents:term_list", "book"),)

    @classmethod
    def detail_fields(cls, obj):
        # the record drafted from is the "Drafted from" card, by its name and link
        hidden = {"source_type", "source_id"}
        return [row for row in super().detail_fields(obj) if row[2].name not in hidden]

    @classmethod
    def detail_context(cls, obj, request, tab):
        return {
            "files": obj.files.order_by("pk"),
            "converter_installed": converter() is not None,
            "source_record": _source_visible_to(obj, request.user),
        }


def _source_visible_to(entry, user):
    """The record the entry was drafted from, when `user` may see it (None otherwise)."""
    if entry.source_type_id is None:
        return None
    model = entry.source_type.model_class()
    if model is None or not hasattr(model.objects, "visible_to"):
        return None
    return model.objects.visible_to(user).filter(pk=entry.source_id).first()


class RegisterFileViews(ModelViews):
    model = models.RegisterFile
    table = RegisterFileTable
    filterset = RegisterFileFilterSet
    form = RegisterFileForm
    resource = RegisterFileResource
    list_select_related = ("entry",)
    detail_select_related = ("entry",)

    @classmethod
    def urls(cls):
        return [
            path(
                f"{cls.plural}/<int:pk>/download/",
                file_download,
                name="registerfile_download",
            ),
            path(f"{cls.plural}/<int:pk>/pdf/", pdf_download, name="registerfile_pdf"),
            *super().urls(),
        ]


@login_required
def file_download(request, pk):
    stored = get_object_or_404(models.RegisterFile.objects.visible_to(request.user), pk=pk)
    return send_stored(stored.file, stored.original_name, stored.content_type)


@login_required
def pdf_download(request, pk):
    stored = get_object_or_404(models.RegisterFile.objects.visible_to(request.user), pk=pk)
    if not stored.pdf:
        raise Http404
    name = (stored.original_name.rsplit(".", 1)[0] or "document") + ".pdf"
    return send_stored(stored.pdf, name, "application/pdf")
