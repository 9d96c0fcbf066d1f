"""The emulation pages, by what they are about (one module each, as the models): the regulations
(`regulations`), clusters, pacts, campaigns and scoring (`scoring`), awards (`awards`) and the
yearly review (`review`). The generic views of every model are re-exported here, where the
registry names them."""

from amity.emulation.views.regulations import RegulationViews

__all__ = ["RegulationViews"]
