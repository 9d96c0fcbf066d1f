"""The award decision drafted for the register (`Model(draft=...)`): a decision (quyết định) of
the deciding organization, its legal bases the regulations that allow its award form, Article 1
the recipients with their achievements, Article 2 its effect, Article 3 who carries it out. The
recipients and the articles' wording come from the decision's own Word context
(`award_services.decision_context`), so both documents always say the same thing."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from amity.documents.drafting import Draft
from amity.emulation.award_services import decision_context
from amity.organizations.models import in_language


def draft(decision) -> Draft:
    context = decision_context(decision)
    subject = _("On awarding %(form)s, year %(year)s") % {
        "form": context["award_form"],
        "year": decision.decided_on.year,
    }
    return Draft(
        kind="decision",
        issuer=decision.organization,
        subject=subject,
        paragraphs=[*_legal_bases(decision), *_articles(context)],
        recipients=_recipients(decision),
        signer_position=decision.signer_position,
        signer_name=decision.signer_name,
        on=decision.decided_on,
        fields={"number": decision.number, "year": decision.decided_on.year},
    )


def _legal_bases(decision) -> list[str]:
    """ "Pursuant to …", one for each regulation allowing the award form (none: no basis)."""
    bases = []
    for regulation in decision.award_form.regulations.order_by("effective_from", "pk"):
        title = in_language(regulation.title_vi, regulation.title_en)
        if regulation.decision_number and regulation.decided_on:
            bases.append(
                _("Pursuant to the %(title)s issued with Decision No. %(number)s of %(day)s;")
                % {
                    "title": title,
                    "number": regulation.decision_number,
                    "day": date_format(regulation.decided_on, "d/m/Y"),
                }
            )
        else:
            bases.append(_("Pursuant to the %(title)s;") % {"title": title})
    return bases


def _articles(context: dict) -> list[str]:
    text = context["text"]
    paragraphs = [text["article_1"]]
    for recipient in context["recipients"]:
        line = f"{recipient['index']}. {recipient['name']}"
        if recipient["achievements"]:
            line += f": {recipient['achievements']}"
        paragraphs.append(line)
    paragraphs.append(text["article_2"])
    paragraphs.append(
        _(
            "Article 3. The Office, the organizations that proposed the awards and the "
            "recipients named in Article 1 are responsible for implementing this decision."
        )
    )
    if context["revoked"]:
        paragraphs.append(text["revoked"])
    return paragraphs


def _recipients(decision) -> list[str]:
    """ "Nơi nhận": as Article 3, the organizations that proposed the awards, the archives."""
    proposers = {
        proposal.organization_id: str(proposal.organization)
        for proposal in decision.recipients.select_related("organization").order_by("pk")
    }
    return [_("As Article 3"), *proposers.values(), _("Archives")]
