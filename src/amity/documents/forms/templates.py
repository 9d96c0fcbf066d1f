"""The forms of the template gallery: upload a template of a kind (for the whole system or
one organization), revert to the one above it, and set the system's identity."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from amity.documents import library
from amity.documents.models import Identity
from amity.organizations.models import Organization

#: a logo is a small picture at the top of a page: larger is a mistake, or not a logo
LOGO_MAX_BYTES = 512 * 1024
LOGO_TYPES = ("image/png", "image/jpeg")


def managed_organizations(user):
    """The organizations whose templates `user` may replace: every one for an administrator
    or a central officer, else the user's own branch."""
    from amity.core.scoping import branch_of

    organizations = Organization.objects.order_by("tree_path")
    if user.edits_everything:
        return organizations
    if not user.may_edit or user.organization is None:
        return organizations.none()
    return organizations.filter(pk__in=branch_of(user.organization))


class _Scoped(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("organization"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("The whole system"),
    )

    def __init__(self, *args, user, kind: library.Kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.kind = user, kind
        self.fields["organization"].queryset = managed_organizations(user)
        if not user.is_system_admin:  # the whole system's template is the administrator's
            self.fields["organization"].required = True
            self.fields["organization"].empty_label = None

    def clean_organization(self):
        organization = self.cleaned_data.get("organization")
        if not library.may_manage(self.user, organization):
            raise ValidationError(_("You may not replace this template."))
        return organization


class TemplateUploadForm(_Scoped):
    file = forms.FileField(
        label=_("Word file"), help_text=_("A .docx file using the fields of this kind.")
    )
    name = forms.CharField(label=_("name"), max_length=200, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        library.check_template(self.kind, upload.read(library.TEMPLATE_MAX_BYTES + 1))
        upload.seek(0)
        return upload


class TemplateRevertForm(_Scoped):
    pass


class IdentityForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Identity
        fields = ("name_vi", "name_en", "short_name", "logo", "primary_colour", "footer")
        widgets = {"primary_colour": forms.TextInput(attrs={"type": "color"})}

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or not hasattr(logo, "content_type"):  # unchanged, or cleared
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise ValidationError(
                _("The logo is larger than %(size)s KB.") % {"size": LOGO_MAX_BYTES // 1024}
            )
        check_image(logo.read())
        logo.seek(0)
        return logo

    def clean_primary_colour(self):
        colour = self.cleaned_data["primary_colour"]
        return "#" + colour.lstrip("#").upper()


def check_image(content: bytes) -> None:
    """Refuse what is not a PNG or JPEG picture Word can show."""
    from docx.image.exceptions import UnrecognizedImageError
    from docx.image.image import Image

    try:
        image = Image.from_blob(content)
    except (UnrecognizedImageError, ValueError, IndexError, KeyError, Exception) as error:  # noqa: BLE001
        raise ValidationError(_("The logo must be a PNG or JPEG picture.")) from error
    if image.content_type not in LOGO_TYPES:
        raise ValidationError(_("The logo must be a PNG or JPEG picture."))
