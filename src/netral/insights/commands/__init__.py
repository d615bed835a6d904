"""Command-line entry points of netral.insights."""
