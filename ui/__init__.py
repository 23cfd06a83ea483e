"""View helpers the pages share: the engine and cached reads, entry forms, table editors, page parts."""
