from django.utils.translation import gettext_lazy as _

from pages.models import BasePage


class HearingIndexPage(BasePage):
    """The council's list of published hearing responses ("Høringssvar")."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["hearings.HearingResponsePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hearing response index")
        verbose_name_plural = _("hearing response indexes")
