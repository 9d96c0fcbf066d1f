"""Row-level scoping: the one place that decides which records a user may see and edit.

Every view, export, import, search and API endpoint starts from `Model.objects.visible_to(user)`
or `Model.objects.editable_by(user)`. The rules (DESIGN.md, "Who uses it"):

- a system admin sees and edits everything;
- a central officer sees and edits everything (the registry is kept centrally);
- a viewer sees what an officer of the same organization sees and edits nothing;
- a unit officer, and a viewer outside the central level, see and edit their own organization and
  every organization under it, and the records those organizations own.

"Under" is answered by the organization's materialised tree path ("/1/7/42/"), so a scope is one
indexed prefix filter on a join, whatever the depth of the tree.
"""

from django.db import models


class ScopedQuerySet(models.QuerySet):
    def _tree_path_lookup(self) -> str:
        scope_path = self.model.scope_path
        return f"{scope_path}__tree_path" if scope_path else "tree_path"

    def _within(self, organization):
        if organization is None or not organization.tree_path:
            return self.none()
        return self.filter(**{f"{self._tree_path_lookup()}__startswith": organization.tree_path})

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
