"""The glossary in templates: `{% load glossary_terms %}{% term "document_type.decision" %}`
prints the term's name in the language of the request, as `amity.documents.glossary.term`."""

from django import template

from amity.documents import glossary

register = template.Library()


@register.simple_tag
def term(key: str) -> str:
    return glossary.term(key)
