"""Background tasks of the core app (Django tasks API; run by `netral worker` or the worker inside `netral serve`)."""

from __future__ import annotations

from django_tasks import task


@task()
def reload_reference_data(force: bool = False) -> dict[str, int]:
    """Mirror the region and rules data files into the database; returns rows written per dataset."""
    from netral.geo.loading import load_regions
    from netral.rules.loading import load_rules

    rules_written, _kept = load_rules(force=force)
    return {"geo.regions": load_regions(force=force), "rules.catalogue": rules_written}
