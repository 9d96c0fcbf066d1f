from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.emulation import models

for model in (models.Regulation, models.Review):
    admin.site.register(model, SimpleHistoryAdmin)
