"""Links to the council's calendar feed for calendar programs."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def webcal_url(context):
    """The feed's address with the webcal scheme: a calendar program that
    opens it subscribes to the feed (and refreshes it) instead of importing
    a copy once."""
    request = context.get("request")
    return f"webcal://{request.get_host()}{reverse('calendar_feed')}"
