"""Prevention pages: parse → check access → call a service → render."""
