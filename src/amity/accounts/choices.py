"""The user's choices. `Role` is core's (core/roles.py), which reads it and must not import
`accounts`; it is named here too, beside the user model that stores it."""

from amity.core.roles import Role

__all__ = ["Role"]
