"""The agreements of the demo federation: ten Vietnamese agencies (ministries, departments of
foreign affairs, a People's Committee), and about thirty agreements with some twenty demo
partners and those agencies — some in force and expiring within the reminders' 90, 30 and 7
days, some expired, some under negotiation or terminated — with their signers, signed copies,
review dates, commitments in every state and the demo interactions, events and aid activities
carried out under them.

Invented for demonstration and marked as such: every record has "[demo]" in its notes and an
agreement's `external_ref` is "demo-agr-NN". Its dates are drawn around `demo_today()`.
"""

from django.core.management.base import CommandError

from amity.agreements.demo.writer import AgreementsDemo
from amity.agreements.models import (
    Agreement,
    AgreementFile,
    Commitment,
    Review,
    Signer,
    VietnameseAgency,
)

REF_PREFIX = "demo-agr-"


def load(stdout) -> dict[str, int]:
    if Agreement.all_objects.filter(external_ref__startswith=REF_PREFIX).exists():
        raise CommandError("The agreements demo data set is already loaded.")
    AgreementsDemo(REF_PREFIX).run()
    counts = count()
    for label, number in counts.items():
        stdout.write(f"  {label}: {number}\n")
    return counts


def count() -> dict[str, int]:
    agreements = Agreement.all_objects.filter(external_ref__startswith=REF_PREFIX)
    return {
        "Vietnamese agencies": VietnameseAgency.objects.filter(notes__contains="[demo]").count(),
        "agreements": agreements.count(),
        "agreement signers": Signer.objects.filter(agreement__in=agreements).count(),
        "agreement files": AgreementFile.objects.filter(agreement__in=agreements).count(),
        "agreement reviews": Review.objects.filter(agreement__in=agreements).count(),
        "commitments": Commitment.objects.filter(agreement__in=agreements).count(),
    }
