from django.db import migrations


def add_categories(apps, schema_editor):
    from market.categories import sync_categories

    sync_categories(apps.get_model("market", "Category"))


def search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS market_product_title_trgm "
        "ON market_product USING gin (title gin_trgm_ops);"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS market_product_fts ON market_product USING gin "
        "((setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'A') || "
        "setweight(to_tsvector('simple'::regconfig, COALESCE(description, '')), 'B')));"
    )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS market_product_title_trgm;")
    schema_editor.execute("DROP INDEX IF EXISTS market_product_fts;")


class Migration(migrations.Migration):
    dependencies = [("market", "0001_initial")]

    operations = [
        migrations.RunPython(add_categories, migrations.RunPython.noop),
        migrations.RunPython(search_indexes, drop_search_indexes),
    ]
