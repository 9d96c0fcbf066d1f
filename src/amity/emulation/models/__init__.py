"""Emulation (thi đua), awards (khen thưởng) and the yearly review of member organizations.

The models live by what they are about, one module each, re-exported here where Django and the
registry look for them:

- `regulations`: the emulation and reward regulations, versioned;
- `scoring`: clusters and blocks, pacts, thematic campaigns, criteria tables, scores, ranking;
- `awards`: award forms, award proposals (dossiers), council votes, decisions, the honours register;
- `review`: the yearly review of member organizations.

Scoping (DESIGN.md, "Who uses it"): regulations, criteria tables and award forms are made by the
centre and seen by every organization under it (`above=True`); a unit's scores and proposals are
its own, seen by the organizations above it that review them.
"""

from amity.emulation.models.awards import (
    AwardDecision,
    AwardDocument,
    AwardForm,
    AwardProposal,
    AwardVote,
    CouncilMember,
)
from amity.emulation.models.regulations import Regulation
from amity.emulation.models.review import Review
from amity.emulation.models.scoring import (
    Campaign,
    Cluster,
    CriteriaSection,
    CriteriaTable,
    Criterion,
    Score,
    ScoreSheet,
)

__all__ = [
    "AwardDecision",
    "AwardDocument",
    "AwardForm",
    "AwardProposal",
    "AwardVote",
    "Campaign",
    "Cluster",
    "CouncilMember",
    "CriteriaSection",
    "CriteriaTable",
    "Criterion",
    "Regulation",
    "Review",
    "Score",
    "ScoreSheet",
]
