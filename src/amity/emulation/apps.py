from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmulationConfig(AppConfig):
    name = "amity.emulation"
    label = "emulation"
    verbose_name = _("Emulation and awards")

    def ready(self):
        # `amity import criteria-tables FILE` reads a whole table (sections and criteria) from
        # one workbook, and `amity export criteria-tables FILE` writes that layout
        from amity.core.commandline import register_exchange_format
        from amity.emulation.imports import criteria_workbook

        register_exchange_format(
            "criteria-tables", criteria_workbook.command_export, criteria_workbook.command_import
        )
