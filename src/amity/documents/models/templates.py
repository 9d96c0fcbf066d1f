"""The system's identity and its template library.

- `Identity`: the Union's names, logo, colour and footer line, set once for the whole network
  (one record, held by the root of the tree, seen by every organization under it);
- `DocumentTemplate`: a Word template an administrator uploaded for a kind of document, for the
  whole system (no organization) or for one organization; the kinds and their fields are the
  library's (`amity.documents.library`).
"""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from amity.core.models import BaseModel
from amity.core.scoping import Scope
from amity.organizations.models import in_language

HEX_COLOUR = RegexValidator(
    re.compile(r"^#?[0-9A-Fa-f]{6}$"), _("Enter a colour as six hexadecimal digits: #1F4E79.")
)
#: the colour of the built-in templates' titles, until an administrator sets the identity's
DEFAULT_COLOUR = "1F4E79"


class Identity(BaseModel):
    """The identity every document of the network is written in: one record, held by the root
    of the tree (the central Union), so that every organization under it sees it."""

    scope = Scope("organization", above=True)

    organization = models.OneToOneField(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="identity",
    )
    name_vi = models.CharField(_("Vietnamese name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    logo = models.FileField(_("logo"), upload_to="documents/identity/", blank=True)
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default=f"#{DEFAULT_COLOUR}", validators=[HEX_COLOUR]
    )
    footer = models.CharField(_("footer line"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("identity")
        verbose_name_plural = _("identities")
        ordering = ["pk"]

    def __str__(self):
        return in_language(self.name_vi, self.name_en)

    def get_absolute_url(self):
        return reverse("documents:template_gallery")

    @property
    def display_name(self) -> str:
        return str(self)

    @property
    def colour_hex(self) -> str:
        """The colour as Word writes it: six digits, upper case, no "#"."""
        return self.primary_colour.lstrip("#").upper()


class DocumentTemplate(BaseModel):
    """A Word template of one kind uploaded by an administrator: the system's (no organization)
    or one organization's. The active one for an issuer is its own, else the system's, else the
    built-in file (`library.active_template`)."""

    scope = Scope("organization", shared=Q(organization__isnull=True))

    kind = models.CharField(_("kind of document"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.PROTECT,
        related_name="document_templates",
        null=True,
        blank=True,
        help_text=_("Empty: the template of the whole system."),
    )
    file = models.FileField(_("Word file"), upload_to="documents/templates/")
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["kind", "organization_id", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(organization__isnull=True, deleted_at__isnull=True),
                name="documents_one_system_template_per_kind",
            ),
            models.UniqueConstraint(
                fields=["kind", "organization"],
                condition=Q(organization__isnull=False, deleted_at__isnull=True),
                name="documents_one_template_per_kind_and_organization",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("documents:template_gallery") + f"#kind-{self.kind}"
