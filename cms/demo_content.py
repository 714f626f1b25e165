"""Fictitious Danish demo content for one council's site.

Written for this project; any likeness to a real council is accidental. Each
function checks before it adds, so seeding twice adds nothing.
"""

from cms.demo_annual_plans import demo_annual_plans_seed
from cms.demo_approval import demo_approve
from cms.demo_hearings import demo_english_responses_seed, demo_hearings_seed
from cms.demo_pages import demo_pages_seed
from cms.demo_working_groups import demo_working_groups_seed
from pages.models import ContentPage

WELCOME = (
    "<p>Vi er et råd af borgere, fagfolk og frivillige. Vi giver byrådet råd om "
    "alt det, der har betydning for mennesker, der lever et liv på kanten.</p>"
    "<p>Her kan du læse vores høringssvar, se hvornår vi holder møde, og "
    "skrive til os.</p>"
)

ABOUT_BODY = [
    ("heading", {"text": "Hvem er vi?", "level": "h2"}),
    (
        "paragraph",
        "<p>Rådet har elleve medlemmer. Nogle af os har selv prøvet at stå uden "
        "bolig, job eller netværk. Andre arbejder på et værested, i en forening "
        "eller i kommunen.</p>",
    ),
    ("heading", {"text": "Hvad laver vi?", "level": "h2"}),
    (
        "paragraph",
        "<p>Kommunen sender os forslag til nye regler, planer og budgetter. Vi "
        "læser dem og skriver et høringssvar. Formanden godkender svaret, før "
        "det bliver sendt og lagt her på siden.</p>"
        "<ul><li>Vi holder fire møder om året.</li>"
        "<li>Møderne er åbne, og alle kan komme.</li>"
        "<li>Vi behandler ikke sager om enkeltpersoner.</li></ul>",
    ),
]


def demo_content_seed(*, site):
    """Add the pages and texts a visitor of the demo council expects to see."""
    home = site.root_page.specific
    if not home.body:
        home.body = WELCOME
        demo_approve(page=home, site=site)
    about = ContentPage.objects.child_of(home).filter(slug="om-raadet").first()
    if about is not None and not about.body:
        about.introduction = "Sådan arbejder rådet, og hvem der sidder i det."
        about.body = ABOUT_BODY
        demo_approve(page=about, site=site)
    _other_apps_seed(site)


def _other_apps_seed(site):
    """Hearings, responses in every state, content pages and the statement,
    working groups."""
    demo_hearings_seed(site=site)
    demo_english_responses_seed(site=site)
    demo_pages_seed(site=site)
    demo_annual_plans_seed(site=site)
    demo_working_groups_seed(site=site)
