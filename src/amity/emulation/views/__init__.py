"""The emulation pages, by what they are about (one module each, as the models): the regulations
(`regulations`), clusters, pacts, campaigns and scoring (`scoring`), awards (`awards`) and the
yearly review (`review`). The registry names each module's generic views by their full path."""
