"""The checks: each a function from claims (and what they need) to Checks.

Every check that is made is returned, consistent ones too, so an editor (and a test)
sees what was verified.
"""

from factcheck.checks.conversion import check_conversions, conversion_pairs
from factcheck.checks.cross_source import check_clusters

__all__ = ["check_clusters", "check_conversions", "conversion_pairs"]
