"""Media monitoring: sources, fetching, items, near-duplicate stories, alerts and their triage (deteksi dini)."""
