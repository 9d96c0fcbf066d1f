from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AidConfig(AppConfig):
    name = "amity.aid"
    label = "aid"
    verbose_name = _("Foreign non-governmental aid")

    def ready(self):
        # `amity export iati FILE` and `amity import iati FILE` (CONTRACT.md)
        from amity.aid import iati
        from amity.core.commandline import register_exchange_format

        register_exchange_format("iati", iati.command_export, iati.command_import)
