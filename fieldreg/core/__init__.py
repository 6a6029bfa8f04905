"""Domain: entities, events, ids, clocks, validation, names. Standard library only."""
