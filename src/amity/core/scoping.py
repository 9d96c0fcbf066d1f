"""Row-level scoping: the one place that decides which records a user may see and edit.

Every view, export, import, search and API endpoint starts from `Model.objects.visible_to(user)`
or `Model.objects.editable_by(user)`. The rules (DESIGN.md, "Who uses it"):

- a system admin sees and edits everything;
- a central officer sees and edits everything (the registry is kept centrally);
- a viewer sees what an officer of the same organization sees and edits nothing;
- a unit officer, and a viewer outside the central level, see and edit their own organization and
  every organization under it, and the records those organizations own.

"Under" is answered by the organization's materialised tree path ("/1/7/42/"): a scope is the
ids of the organizations whose path starts with the user's, whatever the depth of the tree,
compared with a record's organization by `__any_of` (below).
"""

from django.db import models
from django.db.models import Lookup


@models.ForeignKey.register_lookup
class AnyOf(Lookup):
    """`organization__any_of=<a query of ids>`: the record's column is one of the ids.

    On PostgreSQL it is written `= ANY(ARRAY(subquery))`: the ids (a branch's few
    organizations) are read once, before the plan runs, and the record's index on the column is
    used for them. Written `IN (subquery)`, or as a join on the tree path, the planner guessed
    the branch's size from the path pattern and scanned every row of the records instead (a unit
    officer's latest interactions: 37 ms against 11, of 500,000). Other databases get `IN`.
    """

    lookup_name = "any_of"

    def as_sql(self, compiler, connection):
        column, column_params = self.process_lhs(compiler, connection)
        ids, ids_params = self.process_rhs(compiler, connection)  # "(SELECT …)"
        if connection.vendor == "postgresql":
            return f"{column} = ANY(ARRAY{ids})", [*column_params, *ids_params]
        return f"{column} IN {ids}", [*column_params, *ids_params]


def branch_of(organization, manager=None):
    """The ids of `organization` and of every organization under it (a query, for `any_of`);
    with every organization's manager unless another is given (the live ones, say)."""
    from amity.organizations.models import Organization

    organizations = manager if manager is not None else Organization.all_objects
    within = organizations.filter(tree_path__startswith=organization.tree_path)
    return within.order_by().values("pk")


class ScopedQuerySet(models.QuerySet):
    def _within(self, organization):
        if organization is None or not organization.tree_path:
            return self.none()
        scope_path = self.model.scope_path
        if not scope_path:  # an organization: its own path
            return self.filter(tree_path__startswith=organization.tree_path)
        return self.filter(**{f"{scope_path}__any_of": branch_of(organization)})

    def _through_parent(self, user, action: str):
        """Records of a model scoped by its parent (`scope_parent`, e.g. a partner's contacts):
        those whose parent the user may see, or edit."""
        parent = self.model.scope_parent
        parent_model = self.model._meta.get_field(parent).related_model
        parents = getattr(parent_model.objects, action)(user)
        return self.filter(**{f"{parent}__in": parents.values("pk")})

    def visible_to(self, user):
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if self.model.scope_parent:
            return self._through_parent(user, "visible_to")
        if user.sees_everything:
            return self.all()
        return self._within(user.organization)

    def editable_by(self, user):
        if not (user and user.is_authenticated and user.is_active) or not user.may_edit:
            return self.none()
        if self.model.scope_parent:
            return self._through_parent(user, "editable_by")
        if user.edits_everything:
            return self.all()
        return self._within(user.organization)


def can_edit(user, obj) -> bool:
    """Whether `user` may change `obj` (an existing record), through the same querysets."""
    manager = type(obj).all_objects if hasattr(type(obj), "all_objects") else type(obj).objects
    return manager.editable_by(user).filter(pk=obj.pk).exists()


def may_write(user, instance) -> bool:
    """Whether `user` may save `instance` (new or changed, not yet saved) where it now points:
    under an organization it may edit, or, for a model scoped by its parent, under a parent it
    may edit. Models with rules of their own define `may_be_written_by(user)`."""
    if hasattr(instance, "may_be_written_by"):
        return instance.may_be_written_by(user)
    if type(instance).scope_parent:
        parent = getattr(instance, type(instance).scope_parent, None)
        return parent is not None and can_edit(user, parent)
    return organization_in_scope(user, owner_of(instance))


def owner_of(instance):
    """The organization that owns `instance`, following the model's `scope_path`.

    An organization owns itself, but a new one has no place in the tree yet: its parent does.
    """
    if not type(instance).scope_path and not instance.tree_path:
        return instance.parent
    target = instance
    for part in filter(None, type(instance).scope_path.split("__")):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def organization_in_scope(user, organization) -> bool:
    """Whether a new record owned by `organization` would be editable by `user`."""
    if organization is None:
        return False
    if user.edits_everything:
        return True
    home = user.organization
    return bool(
        user.may_edit
        and home is not None
        and organization.tree_path
        and organization.tree_path.startswith(home.tree_path)
    )


class ReferenceQuerySet(models.QuerySet):
    """Reference data (places, codes): every signed-in user sees it all; it is edited by data
    migrations, not by users."""

    def visible_to(self, user):
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        return self.all()

    def editable_by(self, user):
        return self.none()


def within_own_limit(scoped, own):
    """`scoped` (what the user may see), kept within the limit a choice field declared for
    itself (e.g. only the partners that are donors), if it declared one."""
    if own.query.where:
        return scoped.filter(pk__in=own.values("pk"))
    return scoped


def visible_related(context: dict, user) -> dict:
    """A detail page's lists of related records, kept to those `user` may see, as the API's
    lists are: a partner's holders of another branch, a person's positions elsewhere.

    Records scoped by an owner or a parent are filtered; organizations (the registry names
    every one) and shared records with rules of their own (partners, whose restricted ones
    print as such: `Partner.__str__`) are left as they are. A list the view has already read
    into a Python list must be scoped by the view itself.
    """
    scoped = {}
    for key, value in context.items():
        model = getattr(value, "model", None)
        if (
            isinstance(value, models.QuerySet)
            and hasattr(value, "visible_to")
            and (getattr(model, "scope_path", None) or getattr(model, "scope_parent", None))
        ):
            value = _scoped_page(value, user)
        scoped[key] = value
    return scoped


def _scoped_page(queryset, user):
    """`queryset` within what `user` may see; a page cut from it (`[:50]`) is cut again after."""
    if not queryset.query.is_sliced:
        return queryset.visible_to(user)
    low, high = queryset.query.low_mark, queryset.query.high_mark
    whole = queryset._chain()
    whole.query.clear_limits()
    return whole.visible_to(user)[low:high]
