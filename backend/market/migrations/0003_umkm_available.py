from django.db import migrations


def make_available(apps, schema_editor):
    apps.get_model("core", "PublicService").objects.filter(code="umkm").update(available=True)


class Migration(migrations.Migration):
    dependencies = [
        ("market", "0002_categories_and_search"),
        ("core", "0003_holidays_notifications"),
    ]

    operations = [migrations.RunPython(make_available, migrations.RunPython.noop)]
