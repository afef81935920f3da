"""The checks: each a function from claims (and what they need) to Checks.

Every check that is made is returned, consistent ones too, so an editor (and a test)
sees what was verified.
"""

from factcheck.checks.conversion import check_conversions, conversion_pairs
from factcheck.checks.cross_source import check_clusters
from factcheck.checks.growth import arithmetic_growth
from factcheck.checks.shares import arithmetic_percentage, implied_claims
from factcheck.checks.totals import arithmetic_total

__all__ = [
    "arithmetic_growth",
    "arithmetic_percentage",
    "arithmetic_total",
    "check_clusters",
    "check_conversions",
    "conversion_pairs",
    "implied_claims",
]
