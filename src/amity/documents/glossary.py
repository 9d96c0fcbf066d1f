"""The glossary of the system's standard terms, in Vietnamese and English, and the names the
pages and the documents draw from it.

A term's key is its category and the code the system keeps ("document_type.decision"); the
terms of the codes in the code (kinds of organization, positions, types of document) are
seeded from their TextChoices (`seed_terms`, by the migration and the demo), and an edit in the
glossary shows wherever the name is read: the register's lists and pages, its exports, the
documents generated. A code without a term (a flushed test database, a code added since) reads
its label in the code.

No cache: `term` is one query, and a list reads the names of a category once (`names`), so
that an edit shows at once in every process.
"""

from django.db import models
from django.utils import translation

from amity.documents.models.register import DocumentType, Term, TermCategory, term_name
from amity.organizations.choices import OrganizationKind, PositionTitle
from amity.organizations.models import in_language

#: the categories whose terms are the labels of a TextChoices of the code
SEEDED: dict[str, type[models.TextChoices]] = {
    TermCategory.ORGANIZATION_KIND: OrganizationKind,
    TermCategory.POSITION_TITLE: PositionTitle,
    TermCategory.DOCUMENT_TYPE: DocumentType,
}


def _label_in_code(key: str) -> str:
    category, _dot, code = key.partition(".")
    choices = SEEDED.get(category)
    if choices is None:
        return code or key
    return str(dict(choices.choices).get(code, code))


def term(key: str) -> str:
    """The name of the term `key` in the language of the request."""
    return term_name(key, _label_in_code(key))


def names(category: str) -> dict[str, str]:
    """Code → name of every code of `category`, in one query: for a list of many rows."""
    result = {}
    choices = SEEDED.get(category)
    if choices is not None:
        result = {code: str(label) for code, label in choices.choices}
    prefix = f"{category}."
    for key, vi, en in Term.objects.filter(key__startswith=prefix).values_list("key", "vi", "en"):
        result[key.removeprefix(prefix)] = in_language(vi, en)
    return result


def document_type_name(code: str) -> str:
    return term(f"{TermCategory.DOCUMENT_TYPE}.{code}")


def seeded_terms() -> list[dict]:
    """The terms of the code's TextChoices, each with its Vietnamese and English label."""
    rows = []
    for category, choices in SEEDED.items():
        for code, label in choices.choices:
            with translation.override("vi"):
                vi = str(label)
            with translation.override("en"):
                en = str(label)
            rows.append({"key": f"{category}.{code}", "category": category, "vi": vi, "en": en})
    return rows


def seed_terms(term_model=Term) -> int:
    """Add the terms of the code that the glossary lacks (an edited one is kept as edited);
    `term_model` is the migration's historical model there. Returns how many were added."""
    known = set(term_model._base_manager.values_list("key", flat=True))
    missing = [term_model(**row) for row in seeded_terms() if row["key"] not in known]
    term_model._base_manager.bulk_create(missing)
    return len(missing)
