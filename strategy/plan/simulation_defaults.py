"""The Monte Carlo's defaults, in a module without numpy: the command line shows them in its help
without loading the maths."""

DEFAULT_RUNS = 10_000
DEFAULT_SEED = 2026
