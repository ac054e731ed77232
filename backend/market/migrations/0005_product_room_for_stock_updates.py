from django.db import migrations

# Every order changes its products' stock. With full pages PostgreSQL cannot keep the new
# row version on the same page, so about half of those updates were not HOT: each one
# added entries to every index, the two GIN indexes' pending lists grew, and the
# catalogue search slowed down run after run of the load test (p95 68 → 144 ms, database
# CPU per search 0.9 → 4.0 ms) until a VACUUM (docs/benchmarks.md, section 3). Free room
# on each page lets a stock update stay on its page without touching any index, and
# autovacuum comes sooner than after 20% of the table. PostgreSQL only; existing pages
# get the room as they are rewritten (VACUUM FULL or pg_repack to do it at once).
STORAGE = (
    "fillfactor = 90, autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02"
)


def set_storage(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE market_product SET ({STORAGE})")


def reset_storage(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE market_product RESET "
            "(fillfactor, autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor)"
        )


class Migration(migrations.Migration):
    dependencies = [("market", "0004_search_document")]

    operations = [migrations.RunPython(set_storage, reset_storage, elidable=False)]
