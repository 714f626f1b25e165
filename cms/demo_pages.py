"""Fictitious Danish demo content for the public site of one council.

The texts are written for this project; any likeness to a real council or
municipality is accidental. Every step checks before it adds, so seeding twice
changes nothing.
"""

import datetime

from django.utils import timezone

from cms.demo_approval import demo_approve
from cms.models import CouncilSettings, MeetingPlace
from hearings.models import HearingResponsePage
from pages.attendance import meeting_attendees
from pages.models import (
    AccessibilityStatementPage,
    AssessmentMethod,
    Attendance,
    ComplianceStatus,
    ContentPage,
    HomePage,
    MeetingAgendaItem,
    MeetingIndexPage,
    MeetingMinutesPage,
    MeetingPage,
    MinutesAttendance,
    MinutesDecision,
)

POLICY_PAGE = {
    "slug": "udsattepolitik",
    "title": "Kommunens udsattepolitik",
    "introduction": "Hvad politikken lover, og hvordan rådet holder øje med den.",
    "body": [
        ("heading", {"text": "Fire løfter", "level": "h2"}),
        (
            "paragraph",
            "<p>Byrådet vedtog politikken efter en lang høring, hvor rådet "
            "var med hele vejen. Den lover fire ting:</p>"
            "<ol><li>Ingen skal sove på gaden mere end én nat, fordi der ikke "
            "er plads.</li><li>Man skal kunne få hjælp uden at fortælle sin "
            "historie forfra hver gang.</li><li>Værestederne skal have åbent "
            "i weekenden.</li><li>Borgere med egne erfaringer skal have en "
            "stemme, når tilbud laves om.</li></ol>",
        ),
        ("heading", {"text": "Sådan følger vi op", "level": "h2"}),
        (
            "paragraph",
            "<p>Hvert efterår beder rådet forvaltningen om tal og eksempler. "
            "Vi skriver kort, hvad der er lykkedes, og hvad der mangler, og "
            "lægger det her på siden.</p>",
        ),
    ],
}

CONTACT_PAGE = {
    "slug": "kontakt",
    "title": "Skriv eller ring til rådet",
    "introduction": "Du kan altid kontakte os. Du behøver ikke at være medlem.",
    "body": [
        (
            "paragraph",
            "<p>Har du en idé, en bekymring eller noget, rådet bør vide? Skriv "
            "eller ring til sekretariatet. Vi svarer inden for en uge.</p>"
            "<p>Rådet kan ikke hjælpe med en sag om dig selv, men vi kan "
            "fortælle dig, hvor du kan få hjælp.</p>",
        ),
        ("heading", {"text": "Mød os", "level": "h2"}),
        (
            "paragraph",
            "<p>Første tirsdag i måneden sidder to af rådets medlemmer på "
            "værestedet fra klokken 10 til 12. Kom forbi og få en kop kaffe.</p>",
        ),
    ],
}

STATEMENT_INTRO = "Sådan kan alle bruge rådets hjemmeside, og det mangler vi."

STATEMENT_PROBLEMS = [
    {
        "description": "Nogle af kommunens høringsbilag er scannede PDF-filer. "
        "En skærmlæser kan ikke læse teksten i dem.",
        "reason": "outside_scope",
        "alternative": "Ring til sekretariatet, så læser vi bilaget op eller "
        "sender det som almindelig tekst.",
    },
    {
        "description": "Referater fra før 2024 findes kun som billeder af papir.",
        "reason": "disproportionate_burden",
        "alternative": "Skriv til os, så sender vi referatet som tekst.",
    },
]

# The council's meeting places; MEETINGS name them by "location".
MEETING_PLACES = {
    "Værestedet Lyset, Stationsvej 4": {
        "name": "Værestedet Lyset",
        "address": "Stationsvej 4",
        "step_free": True,
        "access_note": "Indgang fra gården. Elevator til mødelokalet på 1. sal.",
        "facilities": "kaffe, te og aftensmad",
    },
    "Rådhuset, mødesal 3": {
        "name": "Rådhuset, mødesal 3",
        "address": "Torvet 1",
        "step_free": True,
        "access_note": "Rampe ved hovedindgangen. Spørg i receptionen.",
        "facilities": "kaffe og frugt",
    },
    "Værestedet Havnen, Kajgade 2": {
        "name": "Værestedet Havnen",
        "address": "Kajgade 2",
        "step_free": False,
        "access_note": "Tre trin ved døren. Ring på, så hjælper vi.",
        "facilities": "kaffe og et stille rum",
    },
}

