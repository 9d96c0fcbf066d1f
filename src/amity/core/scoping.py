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

    def visible_to(self, user):
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.sees_everything:
            return self.all()
        return self._within(user.organization)

    def editable_by(self, user):
        if not (user and user.is_authenticated and user.is_active) or not user.may_edit:
            return self.none()
        if user.edits_everything:
            return self.all()
        return self._within(user.organization)


def can_edit(user, obj) -> bool:
    """Whether `user` may change `obj` (an existing record), through the same querysets."""
    manager = type(obj).all_objects if hasattr(type(obj), "all_objects") else type(obj).objects
    return manager.editable_by(user).filter(pk=obj.pk).exists()


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
