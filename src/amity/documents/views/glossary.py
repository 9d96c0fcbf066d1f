from amity.core.views import ModelViews
from amity.documents.filtersets.register import TermFilterSet
from amity.documents.forms.register import TermForm
from amity.documents.imports.register import TermResource
from amity.documents.models import register as models
from amity.documents.tables.register import TermTable


class TermViews(ModelViews):
    """The glossary page: the terms by category, searched, exported to Excel."""

    model = models.Term
    table = TermTable
    filterset = TermFilterSet
    form = TermForm
    resource = TermResource
    list_select_related = ("organization",)
    detail_select_related = ("organization",)