# Each council's own meetings (by the first part of its host name): title,
# days from today, place (a MEETING_PLACES key), agenda items (title,
# easy-read line, asked for by and, optionally, the hearing whose response
# the item concerns) and, for a meeting held, its minutes: the
# easy-read minutes and per item the decision and any dissent.
MEETINGS = {
    "eksempelby": [
        {
            "slug": "raadsmoede-foraar",
            "title": "Rådsmøde om boligsocial indsats",
            "days": -40,
            "location": "Værestedet Lyset, Stationsvej 4",
            "introduction": "Rådet drøftede kommunens udkast til boligplan.",
            "public": True,
            "remote": "",
            "items": [
                ("Velkomst og nyt fra formanden", "", "Formanden"),
                (
                    "Kommunens udkast til boligplan",
                    "Kommunen vil bygge nye boliger. Hvem skal bo i dem?",
                    "Kommunens boligafdeling",
                    "Boligsocial helhedsplan for Engparken",
                ),
                ("Eventuelt", "", ""),
            ],
            "minutes": {
                "easy": "Vi talte om boliger. Mange mangler et sted at bo. Vi vil "
                "bede kommunen om flere billige boliger.",
                "decisions": [
                    ("Taget til efterretning.", ""),
                    (
                        "Rådet skriver et høringssvar med fokus på skæve boliger.",
                        "Et medlem ønskede også boliger til unge under 25.",
                    ),
                    ("Intet.", ""),
                ],
            },
        },
        {
            "slug": "raadsmoede-vinter",
            "title": "Rådsmøde om vinterberedskab",
            "days": 21,
            "location": "Rådhuset, mødesal 3",
            "introduction": "Hvordan klarer kommunen kolde nætter for hjemløse?",
            "public": True,
            "remote": "Ring 70 10 20 30 og tast mødekoden 4455.",
            "items": [
                (
                    "Natvarmestuen i vinter",
                    "Hvor kan man sove, når det er koldt?",
                    "Palle Vind, medlem",
                ),
                ("Eventuelt", "", ""),
            ],
            "minutes": None,
        },
        {
            "slug": "raadsmoede-om-vaeresteder",
            "title": "Rådsmøde om værestedernes åbningstider",
            "days": -95,
            "location": "Værestedet Havnen, Kajgade 2",
            "introduction": "Rådet mødtes på værestedet og talte med brugerne.",
            "public": True,
            "remote": "",
            "items": [
                (
                    "Åbent om søndagen",
                    "Brugerne vil gerne have åbent om søndagen.",
                    "Brugerrådet på Havnen",
                ),
            ],
            "minutes": {
                "easy": "Vi var på værestedet. Brugerne vil gerne have åbent om "
                "søndagen. Vi skriver til byrådet om det.",
                "decisions": [
                    ("Rådet foreslår åbent hver anden søndag som forsøg.", ""),
                ],
            },
        },
    ],
    "provestrup": [
        {
            "slug": "raadsmoede-om-misbrug",
            "title": "Rådsmøde om hjælp til borgere med misbrug",
            "days": -30,
            "location": "Værestedet Havnen, Kajgade 2",
            "introduction": "Rådet hørte om ventetiden på behandling.",
            "public": False,
            "remote": "",
            "items": [
                (
                    "Ventetid på behandling",
                    "Hvor længe skal man vente på hjælp?",
                    "Ole Krog, formand",
                    "Sundhedspolitik 2026-2030",
                ),
                ("Næste møde", "", ""),
            ],
            "minutes": {
                "easy": "Man venter for længe på hjælp. Vi beder kommunen om "
                "kortere ventetid.",
                "decisions": [
                    ("Rådet sender et brev til socialudvalget.", ""),
                    ("Næste møde holdes i Rådhuset.", ""),
                ],
            },
        },
        {
            "slug": "raadsmoede-om-budget",
            "title": "Rådsmøde om budgettet for socialområdet",
            "days": 35,
            "location": "Rådhuset, mødesal 3",
            "introduction": "Hvad skal rådet bede om i næste års budget?",
            "public": True,
            "remote": "Ring 70 40 50 60, så ringer vi dig op til mødet.",
            "items": [
                (
                    "Budgetseminaret i foråret",
                    "Hvad vil vi bede byrådet om penge til?",
                    "Sekretariatet",
                ),
            ],
            "minutes": None,
        },
    ],
}


