"""Pages of media monitoring: the alert queue and triage, item search, sources and uploads, the watchlist."""
