"""A new password revokes the user's API tokens and every other credential of theirs.

A signal, not a call in a service, because a password changes in code we do not own and that
calls no service of ours: the password change page, the admin's password form, `amity
changepassword`, `createsuperuser`, and any `set_password()` followed by `save()`. What they share
is that `set_password()` keeps the new raw password on the user until `save()` is done, so the
receiver knows the password itself changed; re-hashing the same password at log-in (after a
hasher upgrade) does not keep it, and leaves the tokens alone. Turning the password off
(`set_unusable_password()`, the admin's "disabled") revokes them too.

Other apps hold credentials of their own (the events' secret calendar address): they connect to
`password_changed` rather than accounts knowing them.
"""

from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

from amity.accounts.models import User
from amity.accounts.services import revoke_api_tokens

#: sent with `user` after the user's password changed or was turned off
password_changed = Signal()


@receiver(post_save, sender=User, dispatch_uid="amity_revoke_tokens_on_new_password")
def revoke_tokens_on_new_password(sender, instance, created, **kwargs):
    if created:
        return
    if getattr(instance, "_password", None) is not None or not instance.has_usable_password():
        revoke_api_tokens(instance)
        password_changed.send(sender=User, user=instance)
