"""Generic views: a model's list, detail, history, edit, delete and import pages.

An app declares them in a few lines with `ModelViews` and gets the URL patterns of CONTRACT.md,
under the model's plural as its `registry.py` declares it ("people"):

    class PersonViews(ModelViews):
        model = Person
        table = PersonTable
        filterset = PersonFilterSet
        form = PersonForm
        resource = PersonResource

    urlpatterns = [*PersonViews.urls()]
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import DetailView
from django.views.generic.edit import FormView
from django_filters import FilterSet
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin

from amity.core.dashboard import shared_reads, shown_headlines, shown_panels
from amity.core.downloads import download
from amity.core.exports import EXPORT_FORMATS, export_filename, export_response, is_long
from amity.core.forms import ImportForm
from amity.core.history import changes_since, history_of
from amity.core.imports import ImportFileError, ScopedResource, example_bytes
from amity.core.inbox import HOME_INBOX_SHOWN, inbox_of
from amity.core.models import Job, TablePreference
from amity.core.registry import registry
from amity.core.scoping import can_edit, visible_related
from amity.core.tasks import run_export_job, run_import_job, start_import_check
from amity.core.writes import (
    ChangeRefused,
    OutsideScope,
    StaleRecord,
    change_refusal,
    delete_record,
    save_record,
)


def editable_object(visible, user, pk):
    """The record `pk` that `user` is about to change, from the records it may see (`visible`):
    404 when it may not see it, as for a record that does not exist, so that a refusal does not
    tell that it exists; 403 when it sees it but may not change it."""
    obj = get_object_or_404(visible, pk=pk)
    if not can_edit(user, obj):
        raise PermissionDenied
    refusal = change_refusal(obj, user)
    if refusal:  # its workflow holds it (a submitted report): the page says why
        raise ChangeRefused(refusal)
    return obj


class ModelViewMixin(LoginRequiredMixin):
    """What every generic view knows: the model, its family of views, and the user's scope."""

    # Set on every view by `ModelViews.view()`: a model with a scoped `objects` manager, and the
    # ModelViews class the view was made by (None only here, where `as_view()` looks for them).
    model: type[Any] = None  # type: ignore[assignment]
    views: type["ModelViews"] = None  # type: ignore[assignment]
    request: HttpRequest

    @property
    def meta(self):
        return self.model._meta

    def url_name(self, action: str = "") -> str:
        return self.views.url_name(action)

    def visible(self):
        return self.model.objects.visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # type: ignore[misc]  # the view's own
        assert self.request.user.is_authenticated  # LoginRequiredMixin
        context.update(
            verbose_name=self.meta.verbose_name,
            verbose_name_plural=self.meta.verbose_name_plural,
            list_url=reverse(self.url_name("list")),
            may_add=self.views.may_add(self.request.user),
            may_import=self.views.resource is not None and self.request.user.may_edit,
            views=self.views,
        )
        return context


