"""Whose meeting rows are whose, told to the base layer's tenancy rules.

An agenda item belongs to the council of its meeting: a decision in the
minutes may point only at its own council's items (cms.references asks
cms.tenancy). Loaded from PagesConfig.ready().
"""

from cms.tenancy import object_owner, register_owner
from pages.models import MeetingAgendaItem


@register_owner(MeetingAgendaItem)
def agenda_item_owner(item):
    return object_owner(item.page)
