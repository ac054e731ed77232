from django.db import migrations


def make_available(apps, schema_editor):
    PublicService = apps.get_model("core", "PublicService")
    PublicService.objects.filter(code="adminduk").update(available=True)


class Migration(migrations.Migration):
    dependencies = [("civil", "0002_catalogue"), ("core", "0003_holidays_notifications")]

    operations = [migrations.RunPython(make_available, migrations.RunPython.noop)]