class ObjectListView(ModelViewMixin, SingleTableMixin, FilterView):
    """A filtered, sorted, paginated table; `?export=xlsx|csv` downloads exactly its rows."""

    template_name = "core/object_list.html"
    # The table paginates; the ListView must not as well, or every page counts its rows twice.
    paginate_by = None
    table_pagination = {"per_page": 25}

    def get_queryset(self):
        return self.views.list_queryset(self.visible())

    def get(self, request, *args, **kwargs):
        file_format = request.GET.get("export")
        if file_format in EXPORT_FORMATS and self.views.resource is not None:
            return self.export(file_format)
        return super().get(request, *args, **kwargs)

    def export(self, file_format):
        filterset = self.views.filterset_for(self.request.user, self.request.GET)
        if not filterset.is_valid():
            # Not a file of every row, nor an empty one: the list, with the filter's error.
            messages.error(self.request, _("A filter is wrong, so nothing was exported."))
            query = self.request.GET.copy()
            query.pop("export", None)
            return HttpResponseRedirect(f"{self.request.path}?{query.urlencode()}")
        queryset = filterset.qs
        basename = str(self.meta.verbose_name_plural)
        # get() exports only with a resource, to a signed-in user (LoginRequiredMixin)
        assert self.views.resource is not None and self.request.user.is_authenticated
        if not is_long(queryset):
            resource = self.views.resource(user=self.request.user)
            return export_response(resource, queryset, file_format, basename)
        query = self.request.GET.copy()
        query.pop("export", None)
        job = Job.objects.create(
            user=self.request.user,
            kind=Job.Kind.EXPORT,
            model_label=self.views.plural,
            original_name=export_filename(basename, file_format),
            file_format=file_format,
            query=query.urlencode(),
            status=Job.Status.RUNNING,
        )
        run_export_job.enqueue(job.pk)
        return HttpResponseRedirect(reverse("core:job", args=[job.pk]))

    def get_table_kwargs(self):
        return {"request": self.request}

    def get_table(self, **kwargs):
        table = super().get_table(**kwargs)
        user = self.request.user
        assert user.is_authenticated  # LoginRequiredMixin
        hidden = (
            TablePreference.objects.filter(user=user, table=self.views.plural)
            .values_list("hidden_columns", flat=True)
            .first()
        )
        if hidden and hasattr(table, "hide_columns"):
            table.hide_columns(hidden)
        return table

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["export_query"] = self.request.GET.urlencode()
        filters = context["filter"].form.fields
        context["active_filters"] = sum(
            1 for name in filters if any(self.request.GET.getlist(name))
        )
        return context


class ObjectView(ModelViewMixin, DetailView):
    """The page of one record; its tabs are the views' `tabs`."""

    tab = "overview"

    def get_queryset(self):
        return self.views.detail_queryset(self.visible())

    def get_template_names(self):
        return [name for name in (self.views.detail_template, "core/object_detail.html") if name]

    def get_tab(self) -> str:
        requested = self.request.GET.get("tab", "")
        known = {*dict(self.views.extra_tabs), *(tab.key for tab in self.views.added_tabs())}
        return requested if requested in known else self.tab

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        tab = self.get_tab()
        context.update(
            tab=tab,
            tabs=self.views.tabs_for(obj),
            may_edit=can_edit(self.request.user, obj)
            and not change_refusal(obj, self.request.user),
            fields=self.views.detail_fields(obj),
        )
        added = {added.key: added for added in self.views.added_tabs()}.get(tab)
        if added is not None:
            # another app's tab: its function scopes what it shows, its template shows it
            context.update(
                import_string(added.context)(obj, self.request), tab_template=added.template
            )
            return context
        # the related records a tab lists are those the user may see, as in the API
        related = self.views.detail_context(obj, self.request, tab)
        context.update(visible_related(related, self.request.user))
        return context


class ObjectHistoryView(ObjectView):
    tab = "history"

    def get_tab(self) -> str:
        # the history is a page of its own: a `?tab=` left in its address picks nothing
        return self.tab

    def get_template_names(self):
        return ["core/object_history.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history"] = history_of(self.object)
        return context


