"""Plan: the business case, its risk (Monte Carlo), scenarios, and its text and summary."""
