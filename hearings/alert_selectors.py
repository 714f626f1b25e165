"""Reads of the response alerts: who is to hear of a response, and in which
language version."""

from django.db.models import Exists, OuterRef, Q
from wagtail.models import Locale

# The modules, not the package: the index page's routes use this module, so
# the package is still being loaded when it is imported.
from hearings.models.alerts import ResponseAlertSent, ResponseAlertSubscription
from hearings.models.response import HearingResponsePage
from hearings.models.themes import themes_for_display


def alert_subscriptions_for_response(*, response):
    """Confirmed subscriptions of the response's own council that want it
    (no themes chosen, or one of its hearing's themes) and were not yet
    told of it in any language."""
    hearing = response.hearing
    already = ResponseAlertSent.objects.filter(
        subscription=OuterRef("pk"), response_key=response.translation_key
    )
    wanted = Q(themes__isnull=True) | Q(themes__in=hearing.themes.all())
    return (
        ResponseAlertSubscription.objects.filter(
            council_id=hearing.council_id, confirmed_at__isnull=False
        )
        .filter(wanted)
        .exclude(Exists(already))
        .distinct()
        .order_by("pk")
    )


def response_for_reader(*, response, language):
    """The live version of the response in the reader's language, else the
    given (live) one."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == response.locale_id:
        return response
    translated = (
        HearingResponsePage.objects.live()
        .filter(translation_key=response.translation_key, locale=locale)
        .first()
    )
    return translated or response


def alert_themes():
    """The vocabulary a reader can choose from: the council's language's
    themes (the ones hearings carry), named in the active language."""
    return themes_for_display().filter(locale=Locale.get_default())
