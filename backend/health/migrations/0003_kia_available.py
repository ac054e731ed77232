from django.db import migrations


def make_available(apps, schema_editor):
    apps.get_model("core", "PublicService").objects.filter(code="kia").update(available=True)


class Migration(migrations.Migration):
    dependencies = [("health", "0002_schedule"), ("core", "0003_holidays_notifications")]

    operations = [migrations.RunPython(make_available, migrations.RunPython.noop)]
