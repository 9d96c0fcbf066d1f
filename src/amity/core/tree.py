"""A tree kept as materialised paths: the mechanics scoping reads, in core, below every app.

`organizations.Organization` is such a tree. Core's scoping asks a node for its branch
(`branch_ids`), its ancestors (`ancestor_ids`) and whether another node is under it (`holds`)
without importing the organizations app, which builds on core.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class TreeNode(models.Model):
    """A node of a tree, with its path from the root: "/1/7/42/" (the ids from the root down).

    The path is kept by `save()`, where every write of a node passes, rather than in a service
    that an import or the admin could bypass: it is derived data that every scope depends on.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    #: "/1/7/42/": the ids from the root down to this one; kept by `save()`, read by scoping.
    tree_path = models.CharField(_("tree path"), max_length=255, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        new_path = f"{self.parent.tree_path if self.parent_id else '/'}{self.pk}/"
        if new_path != self.tree_path:
            old_path, self.tree_path = self.tree_path, new_path
            type(self)._base_manager.filter(pk=self.pk).update(tree_path=new_path)
            if old_path:
                self._move_descendants(old_path, new_path)

    @property
    def depth(self) -> int:
        return max(self.tree_path.count("/") - 2, 0)

    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.tree_path.strip("/").split("/") if part][:-1]

    def holds(self, other) -> bool:
        """Whether `other` is this node or a node under it."""
        return bool(self.tree_path and other.tree_path.startswith(self.tree_path))

    def branch_ids(self, manager=None):
        """The ids of this node and of every node under it, as a query (for `__any_of`); with
        every node, soft-deleted ones too, unless another manager is given."""
        nodes = manager if manager is not None else type(self)._base_manager
        return nodes.filter(tree_path__startswith=self.tree_path).order_by().values("pk")

    def check_not_under_itself(self) -> None:
        """A node moved under itself, or under one of its descendants, would cut the tree."""
        if not (self.pk and self.parent_id and self.tree_path):
            return
        parent_path = (
            type(self)
            ._base_manager.filter(pk=self.parent_id)
            .values_list("tree_path", flat=True)
            .first()
        )
        if parent_path and parent_path.startswith(self.tree_path):
            raise ValidationError(
                {"parent": _("An organization cannot sit under itself or one under it.")}
            )

    def _move_descendants(self, old_path: str, new_path: str) -> None:
        nodes = type(self)._base_manager
        descendants = nodes.filter(tree_path__startswith=old_path).exclude(pk=self.pk)
        for child in descendants:
            child.tree_path = new_path + child.tree_path[len(old_path) :]
        nodes.bulk_update(descendants, ["tree_path"])
