"""The official document drafted from an agreement: an official letter (công văn) of its lead
organization to its other parties, proposing to renew it before it expires, or — for an
agreement that has no end or has ended — about reviewing how it is carried out. Every text is
in the language of the request; the documents app writes it into its template."""

from django.utils import timezone
from django.utils.translation import gettext as _

from amity.agreements.choices import RUNNING, RenewalRule
from amity.documents.drafting import Draft


def draft(agreement) -> Draft:
    renewing = agreement.status in RUNNING and agreement.ends_on is not None
    return Draft(
        kind="official_letter",
        issuer=agreement.organization,
        subject=_subject(agreement, renewing),
        paragraphs=_paragraphs(agreement, renewing),
        recipients=_recipients(agreement),
        on=timezone.localdate(),
        fields={
            "agreement_title": str(agreement),
            "agreement_reference": agreement.reference,
            "signed_on": agreement.signed_on,
            "ends_on": agreement.ends_on,
        },
    )


def _subject(agreement, renewing: bool) -> str:
    if renewing:
        return _("Re: proposal to renew the agreement “%(title)s”") % {"title": agreement}
    return _("Re: review of the agreement “%(title)s”") % {"title": agreement}


def _paragraphs(agreement, renewing: bool) -> list[str]:
    signed = (
        _("signed on %(day)s") % {"day": f"{agreement.signed_on:%d/%m/%Y}"}
        if agreement.signed_on
        else _("not yet signed")
    )
    opening = _("%(organization)s refers to the agreement “%(title)s” (%(signed)s).") % {
        "organization": agreement.organization,
        "title": agreement,
        "signed": signed,
    }
    done = agreement.commitments.filter(status="done").count()
    total = agreement.commitments.exclude(status="cancelled").count()
    record = _("Of its %(total)s commitments, %(done)s have been carried out.") % {
        "total": total,
        "done": done,
    }
    if renewing:
        ask = _(
            "The agreement expires on %(day)s. In view of the results of the cooperation, we "
            "propose to renew it%(term)s, and would welcome your opinion before that date."
        ) % {"day": f"{agreement.ends_on:%d/%m/%Y}", "term": _term(agreement)}
    else:
        ask = _(
            "We propose that the parties review together how the agreement has been carried "
            "out and agree on the next steps of the cooperation."
        )
    return [opening, record, ask, _("We look forward to continuing our cooperation.")]


def _term(agreement) -> str:
    if agreement.renewal == RenewalRule.AUTOMATIC and agreement.renewal_years:
        return _(" for a further %(years)s years") % {"years": agreement.renewal_years}
    return ""


def _recipients(agreement) -> list[str]:
    parties = [
        *(str(partner) for partner in agreement.partners.all()),
        *(str(agency) for agency in agreement.agencies.all()),
        *(str(org) for org in agreement.other_organizations.all()),
    ]
    if agreement.other_parties:
        parties.append(agreement.other_parties)
    return [*parties, _("Archives")]
