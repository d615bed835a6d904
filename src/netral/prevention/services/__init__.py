"""Prevention services: plain functions that check access, change records and write the audit entry."""
