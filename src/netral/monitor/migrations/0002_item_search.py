"""Full-text search over items: an FTS5 table on SQLite (filled by the ingest service with Snowball stems), a GIN
expression index with PostgreSQL's own `indonesian` configuration in production. See netral.monitor.search."""

from django.db import migrations

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS monitor_item_fts USING fts5("
    "title, body, content='', tokenize='unicode61 remove_diacritics 2')",
]
SQLITE_REVERSE = ["DROP TABLE IF EXISTS monitor_item_fts"]
POSTGRES = [
    "CREATE INDEX IF NOT EXISTS monitor_item_search ON monitor_item "
    "USING GIN (to_tsvector('indonesian', title || ' ' || text))",
]
POSTGRES_REVERSE = ["DROP INDEX IF EXISTS monitor_item_search"]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("monitor", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        ),
    ]
