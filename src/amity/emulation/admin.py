from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.emulation import models

for model in (models.Regulation,):
    admin.site.register(model, SimpleHistoryAdmin)
