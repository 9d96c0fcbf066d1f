"""The partner database, as `core` knows it: its models with their URL plurals, pages, import
resources, API viewsets and writers, its menu entry, its demo data and what search finds it by.

Fields of work are reference data loaded by a migration, with no pages or API of their own: not
listed here.
"""

from django.utils.translation import gettext_lazy as _

from amity.core.registry import App, Menu, Model, registry


def _model(name: str, plural: str, *, writer: str = "", search: tuple[str, ...] = ()) -> Model:
    """A partners model whose views, resource and viewset follow the app's naming."""
    return Model(
        f"partners.{name}",
        plural,
        views=f"amity.partners.views.{name}Views",
        resource=f"amity.partners.imports.{name}Resource",
        api=f"amity.partners.api.{name}ViewSet",
        writer=f"amity.partners.services.{writer}" if writer else "",
        search=search,
    )


registry.register(
    App(
        "partners",
        menu=[
            Menu(
                _("Partners"), "partners:partner_list", "globe-americas", order=40, group="partners"
            )
        ],
        demo="amity.partners.demo",
        models=[
            _model(
                "Partner",
                "partners",
                writer="PartnerWriter",
                search=("name", "name_vi", "name_en", "acronym", "external_ref"),
            ),
            _model(
                "RelationshipHolder",
                "relationship-holders",
                search=("partner__name", "organization__name"),
            ),
            _model(
                "Contact",
                "contacts",
                writer="ContactWriter",
                search=("full_name", "title", "email", "partner__name"),
            ),
            _model(
                "NgoRegistration",
                "ngo-registrations",
                search=("number", "partner__name", "issuing_authority"),
            ),
            _model(
                "Interaction",
                "interactions",
                writer="InteractionWriter",
                search=("summary", "partner__name"),
            ),
            _model("FollowUp", "follow-ups", search=("action", "interaction__partner__name")),
            Model(
                "partners.FieldOfWork",
                "fields-of-work",
                views="amity.partners.views.FieldOfWorkViews",
                api="amity.partners.api.FieldOfWorkViewSet",
            ),
        ],
    )
)