class ObjectEditView(ModelViewMixin, FormView):
    """Create or change a record, saved in a transaction and re-checked against the scope.

    An edit starts from a version; saving over a newer one is refused and the other person's
    change is shown.
    """

    template_name = "core/object_edit.html"
    object = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if "pk" in kwargs:
            self.object = self._editable_object(kwargs["pk"])
        elif not self.views.may_add(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _editable_object(self, pk):
        return editable_object(self.visible(), self.request.user, pk)

    def get_form_class(self):
        return self.views.form

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(user=self.request.user, instance=self.object)
        return kwargs

    def get_initial(self):
        initial = super().get_initial()
        # "Add a person to this organization" links pass the parent records in the query string.
        assert self.views.form is not None  # a model without a form has no edit view
        for name, value in self.request.GET.items():
            if name in self.views.form.base_fields:
                initial[name] = value
        return initial

    def form_valid(self, form):
        user, created = self.request.user, self.object is None

        def save():
            obj = form.save()
            self.views.after_save(obj, user, created)
            return obj

        versions = None if created else [form.cleaned_data.get("version")]
        try:
            obj = save_record(form.instance, user, versions=versions, save=save)
        except StaleRecord as stale:
            self._show_conflict(form, stale.current_version)
            return self.form_invalid(form)
        except OutsideScope:
            form.add_error(None, _("The result would be outside what you may edit."))
            return self.form_invalid(form)
        except ChangeRefused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        messages.success(self.request, _("Saved: %(object)s") % {"object": obj})
        return HttpResponseRedirect(self.views.after_save_url(obj))

    def _show_conflict(self, form, current_version: int | None) -> None:
        """Someone saved a newer version: say who, show what changed, and let the next post
        start from the version now stored."""
        assert self.object is not None  # only an edit starts from a version
        current = self.model._base_manager.get(pk=self.object.pk)
        changes, who = changes_since(current, form.cleaned_data.get("version"))
        form.add_error(
            None,
            _("%(user)s saved a newer version while you were editing. Your changes were not saved.")
            % {"user": who or _("Someone")},
        )
        self.conflict = changes
        form.data = form.data.copy()
        form.data["version"] = current.version

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, conflict=getattr(self, "conflict", None))
        return context


class ObjectDeleteView(ModelViewMixin, View):
    """Delete a record: soft, so that a system admin can restore it from the trash."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = editable_object(self.visible(), request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        context = {
            "object": self.object,
            "verbose_name": self.meta.verbose_name,
            "blockers": self.views.delete_blockers(self.object),
        }
        return render(request, "core/object_delete.html", context)

    def post(self, request, pk):
        blockers = self.views.delete_blockers(self.object)
        if blockers:
            messages.error(request, _("This record is still in use and cannot be deleted."))
            return HttpResponseRedirect(self.object.get_absolute_url())
        delete_record(self.object, request.user)
        messages.success(request, _("Deleted: %(object)s") % {"object": self.object})
        return HttpResponseRedirect(reverse(self.url_name("list")))


class ObjectImportView(ModelViewMixin, FormView):
    """Upload, check every row (a preview with each bad row's reasons), confirm, run as a task."""

    template_name = "core/object_import.html"
    form_class = ImportForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.may_edit:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        file_format = request.GET.get("template")
        if file_format in EXPORT_FORMATS:
            content = example_bytes(self.views.resource, request.user, file_format)
            filename = f"{self.views.plural}-template.{file_format}"
            return download(content, filename, EXPORT_FORMATS[file_format])
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm(request.POST.get("confirm"))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        overwrite = self.request.POST.get("overwrite") == "1"
        try:
            job, queued = start_import_check(
                self.views.resource, upload, self.request.user, overwrite=overwrite
            )
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        if queued:  # a large file: its check has the progress bar of the job's page
            return HttpResponseRedirect(reverse("core:job", args=[job.pk]))
        return self.render_to_response(self.get_context_data(form=form, job=job))

    def confirm(self, job_id):
        if not str(job_id).isdigit():
            raise Http404
        job = get_object_or_404(
            Job,
            pk=job_id,
            user=self.request.user,
            model_label=self.views.plural,
            status=Job.Status.CHECKED,
        )
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING)
        run_import_job.enqueue(job.pk)
        return HttpResponseRedirect(reverse("core:job", args=[job.pk]))


@login_required
def home(request):
    """The dashboard: the user's inbox (what is theirs to do, due first), then what is due and
    what changed, in the panels the domains register."""
    with shared_reads():  # the inbox and the panels read the rows they share once
        inbox = inbox_of(request.user)
        context = {
            "headlines": shown_headlines(request),
            "inbox": inbox,
            "inbox_items": inbox.shown()[:HOME_INBOX_SHOWN],
            "panels": shown_panels(request),
        }
    return render(request, "core/dashboard.html", context)


