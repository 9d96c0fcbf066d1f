from amity.training.views import courses, enrolment, programmes

app_name = "training"
urlpatterns = [
    *programmes.ProgrammeViews.urls(),
    *programmes.ModuleViews.urls(),
    *courses.CourseViews.urls(),
    *courses.SessionViews.urls(),
    *courses.QuotaViews.urls(),
    *courses.MaterialViews.urls(),
    *enrolment.NominationViews.urls(),
    *enrolment.AttendanceViews.urls(),
    *enrolment.ResultViews.urls(),
    *enrolment.FeedbackViews.urls(),
]
