"""Agreements (thỏa thuận, biên bản ghi nhớ) with foreign partners, Vietnamese agencies and
localities: their parties, signers, terms, files and the commitments under them."""
