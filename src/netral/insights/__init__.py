"""Insights: dashboards, maps, exports and the vulnerability index for every jurisdiction (counts only)."""
