"""The trash: soft-deleted records, which a system admin can look at and restore."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from amity.core.views import ModelViews
from amity.core.writes import restore_record

TRASH_LIMIT = 200


def _require_admin(request):
    if not (request.user.is_authenticated and request.user.is_system_admin):
        raise PermissionDenied


def trash(request):
    _require_admin(request)
    sections = []
    for plural, views in sorted(ModelViews.registry().items()):
        if not hasattr(views.model, "all_objects"):
            continue
        deleted = views.model.all_objects.filter(deleted_at__isnull=False).order_by("-deleted_at")
        records = list(deleted[:TRASH_LIMIT])
        if records:
            sections.append(
                {
                    "plural": plural,
                    "label": views.model._meta.verbose_name_plural,
                    "records": records,
                }
            )
    return render(request, "core/trash.html", {"sections": sections})


@require_POST
def restore(request, plural, pk):
    _require_admin(request)
    views = ModelViews.for_plural(plural)
    if views is None:
        raise PermissionDenied
    obj = get_object_or_404(views.model.all_objects.filter(deleted_at__isnull=False), pk=pk)
    restore_record(obj, request.user)
    messages.success(request, _("Restored: %(object)s") % {"object": obj})
    return redirect(obj.get_absolute_url())
