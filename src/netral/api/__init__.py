"""The public API (django-ninja, OpenAPI 3.1): token authentication with scopes and a jurisdiction."""
