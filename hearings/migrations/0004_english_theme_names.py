"""Give the seeded themes their English names (the English site's filters).

English rows share the Danish row's translation_key and slug, exactly as a
translation made in wagtail-localize's editor would; editors can change the
names later in the admin.
"""

from django.db import migrations

ENGLISH = {
    "fattigdom": "Poverty",
    "sundhed": "Health",
    "hjemløshed": "Homelessness",
    "misbrug": "Substance abuse",
    "vold": "Violence",
    "psykiatri": "Mental health",
    "integration-og-inklusion": "Integration and inclusion",
    "bolig": "Housing",
    "beskæftigelse": "Employment",
    "børn-og-unge": "Children and young people",
    "ensomhed": "Loneliness",
}


def add_english_names(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("hearings", "Theme")
    english, _created = Locale.objects.get_or_create(language_code="en")
    for danish in Theme.objects.filter(slug__in=ENGLISH).exclude(locale=english):
        Theme.objects.get_or_create(
            translation_key=danish.translation_key,
            locale=english,
            defaults={"name": ENGLISH[danish.slug], "slug": danish.slug},
        )


def remove_english_names(apps, schema_editor):
    Theme = apps.get_model("hearings", "Theme")
    Theme.objects.filter(
        locale__language_code="en", slug__in=ENGLISH, hearings__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("hearings", "0003_seed_themes"),
        ("cms", "0002_english_locale_and_no_welcome_page"),
    ]

    operations = [migrations.RunPython(add_english_names, remove_english_names)]
