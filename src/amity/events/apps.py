from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "amity.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # Delegations and receptions show in the partner's interaction timeline, read from the
        # events themselves (see amity.partners.timeline).
        from amity.events import services
        from amity.partners.timeline import register_timeline

        register_timeline(services.partner_timeline)
        # A calendar address is a credential: a new password revokes it, as it does API tokens.
        from amity.accounts.signals import password_changed

        password_changed.connect(
            services.revoke_calendar_address, dispatch_uid="amity_revoke_calendar_address"
        )
