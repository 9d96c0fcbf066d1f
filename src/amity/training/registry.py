"""Training of officials: programmes, courses, nominations and what follows them.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.registry import App, Menu, Model, Tab, registry

registry.register(
    App(
        "training",
        demo="amity.training.demo",
        calendar="amity.training.calendar.entries",
        menu=[
            Menu(
                _("Training"),
                "training:course_list",
                "mortarboard",
                order=140,
                group="network",
            ),
            Menu(
                _("Training gaps"),
                "training:gaps",
                "person-exclamation",
                order=141,
                group="network",
            ),
            Menu(
                _("Training plan"),
                "training:plan",
                "calendar-check",
                order=142,
                group="network",
            ),
        ],
        # a person's training record and an organization's training overview, on their pages
        tabs=[
            Tab(
                "organizations.Person",
                "training",
                pgettext_lazy("tab", "Training"),
                "amity.training.views.records.person_tab",
                "training/record_tab.html",
            ),
            Tab(
                "organizations.Organization",
                "training",
                pgettext_lazy("tab", "Training"),
                "amity.training.views.records.organization_tab",
                "training/overview_tab.html",
            ),
        ],
        models=[
            Model(
                "training.Programme",
                "training-programmes",
                views="amity.training.views.programmes.ProgrammeViews",
                resource="amity.training.imports.programmes.ProgrammeResource",
                api="amity.training.api.programmes.ProgrammeViewSet",
                search=("title_vi", "title_en"),
            ),
            Model(
                "training.Module",
                "training-modules",
                views="amity.training.views.programmes.ModuleViews",
                resource="amity.training.imports.programmes.ModuleResource",
                api="amity.training.api.programmes.ModuleViewSet",
                search=("title_vi", "title_en"),
            ),
            Model(
                "training.Requirement",
                "training-requirements",
                views="amity.training.views.requirements.RequirementViews",
                resource="amity.training.imports.requirements.RequirementResource",
                api="amity.training.api.requirements.RequirementViewSet",
            ),
            Model(
                "training.Course",
                "courses",
                views="amity.training.views.courses.CourseViews",
                resource="amity.training.imports.courses.CourseResource",
                api="amity.training.api.courses.CourseViewSet",
                search=("title_vi", "title_en", "place"),
            ),
            Model(
                "training.Session",
                "course-sessions",
                views="amity.training.views.courses.SessionViews",
                resource="amity.training.imports.courses.SessionResource",
                api="amity.training.api.courses.SessionViewSet",
                writer="amity.training.enrolment_services.SessionWriter",
            ),
            Model(
                "training.Quota",
                "course-quotas",
                views="amity.training.views.courses.QuotaViews",
                resource="amity.training.imports.courses.QuotaResource",
                api="amity.training.api.courses.QuotaViewSet",
            ),
            Model(
                "training.Material",
                "course-materials",
                views="amity.training.views.courses.MaterialViews",
                resource="amity.training.imports.courses.MaterialResource",
                api="amity.training.api.courses.MaterialViewSet",
                search=("title", "original_name"),
            ),
            Model(
                "training.Nomination",
                "nominations",
                views="amity.training.views.enrolment.NominationViews",
                resource="amity.training.imports.enrolment.NominationResource",
                api="amity.training.api.enrolment.NominationViewSet",
                writer="amity.training.enrolment_services.NominationWriter",
                search=("person__full_name", "note"),
            ),
            Model(
                "training.Attendance",
                "course-attendance",
                views="amity.training.views.enrolment.AttendanceViews",
                resource="amity.training.imports.enrolment.AttendanceResource",
                api="amity.training.api.enrolment.AttendanceViewSet",
                writer="amity.training.enrolment_services.AttendanceWriter",
            ),
            Model(
                "training.Result",
                "course-results",
                views="amity.training.views.enrolment.ResultViews",
                resource="amity.training.imports.enrolment.ResultResource",
                api="amity.training.api.enrolment.ResultViewSet",
                writer="amity.training.enrolment_services.ResultWriter",
                search=("certificate_number",),
            ),
            Model(
                "training.Feedback",
                "course-feedback",
                views="amity.training.views.enrolment.FeedbackViews",
                resource="amity.training.imports.enrolment.FeedbackResource",
                api="amity.training.api.enrolment.FeedbackViewSet",
            ),
        ],
    )
)
