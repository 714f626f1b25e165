"""One page of every public page type, on the demo content.

Shared by the checks that must cover every public page type: the browser's
(axe, layout) and the Nu Html Checker's.
"""

from django.contrib.auth import get_user_model

from cms.demo import demo_seed
from hearings.alert_links import confirm_token, unsubscribe_token
from hearings.models import (
    HearingIndexPage,
    HearingResponsePage,
    ResponseAlertSubscription,
)
from hearings.selectors import hearings_open
from pages.annual_plans.selectors import annual_plan_current
from pages.models import (
    AccessibilityStatementPage,
    ContentPage,
    MeetingIndexPage,
    MeetingMinutesPage,
    MeetingPage,
)
from tests.factories import HearingFactory, HearingResponsePageFactory
from workflows.personal_link_services import (
    personal_link_create,
    personal_link_revoke,
)
from workflows.personal_links import link_path

# Needs ROOT_URLCONF = "tests.browser.urls" (it adds the failing page).
SERVER_ERROR_PATH = "/test-fejl/"
# Pages that answer with an error status on purpose; every other one is 200.
ERROR_STATUS = {
    "not_found": 404,
    "server_error": 500,
    "alert_link_refused": 400,
    "personal_link_refused": 410,
}


def demo_council():
    """The demo's default council (Eksempelby), seeded with its content."""
    return demo_seed(password="public-pages-password", port=80).sites["eksempelby"]


def _response_page(site):
    """A live response of the council: the demo's, or one made here."""
    response = HearingResponsePage.objects.descendant_of(site.root_page).live().first()
    if response is None:
        index = HearingIndexPage.objects.child_of(site.root_page).get()
        response = HearingResponsePageFactory(
            parent=index,
            hearing=HearingFactory(council=site),
            title="Rådets svar om nye boliger",
            published=True,
        )
    return response


def _path(page):
    """The page's path on its site."""
    return page.get_url_parts()[2]


def _alert_paths(site, index):
    alert = ResponseAlertSubscription.objects.create(
        council=site, email="laeser@borger.dk", language="da"
    )
    confirm = confirm_token(subscription=alert)
    return {
        "alert_subscribe": index + "abonnement/",
        "alert_sent": index + "abonnement/sendt/",
        "alert_confirm": index + f"abonnement/bekraeft/{confirm}/",
        "alert_link_refused": index + "abonnement/bekraeft/forkert/",
        "alert_unsubscribe": (
            f"/abonnement/afmeld/{unsubscribe_token(subscription=alert)}/"
        ),
    }


def _personal_link_paths(site, response):
    """The demo member's personal link to a response, and a revoked one."""
    users = get_user_model().objects
    made = {
        "page": response,
        "member": users.get(username="medlem-eksempelby"),
        "user": users.get(username="sekretaer-eksempelby"),
        "valid_days": 14,
        "delivery": "paper",
    }
    revoked = personal_link_create(**made)
    personal_link_revoke(link=revoked, user=made["user"])
    return {
        "personal_link": link_path(link=personal_link_create(**made)),
        "personal_link_refused": link_path(link=revoked),
    }


def public_page_paths(site):
    """Name -> Danish path of one page of every public type of the council."""
    home = site.root_page
    response = _response_page(site)
    hearings = _path(response.get_parent())
    open_id = hearings_open(site=site)[0].pk
    minutes = MeetingMinutesPage.objects.descendant_of(home).live()
    minutes = minutes.filter(decisions__dissent__gt="").distinct().first()
    meeting = MeetingPage.objects.filter(pk=minutes.get_parent().pk)
    index = _path(HearingIndexPage.objects.child_of(home).get())
    return {
        "home": "/",
        "hearing_index": index,
        "hearing_response": _path(response),
        "hearing_response_poster": _path(response) + "opslag/",
        "hearing": hearings + f"hoering/{response.hearing_id}/",
        # "Skriv til rådet" on an open hearing: the form and the receipt.
        "citizen_input": hearings + f"hoering/{open_id}/skriv/",
        "citizen_input_sent": hearings + f"hoering/{open_id}/skriv/tak/",
        "content": _path(ContentPage.objects.child_of(home).live().first()),
        "meeting_index": _path(MeetingIndexPage.objects.child_of(home).get()),
        # With minutes, held at one of the council's places.
        "meeting": _path(meeting.first()),
        "meeting_poster": _path(meeting.first()) + "opslag/",
        # With decisions, a dissent and attendance.
        "meeting_minutes": _path(minutes),
        # This year's, with budget windows, meetings and hearing deadlines.
        "annual_plan": _path(annual_plan_current(site_root=home)),
        "accessibility_statement": _path(
            AccessibilityStatementPage.objects.child_of(home).get()
        ),
        **_alert_paths(site, index),
        # A member's personal link to a draft: the page it opens, and the
        # answer once the secretariat revoked it.
        **_personal_link_paths(site, response),
        "search_results": "/soeg/?q=r%C3%A5det",
        "search_empty": "/soeg/",
        # Nothing found: "Mente du: hjemløse?" as a link.
        "search_suggestion": "/soeg/?q=hjeml%C3%A6se",
        "not_found": "/denne-side-findes-ikke/",
        "server_error": SERVER_ERROR_PATH,
    }
