"""The annual plan's words for the kinds of its items (pages.annual_plans)."""

from django import template

from pages.annual_plans.wheel import kind_label

register = template.Library()


@register.filter
def year_item_kind(item):
    """What the item is, in words: "Rådsmøde", "Høringsfrist", …"""
    return kind_label(item.kind)
