"""Deliver: initiatives, prioritisation, the scheduler, the roadmap and its checks."""