@login_required
@require_POST
def table_columns(request, plural):
    """Store the columns the user chose to see on a list (`column`: the shown ones; `reset`:
    back to every column), then go back to the list."""
    views = ModelViews.for_plural(plural)
    if views is None or views.table is None:
        raise Http404
    table = views.table(views.model.objects.none())
    choosable = {name for name, _header, _shown in table.choosable_columns()}
    shown = set(request.POST.getlist("column"))
    # Every column shown is no choice to store; no column at all would leave an empty table.
    if "reset" in request.POST or choosable <= shown or not (shown or table.link_column):
        TablePreference.objects.filter(user=request.user, table=plural).delete()
    else:
        TablePreference.objects.update_or_create(
            user=request.user, table=plural, defaults={"hidden_columns": sorted(choosable - shown)}
        )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse(views.url_name("list"))
    return HttpResponseRedirect(back)


def job_view(request, pk):
    """The progress of an import or export; htmx polls the bar until the job has finished."""
    if not request.user.is_authenticated:
        raise Http404
    job = get_object_or_404(Job, pk=pk, user=request.user)
    template = "core/job_progress.html" if request.htmx else "core/job.html"
    return render(request, template, {"job": job, "views": ModelViews.for_plural(job.model_label)})


def job_download(request, pk):
    """The file a finished export wrote: only for the user who asked for it."""
    if not request.user.is_authenticated:
        raise Http404
    job = get_object_or_404(
        Job, pk=pk, user=request.user, kind=Job.Kind.EXPORT, status=Job.Status.DONE
    )
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.original_name)


