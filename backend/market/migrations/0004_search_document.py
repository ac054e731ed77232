from django.db import migrations

# The words of a product as a stored column (PostgreSQL only), kept up to date by the
# database itself, with its own GIN index: the catalogue search filters and ranks on it
# without computing to_tsvector per row (docs/benchmarks.md, section 2).
SEARCH_DOCUMENT = (
    "setweight(to_tsvector('simple'::regconfig, COALESCE(title, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, COALESCE(description, '')), 'B')"
)


def add_search_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE market_product ADD COLUMN IF NOT EXISTS search_document tsvector "
        f"GENERATED ALWAYS AS ({SEARCH_DOCUMENT}) STORED;"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS market_product_search_document "
        "ON market_product USING gin (search_document);"
    )
    # The expression index it replaces.
    schema_editor.execute("DROP INDEX IF EXISTS market_product_fts;")


def drop_search_document(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS market_product_fts ON market_product USING gin (({SEARCH_DOCUMENT}));"
    )
    schema_editor.execute("DROP INDEX IF EXISTS market_product_search_document;")
    schema_editor.execute("ALTER TABLE market_product DROP COLUMN IF EXISTS search_document;")


class Migration(migrations.Migration):
    dependencies = [("market", "0003_umkm_available")]

    operations = [migrations.RunPython(add_search_document, drop_search_document)]
