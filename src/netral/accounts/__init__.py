"""Staff accounts. Roles and jurisdictions arrive with case handling; the custom user model starts here."""