class ModelViews:
    """The views of one model, declared once; `urls()` gives its URL patterns."""

    model: type[Any] = None  # type: ignore[assignment]  # None only on a base of other ModelViews
    plural = ""  # URL path and command-line name, from the app's registry.py: "committee-members"
    table = None
    filterset: type[FilterSet] | None = None
    form: type[forms.ModelForm] | None = None
    resource: type[ScopedResource] | None = None
    detail_template = None
    list_select_related: tuple = ()
    detail_select_related: tuple = ()
    #: related names whose live records block a deletion (e.g. ("people", "children"))
    protected_relations: tuple = ()
    #: tabs of the detail page besides overview and history: (key, label), shown with ?tab=key
    extra_tabs: tuple = ()
    #: further pages linked from the list's toolbar: (label, URL name, Bootstrap icon)
    list_actions: tuple = ()
    has_history = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.model is not None and "plural" not in cls.__dict__:
            # The plural is declared once, in the app's registry.py.
            cls.plural = registry.entry(cls.model).plural

    @classmethod
    def registry(cls) -> dict[str, type["ModelViews"]]:
        """Every app's ModelViews by plural, from the apps' registries."""
        return {entry.plural: entry.load("views") for entry in registry.models() if entry.views}

    @classmethod
    def for_plural(cls, plural):
        try:
            return registry.by_plural(plural).load("views")
        except LookupError:
            return None

    @classmethod
    def for_model(cls, model):
        try:
            return registry.entry(model).load("views")
        except LookupError:
            return None

    @classmethod
    def url_name(cls, action: str = "") -> str:
        app = cls.model._meta.app_label
        name = cls.model._meta.model_name
        return f"{app}:{name}_{action}" if action else f"{app}:{name}"

    @classmethod
    def may_add(cls, user) -> bool:
        return user.is_authenticated and user.may_edit and cls.form is not None

    @classmethod
    def list_queryset(cls, queryset):
        return queryset.select_related(*cls.list_select_related)

    @classmethod
    def filterset_for(cls, user, data):
        from types import SimpleNamespace

        assert cls.filterset is not None  # every model with a list declares its filter set
        visible = cls.list_queryset(cls.model.objects.visible_to(user))
        return cls.filterset(data, queryset=visible, request=SimpleNamespace(user=user))

    @classmethod
    def filtered_queryset(cls, user, data):
        """The rows of the list page for `user` with the filters in `data` (a QueryDict); none
        when a filter is wrong (django-filter would ignore it and give every row)."""
        filterset = cls.filterset_for(user, data)
        return filterset.qs if filterset.is_valid() else filterset.queryset.none()

    @classmethod
    def detail_queryset(cls, queryset):
        return queryset.select_related(*cls.detail_select_related)

    @classmethod
    def detail_fields(cls, obj) -> list[tuple[str, object, models.Field]]:
        """(label, value, field) of the fields shown on the overview tab."""
        # bookkeeping, and what is derived for search and sorting
        hidden = {
            "id",
            "version",
            "deleted_at",
            "tree_path",
            "notes",
            "search_text",
            "sort_name_vi",
            "sort_name_en",
        }
        rows = []
        for field in obj._meta.concrete_fields:
            if field.name in hidden or field.name.endswith("_ptr"):
                continue
            # a choice by its label; so a field that keeps codes its own way (a list of kinds)
            # when its model says how to show it
            if field.choices or hasattr(obj, f"get_{field.name}_display"):
                value = getattr(obj, f"get_{field.name}_display")()
            else:
                value = getattr(obj, field.name)
            rows.append((field.verbose_name, value, field))
        return rows

    @classmethod
    def detail_context(cls, obj, request, tab: str) -> dict:
        """The records the page's `tab` (one of `extra_tabs`, or "overview") shows."""
        return {}

    @classmethod
    def added_tabs(cls) -> list:
        """The tabs other apps add to this model's page (`core.registry.Tab`)."""
        return registry.tabs_of(cls.model)

    @classmethod
    def tabs_for(cls, obj) -> list[tuple[str, str, str]]:
        url = obj.get_absolute_url()
        return [
            ("overview", _("Overview"), url),
            *[(key, label, f"{url}?tab={key}") for key, label in cls.extra_tabs],
            *[(tab.key, tab.label, f"{url}?tab={tab.key}") for tab in cls.added_tabs()],
            ("history", _("History"), reverse(cls.url_name("history"), args=[obj.pk])),
        ]

    @classmethod
    def after_save(cls, obj, user, created: bool) -> None:
        """Domain steps that belong to saving a record from its form (inside the transaction)."""

    @classmethod
    def after_save_url(cls, obj) -> str:
        return obj.get_absolute_url()

    @classmethod
    def delete_blockers(cls, obj) -> list[str]:
        blockers = []
        for relation in cls.protected_relations:
            related = getattr(obj, relation)
            count = related.count()
            if count:
                label = related.model._meta.verbose_name_plural
                blockers.append(f"{label}: {count}")
        return blockers

    @classmethod
    def view(cls, base, **attrs):
        return base.as_view(model=cls.model, views=cls, **attrs)

    @classmethod
    def urls(cls) -> list:
        name = cls.model._meta.model_name
        views = [
            path(f"{cls.plural}/", cls.list_view(), name=f"{name}_list"),
            path(f"{cls.plural}/<int:pk>/", cls.detail_view(), name=name),
        ]
        if cls.has_history:
            history = cls.view(ObjectHistoryView)
            views.append(path(f"{cls.plural}/<int:pk>/history/", history, name=f"{name}_history"))
        if cls.form is not None:
            views += [
                path(f"{cls.plural}/add/", cls.view(ObjectEditView), name=f"{name}_add"),
                path(f"{cls.plural}/<int:pk>/edit/", cls.view(ObjectEditView), name=f"{name}_edit"),
                path(
                    f"{cls.plural}/<int:pk>/delete/",
                    cls.view(ObjectDeleteView),
                    name=f"{name}_delete",
                ),
            ]
        if cls.resource is not None:
            views.append(
                path(f"{cls.plural}/import/", cls.view(ObjectImportView), name=f"{name}_import")
            )
        return views

    @classmethod
    def list_view(cls):
        return cls.view(ObjectListView, table_class=cls.table, filterset_class=cls.filterset)

    @classmethod
    def detail_view(cls):
        return cls.view(ObjectView)
