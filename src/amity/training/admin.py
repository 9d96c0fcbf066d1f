from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from amity.training import models

for model in (
    models.Programme,
    models.Module,
    models.Requirement,
    models.Course,
    models.Session,
    models.Quota,
    models.Material,
    models.Nomination,
    models.Attendance,
    models.Result,
    models.Feedback,
):
    admin.site.register(model, SimpleHistoryAdmin)
