"""Discover: the business need, the people (stakeholders, champions) and the vision."""
