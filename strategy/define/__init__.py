"""Define: direction, capabilities, SMART objectives, KPIs, traceability and the rule book."""
