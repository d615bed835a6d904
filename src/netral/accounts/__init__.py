"""Staff accounts: the custom user model, roles (data/roles.toml), jurisdictions, and the access helper (access.py)."""