def demo_pages_seed(*, site):
    """Add content pages, meetings and the accessibility statement's text."""
    home = HomePage.objects.get(pk=site.root_page_id)
    for spec in (POLICY_PAGE, CONTACT_PAGE):
        _content_page_ensure(home, spec, site)
    index = MeetingIndexPage.objects.child_of(home).first()
    if index is not None:
        council = CouncilSettings.for_site(site)
        places = _meeting_places_ensure(council)
        for spec in MEETINGS.get(site.hostname.split(".")[0], MEETINGS["eksempelby"]):
            _meeting_ensure(index, spec, places[spec["location"]], site)
    _statement_fill(home, site)


def _content_page_ensure(home, spec, site):
    if ContentPage.objects.child_of(home).filter(slug=spec["slug"]).exists():
        return
    page = ContentPage(
        title=spec["title"],
        slug=spec["slug"],
        introduction=spec["introduction"],
        body=spec["body"],
        live=False,
    )
    home.add_child(instance=page)
    demo_approve(page=page, site=site)


def _meeting_places_ensure(council):
    """{MEETINGS location: the council's MeetingPlace}, made where missing."""
    places = {}
    for key, spec in MEETING_PLACES.items():
        address = f"{spec['address']}, {council.municipality}"
        place, _created = MeetingPlace.objects.get_or_create(
            council_settings=council,
            name=spec["name"],
            defaults={**spec, "address": address},
        )
        places[key] = place
    return places


def _meeting_ensure(index, spec, place, site):
    if MeetingPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return
    day = timezone.localdate() + datetime.timedelta(days=spec["days"])
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17)))
    meeting = MeetingPage(
        title=spec["title"],
        slug=spec["slug"],
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
        place=place,
        introduction=spec["introduction"],
        public_may_attend=spec["public"],
        remote_participation=spec["remote"],
        live=False,
    )
    for title, easy, asked_by, *hearing in spec["items"]:
        item = MeetingAgendaItem(
            title=title, easy_read_line=easy, requested_by=asked_by
        )
        if hearing:
            item.hearing_response = _live_response(site, hearing[0])
        meeting.agenda_items.add(item)
    index.add_child(instance=meeting)
    demo_approve(page=meeting, site=site)
    if spec["minutes"]:
        _minutes_ensure(meeting, spec["minutes"], site)


def _minutes_ensure(meeting, spec, site):
    """The minutes of a held meeting, approved on their own; every member and
    chair is on the attendance list (named publicly only by their choice)."""
    items = list(meeting.agenda_items.all())
    minutes = MeetingMinutesPage(
        title="Referat", slug="referat", easy_read_minutes=spec["easy"], live=False
    )
    for item, (decision, dissent) in zip(items, spec["decisions"], strict=True):
        minutes.decisions.add(
            MinutesDecision(agenda_item=item, decision=decision, dissent=dissent)
        )
    statuses = [Attendance.PRESENT, Attendance.PHONE, Attendance.ABSENT]
    for number, person in enumerate(meeting_attendees(site_ids=[site.pk])):
        status = statuses[number % len(statuses)]
        minutes.attendance.add(MinutesAttendance(member=person, status=status))
    meeting.add_child(instance=minutes)
    demo_approve(page=minutes, site=site)


def _live_response(site, hearing_title):
    """The council's live response to the hearing of that title, or None."""
    return (
        HearingResponsePage.objects.live()
        .filter(hearing__council=site, hearing__title=hearing_title)
        .first()
    )


def _statement_fill(home, site):
    """Fill in the statement that create_council made, once."""
    statement = AccessibilityStatementPage.objects.child_of(home).first()
    if statement is None or statement.non_accessible_content:
        return
    statement.introduction = STATEMENT_INTRO
    statement.compliance_status = ComplianceStatus.PARTIAL
    statement.non_accessible_content = [("item", p) for p in STATEMENT_PROBLEMS]
    statement.assessment_method = AssessmentMethod.SELF
    statement.assessment_details = (
        "Vi har testet alle sidetyper med værktøjet axe i en browser, i fuld "
        "bredde og på en smal mobilskærm, og vi har prøvet siden med "
        "tastatur og skærmlæser."
    )
    statement.feedback_response_time = "inden for ti arbejdsdage."
    demo_approve(page=statement, site=site)
