"""The foreign partners, who holds each relationship, contacts, registrations and interactions.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry

registry.register(
    App(
        "partners",
        demo="amity.partners.demo",
        menu=[
            Menu(_("Partners"), "partners:partner_list", "globe-americas", order=40),
        ],
        models=[
            Model(
                "partners.Partner",
                "partners",
                views="amity.partners.views.PartnerViews",
                resource="amity.partners.imports.PartnerResource",
                api="amity.partners.api.PartnerViewSet",
                search=("name", "name_vi", "name_en", "acronym"),
            ),
            Model(
                "partners.RelationshipHolder",
                "relationship-holders",
                views="amity.partners.views.RelationshipHolderViews",
                resource="amity.partners.imports.RelationshipHolderResource",
                api="amity.partners.api.RelationshipHolderViewSet",
            ),
            Model(
                "partners.Contact",
                "contacts",
                views="amity.partners.views.ContactViews",
                resource="amity.partners.imports.ContactResource",
                api="amity.partners.api.ContactViewSet",
                search=("full_name",),
            ),
            Model(
                "partners.NgoRegistration",
                "ngo-registrations",
                views="amity.partners.views.NgoRegistrationViews",
                resource="amity.partners.imports.NgoRegistrationResource",
                api="amity.partners.api.NgoRegistrationViewSet",
            ),
            Model(
                "partners.Interaction",
                "interactions",
                views="amity.partners.views.InteractionViews",
                resource="amity.partners.imports.InteractionResource",
                api="amity.partners.api.InteractionViewSet",
            ),
            Model(
                "partners.FollowUp",
                "follow-ups",
                views="amity.partners.views.FollowUpViews",
                resource="amity.partners.imports.FollowUpResource",
                api="amity.partners.api.FollowUpViewSet",
            ),
        ],
    )
)
