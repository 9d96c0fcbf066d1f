"""The registry of the federation's organizations, their people, congresses and committees.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "organizations",
        demo="amity.organizations.demo",
        menu=[
            Menu(_("Organizations"), "organizations:tree", "diagram-3", order=10, group="network"),
            Menu(_("People"), "organizations:person_list", "people", order=20, group="network"),
            Menu(
                _("Committees"),
                "organizations:committee_list",
                "person-video3",
                order=30,
                group="network",
            ),
        ],
        models=[
            Model(
                "organizations.Organization",
                "organizations",
                views="amity.organizations.views.OrganizationViews",
                resource="amity.organizations.imports.OrganizationResource",
                api="amity.organizations.api.OrganizationViewSet",
                search=("name", "name_en", "short_name", "short_name_en"),
            ),
            Model(
                "organizations.LineageEvent",
                "lineage-events",
                views="amity.organizations.views.LineageEventViews",
                resource="amity.organizations.imports.LineageEventResource",
                api="amity.organizations.api.LineageEventViewSet",
            ),
            Model(
                "organizations.Person",
                "people",
                views="amity.organizations.views.PersonViews",
                resource="amity.organizations.imports.PersonResource",
                api="amity.organizations.api.PersonViewSet",
                search=("full_name",),
            ),
            Model(
                "organizations.PersonLanguage",
                "person-languages",
                views="amity.organizations.views.PersonLanguageViews",
                resource="amity.organizations.imports.PersonLanguageResource",
                api="amity.organizations.api.PersonLanguageViewSet",
            ),
            Model(
                "organizations.Position",
                "positions",
                views="amity.organizations.views.PositionViews",
                resource="amity.organizations.imports.PositionResource",
                api="amity.organizations.api.PositionViewSet",
            ),
            Model(
                "organizations.Congress",
                "congresses",
                views="amity.organizations.views.CongressViews",
                resource="amity.organizations.imports.CongressResource",
                api="amity.organizations.api.CongressViewSet",
            ),
            Model(
                "organizations.Committee",
                "committees",
                views="amity.organizations.views.CommitteeViews",
                resource="amity.organizations.imports.CommitteeResource",
                api="amity.organizations.api.CommitteeViewSet",
            ),
            Model(
                "organizations.CommitteeMember",
                "committee-members",
                views="amity.organizations.views.CommitteeMemberViews",
                resource="amity.organizations.imports.CommitteeMemberResource",
                api="amity.organizations.api.CommitteeMemberViewSet",
            ),
            Model(
                "organizations.CommitteeMeeting",
                "committee-meetings",
                views="amity.organizations.views.CommitteeMeetingViews",
                resource="amity.organizations.imports.CommitteeMeetingResource",
                api="amity.organizations.api.CommitteeMeetingViewSet",
            ),
            Model(
                "organizations.MeetingAttendance",
                "meeting-attendance",
                views="amity.organizations.views.MeetingAttendanceViews",
                resource="amity.organizations.imports.MeetingAttendanceResource",
                api="amity.organizations.api.MeetingAttendanceViewSet",
            ),
            Model(
                "organizations.StaffingRecord",
                "staffing-records",
                views="amity.organizations.views.StaffingRecordViews",
                resource="amity.organizations.imports.StaffingRecordResource",
                api="amity.organizations.api.StaffingRecordViewSet",
            ),
        ],
    )
)
