"""Template helpers of the shared form templates."""

from django import template

register = template.Library()


@register.filter
def field_named(form, name: str):
    """The bound field `name` of `form`, for a template that names it by a variable."""
    return form[name]


#: fields that keep the record (when, which version, its id in another system): they go to the
#: side of a detail page, after what the record is about
RECORD_KEEPING = frozenset({"created_at", "updated_at", "external_ref"})


@register.filter
def about_the_record(fields):
    """The (label, value, field) rows of a detail page that say what the record is about."""
    return [row for row in fields if row[2].name not in RECORD_KEEPING]


@register.filter
def record_keeping(fields):
    """The rows that only keep the record: created, last changed, external reference."""
    return [row for row in fields if row[2].name in RECORD_KEEPING]
