import django_tables2 as tables

from amity.core.tables import BaseTable, ShownNameColumn
from amity.partners import models


class PartnerTable(BaseTable):
    # An accessor, not a render_name method: django-tables2 inspects a render method's
    # signature for every cell, a fifth of a list page's time.
    name = ShownNameColumn(linkify=True)
    relevance = tables.Column(verbose_name="", orderable=False, visible=False)

    class Meta(BaseTable.Meta):
        model = models.Partner
        fields = (
            "name",
            "acronym",
            "kind",
            "country",
            "status",
            "strength",
            "last_contact_on",
            "sensitivity",
        )


class RelationshipHolderTable(BaseTable):
    partner = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.RelationshipHolder
        fields = ("partner", "organization", "role", "since")


class ContactTable(BaseTable):
    full_name = tables.Column(linkify=True)
    partner = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Contact
        fields = ("full_name", "title", "partner", "email", "is_current")


class NgoRegistrationTable(BaseTable):
    number = tables.Column(linkify=True)
    partner = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.NgoRegistration
        fields = ("number", "registration_type", "partner", "issued_on", "expires_on")


class InteractionTable(BaseTable):
    occurred_on = tables.DateColumn(linkify=True)
    partner = tables.Column(linkify=True)
    organization = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.Interaction
        fields = ("occurred_on", "kind", "partner", "organization")


class FollowUpTable(BaseTable):
    action = tables.Column(linkify=True)
    interaction = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.FollowUp
        fields = ("action", "interaction", "owner", "due_on", "state")


class FieldOfWorkTable(BaseTable):
    name_vi = tables.Column(linkify=True)

    class Meta(BaseTable.Meta):
        model = models.FieldOfWork
        fields = ("code", "kind", "name_vi", "name_en")
