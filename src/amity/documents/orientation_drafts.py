"""The covering letter that sends an orientation to its recipients (`Model(draft=...)`): an
official letter from its issuer, its tasks a paragraph each, in the request's language."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from amity.documents.drafting import Draft


def draft(orientation) -> Draft:
    recipients = [
        str(recipient.organization)
        for recipient in orientation.recipients.select_related("organization")
    ]
    paragraphs = [
        _(
            "%(issuer)s sends you the %(title)s and asks your organization to acknowledge its "
            "receipt, carry out the tasks below and report on their implementation."
        )
        % {"issuer": orientation.organization, "title": orientation.title}
    ]
    if orientation.summary:
        paragraphs.append(orientation.summary)
    for task in orientation.tasks.all():
        text = f"{task.order}. {task.title}"
        if task.description:
            text += f": {task.description}"
        if task.due_on:
            text += " " + _("(due on %(day)s)") % {"day": date_format(task.due_on, "d/m/Y")}
        paragraphs.append(text)
    return Draft(
        kind="official_letter",
        issuer=orientation.organization,
        subject=_("Re: implementing the %(title)s") % {"title": orientation.title},
        paragraphs=paragraphs,
        recipients=[*recipients, _("Filed")],
        on=orientation.issued_on,
        fields={"number": orientation.number, "year": orientation.year},
    )
