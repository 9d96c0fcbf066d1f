"""Agreements (thỏa thuận, biên bản ghi nhớ) with foreign partners, Vietnamese agencies and
localities: their parties, signers, terms, files and the commitments under them.

- `agencies`: the Vietnamese agencies (ministries, departments, People's Committees);
- `agreements`: agreements with their signers, signed files and review dates;
- `commitments`: what an agreement commits a party of ours to, by when.

Scoping: an agreement is its parties' on our side (the lead organization and the others), and
seen by the organizations above them (whose branch holds them); its signers, files, reviews and
commitments go with it. The agencies are a list every signed-in user sees.
"""

from amity.agreements.models.agencies import VietnameseAgency
from amity.agreements.models.agreements import Agreement, AgreementFile, Review, Signer
from amity.agreements.models.commitments import Commitment

__all__ = ["Agreement", "AgreementFile", "Commitment", "Review", "Signer", "VietnameseAgency"]
