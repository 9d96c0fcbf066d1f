from django.urls import path

from amity.training.views import courses, enrolment, programmes, records, requirements

app_name = "training"
urlpatterns = [
    *programmes.ProgrammeViews.urls(),
    *programmes.ModuleViews.urls(),
    *requirements.RequirementViews.urls(),
    *courses.CourseViews.urls(),
    *courses.SessionViews.urls(),
    *courses.QuotaViews.urls(),
    *courses.MaterialViews.urls(),
    *enrolment.NominationViews.urls(),
    *enrolment.AttendanceViews.urls(),
    *enrolment.ResultViews.urls(),
    *enrolment.FeedbackViews.urls(),
    path("gaps/", records.gaps, name="gaps"),
    path("plan/", records.plan, name="plan"),
    path("plan/report/", records.yearly_report, name="plan_report"),
]
