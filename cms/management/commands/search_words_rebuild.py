from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from pages.services import search_words_refresh


class Command(BaseCommand):
    help = (
        'Fill the words the public search suggests from ("Mente du: …?") '
        "for every live page, e.g. after installing the search's Danish word "
        "forms; run `manage.py update_index` too, which indexes the forms. "
        "Publishing keeps both up to date afterwards."
    )

    def handle(self, *args, **options):
        page_ids = list(Page.objects.live().values_list("pk", flat=True))
        for page_id in page_ids:
            with transaction.atomic():
                search_words_refresh(page_id=page_id)
        self.stdout.write(f"Search words refreshed for {len(page_ids)} live pages.")
