"""The health check: the rule runner, its types, and one module of rules per journey step."""
