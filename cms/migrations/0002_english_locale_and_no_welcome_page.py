"""Add the English locale and remove Wagtail's stock "Welcome" site.

Councils get their own sites from create_council; the stock welcome page
would otherwise answer every unknown hostname.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale.objects.get_or_create(language_code="da")
    Locale.objects.get_or_create(language_code="en")
    plain = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    welcome = Page.objects.filter(
        depth=2, content_type=plain, slug="home", numchild=0
    ).first()
    if welcome is not None:
        Site.objects.filter(root_page=welcome).delete()
        welcome.delete()
        root = Page.objects.get(depth=1)
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_council_settings_and_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
