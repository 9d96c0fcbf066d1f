"""What `amity import KIND FILE` and `amity export KIND FILE` share: kinds and the acting user."""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from amity.core.roles import Role
from amity.core.views import ModelViews

#: exchange formats a domain registers, beside the lists' plurals: kind → (export, import), each
#: called as `function(path, user, stdout)`; the import raises CommandError when it refuses a file
EXCHANGE_FORMATS: dict[str, tuple] = {}


def register_exchange_format(kind: str, export, import_) -> None:
    EXCHANGE_FORMATS[kind] = (export, import_)


def acting_user(username: str | None):
    """The user whose scope the command works in: the one named, else the first system admin."""
    User = get_user_model()
    if username:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user named {username!r}.")
        return user
    admin = (
        User.objects.filter(is_active=True, role=Role.SYSTEM_ADMIN).order_by("pk").first()
        or User.objects.filter(is_active=True, is_superuser=True).order_by("pk").first()
    )
    if admin is None:
        raise CommandError("There is no system administrator; name a user with --user.")
    return admin


def views_for_kind(kind: str):
    views = ModelViews.for_plural(kind)
    if views is None or views.resource is None:
        kinds = sorted(p for p, v in ModelViews.registry().items() if v.resource is not None)
        raise CommandError(f"Unknown kind {kind!r}. Kinds: {', '.join(kinds)}.")
    return views


def file_format_of(path: str) -> str:
    suffix = path.rsplit(".", 1)[-1].lower()
    if suffix not in ("xlsx", "csv"):
        raise CommandError("The file must end in .xlsx or .csv.")
    return suffix
