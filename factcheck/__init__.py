"""factcheck: check the numbers in news text before it is published."""
