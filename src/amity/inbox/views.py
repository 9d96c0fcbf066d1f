"""The inbox page (every item of the user, by kind), the notifications (the bell's list, marked
read when opened) and the user's choice of e-mails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from amity.core.inbox import inbox_of
from amity.inbox import services
from amity.inbox.forms import PreferenceForm
from amity.inbox.models import Notification

PAGE_SIZE = 30


@login_required
def inbox(request):
    """Every item of the user's inbox, due first; `?kind=` keeps one kind (an unknown one
    keeps none: the chips show what there is)."""
    found = inbox_of(request.user)
    kind = request.GET.get("kind", "")
    kind = kind if kind in found.counts else ""
    return render(
        request,
        "inbox/inbox.html",
        {"inbox": found, "kind": kind, "items": found.shown(kind)},
    )


@login_required
def notifications(request):
    rows = Notification.objects.filter(recipient=request.user).order_by("-created_at", "-id")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "inbox/notifications.html",
        {"page": page, "unread": services.unread_count(request.user)},
    )


@login_required
def open_notification(request, pk):
    """Mark one's own notification read and go where it points (a notification of another
    user answers 404, as a record one may not see)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        Notification.objects.filter(pk=pk).update(read_at=timezone.now())
    url = notification.url
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        return redirect(url)
    return redirect("inbox:notifications")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_read(request.user)
    text = ngettext(
        "%(count)d notification marked read.", "%(count)d notifications marked read.", count
    )
    messages.success(request, text % {"count": count})
    return redirect("inbox:notifications")


@login_required
def preferences(request):
    preference = services.preference_of(request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        chosen = form.save(commit=False)
        chosen.user = request.user
        chosen.save()
        messages.success(request, _("Your choice of e-mails is saved."))
        return redirect("inbox:preferences")
    return render(request, "inbox/preferences.html", {"form": form})
