"""Agreements with foreign partners, Vietnamese agencies and localities.

Declared once, read by the navigation, the API, imports and exports, the demo loader and the
write path (`amity.core.registry`)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from amity.core.registry import App, Menu, Model, Tab, registry

VIEWS = "amity.agreements.views.agreements"
IMPORTS = "amity.agreements.imports.agreements"
API = "amity.agreements.api.agreements"

registry.register(
    App(
        "agreements",
        demo="amity.agreements.demo",
        # expiries and review dates in the events' calendar and feeds
        calendar="amity.agreements.calendar.entries",
        daily=("agreements_reminders",),
        # one entry: the board of those expiring soon is the list's first action and the home
        # page panel's "see all", so that the menu keeps to one line
        menu=[
            Menu(
                _("Agreements"),
                "agreements:agreement_list",
                "file-earmark-check",
                order=45,
                group="partners",
            ),
        ],
        # the agreements a partner or an organization of ours is party to, on their pages
        tabs=[
            # the official documents drafted from an agreement (a renewal letter), and a draft
            Tab(
                "agreements.Agreement",
                "documents",
                pgettext_lazy("tab", "Documents"),
                "amity.documents.generation.tab_context",
                "documents/generation/panel.html",
            ),
            Tab(
                "partners.Partner",
                "agreements",
                pgettext_lazy("tab", "Agreements"),
                f"{VIEWS}.partner_tab",
                "agreements/party_tab.html",
            ),
            Tab(
                "organizations.Organization",
                "agreements",
                pgettext_lazy("tab", "Agreements"),
                f"{VIEWS}.organization_tab",
                "agreements/party_tab.html",
            ),
        ],
        models=[
            Model(
                "agreements.VietnameseAgency",
                "vietnamese-agencies",
                views=f"{VIEWS}.VietnameseAgencyViews",
                resource=f"{IMPORTS}.VietnameseAgencyResource",
                api=f"{API}.VietnameseAgencyViewSet",
                search=("name_vi", "name_en", "acronym"),
            ),
            Model(
                "agreements.Agreement",
                "agreements",
                views=f"{VIEWS}.AgreementViews",
                resource=f"{IMPORTS}.AgreementResource",
                api=f"{API}.AgreementViewSet",
                search=("title_vi", "title_en", "reference"),
                draft="amity.agreements.drafts.draft",
            ),
            Model(
                "agreements.Signer",
                "agreement-signers",
                views=f"{VIEWS}.SignerViews",
                resource=f"{IMPORTS}.SignerResource",
                api=f"{API}.SignerViewSet",
                search=("name", "position"),
            ),
            Model(
                "agreements.AgreementFile",
                "agreement-files",
                views=f"{VIEWS}.AgreementFileViews",
                resource=f"{IMPORTS}.AgreementFileResource",
                api=f"{API}.AgreementFileViewSet",
                writer="amity.agreements.services.AgreementFileWriter",
                search=("title", "original_name"),
            ),
            Model(
                "agreements.Review",
                "agreement-reviews",
                views=f"{VIEWS}.ReviewViews",
                resource=f"{IMPORTS}.ReviewResource",
                api=f"{API}.ReviewViewSet",
                api_basename="agreementreview",  # "review" is the emulation's reviews'
            ),
            Model(
                "agreements.Commitment",
                "agreement-commitments",
                views=f"{VIEWS}.CommitmentViews",
                resource=f"{IMPORTS}.CommitmentResource",
                api=f"{API}.CommitmentViewSet",
                search=("description",),
            ),
        ],
    )
)
