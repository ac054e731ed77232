from django.db import migrations


def load_catalogue(apps, schema_editor):
    from civil.catalogue import sync_catalogue

    sync_catalogue(apps.get_model("civil", "ServiceType"))


class Migration(migrations.Migration):
    dependencies = [("civil", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
