"""Fictitious demo hearings and responses for one council, in every state.

All names, case numbers and texts are made up. Dates are relative to today,
so the demo always has an open hearing, an overdue one and a decided one.
Running the seed again changes nothing: hearings are found by case number.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.council_translations import page_translation_save
from cms.demo_approval import demo_approve
from cms.models import CouncilRole, CouncilSettings
from cms.selectors import council_group
from hearings.models import Hearing, HearingResponsePage, PointsUsed, Theme
from hearings.services import response_page_ensure

DEMO_HEARINGS = [
    {
        "key": "modtaget",
        "title": "Ændrede åbningstider i Borgerservice",
        "committee": "Økonomiudvalget",
        "summary": (
            "Kommunen foreslår, at Borgerservice kun har åbent uden tidsbestilling "
            "to dage om ugen. De andre dage skal man bestille tid på nettet."
        ),
        "received": -3,
        "deadline": 25,
        "themes": ["Fattigdom", "Ensomhed"],
    },
    {
        "key": "udkast",
        "title": "Nyt botilbud for hjemløse på Havnevej",
        "committee": "Socialudvalget",
        "summary": (
            "Et tidligere plejehjem bygges om til 18 boliger med personale "
            "døgnet rundt for borgere uden egen bolig."
        ),
        "received": -18,
        "deadline": 10,
        "themes": ["Hjemløshed", "Bolig"],
        "response": "draft",
    },
    {
        "key": "formand",
        "title": "Budgetforslag for socialområdet",
        "committee": "Socialudvalget",
        "summary": (
            "Forslaget til næste års budget flytter penge fra væresteder til "
            "en ny indsats for unge med misbrug."
        ),
        "received": -22,
        "deadline": 5,
        "themes": ["Misbrug", "Børn og unge"],
        "response": "workflow",
    },
    {
        "key": "frist",
        "title": "Lukning af værestedet i Nordbyen",
        "committee": "Socialudvalget",
        "summary": (
            "Værestedet foreslås lukket, og brugerne henvises til kommunens "
            "andre tilbud i midtbyen."
        ),
        "received": -35,
        "deadline": -4,
        "themes": ["Ensomhed", "Psykiatri"],
    },
    {
        "key": "svar",
        "title": "Sundhedspolitik 2026-2030",
        "committee": "Sundheds- og Ældreudvalget",
        "summary": (
            "Kommunens nye sundhedspolitik med mål for lighed i sundhed, "
            "forebyggelse og hjælp til borgere med flere diagnoser."
        ),
        "received": -70,
        "deadline": -42,
        "themes": ["Sundhed", "Psykiatri"],
        "response": "published",
        "change_note": "Rettet datoen for rådets møde i afsnittet om inddragelse.",
    },
    {
        "key": "job",
        "title": "Jobindsats for borgere langt fra arbejdsmarkedet",
        "committee": "Beskæftigelsesudvalget",
        "summary": (
            "Jobcentret vil samle indsatsen for borgere, der har været uden "
            "arbejde i mange år, i ét nyt team med faste kontaktpersoner."
        ),
        "received": -100,
        "deadline": -75,
        "themes": ["Beskæftigelse", "Integration og inklusion"],
        "response": "published",
    },
    {
        "key": "afgjort",
        "title": "Boligsocial helhedsplan for Engparken",
        "committee": "Teknik- og Miljøudvalget",
        "summary": (
            "En plan for tryghed, fællesskab og flere billige boliger i "
            "boligområdet Engparken de næste fire år."
        ),
        "received": -150,
        "deadline": -120,
        "themes": ["Bolig", "Vold"],
        "response": "published",
        "decided": -60,
        "decision_summary": (
            "Byrådet vedtog planen. Rådets forslag om en tryghedsvandring hvert "
            "halve år kom med; forslaget om en fast gadeplansmedarbejder gjorde ikke."
        ),
        "points_used": PointsUsed.PARTLY,
    },
]


def demo_hearings_seed(*, site):
    """Create the demo hearings of one council (idempotent). Returns them."""
    today = timezone.localdate()
    council = CouncilSettings.for_site(site)
    secretary = _council_user(site, CouncilRole.SECRETARIAT)
    hearings = []
    for number, spec in enumerate(DEMO_HEARINGS, start=1):
        with transaction.atomic():
            hearing = _hearing_ensure(site, council, spec, number, today)
            if spec.get("response"):
                _response_ensure(hearing, spec, council, secretary, today)
        hearings.append(hearing)
    return hearings


def _council_user(site, role):
    return council_group(site=site, role=role).user_set.order_by("pk").first()


def _hearing_ensure(site, council, spec, number, today):
    case_number = f"DEMO-{today.year % 100:02d}.{number:02d}-{spec['key']}"
    hearing = Hearing.objects.filter(council=site, case_number=case_number).first()
    if hearing is not None:
        return hearing
    committee = _committee_for(council, spec["committee"])
    hearing = Hearing(
        council=site,
        case_number=case_number,
        title=spec["title"],
        summary=spec["summary"],
        municipal_committee=committee,
        committee=spec["committee"],
        contact_email=_contact_email(council, committee),
        received_on=today + datetime.timedelta(days=spec["received"]),
        deadline=today + datetime.timedelta(days=spec["deadline"]),
        decision_summary=spec.get("decision_summary", ""),
        points_used=spec.get("points_used", PointsUsed.UNKNOWN),
    )
    if "decided" in spec:
        hearing.decided_on = today + datetime.timedelta(days=spec["decided"])
    hearing.full_clean()
    hearing.save()
    hearing.themes.set(
        Theme.objects.filter(locale=Locale.get_default(), name__in=spec["themes"])
    )
    return hearing


# Prøvestrup's committees are cut differently: the committee that sends
# each demo hearing there.
PROVESTRUP_COMMITTEES = {
    "Socialudvalget": "Udvalget for Social og Omsorg",
    "Sundheds- og Ældreudvalget": "Udvalget for Social og Omsorg",
    "Beskæftigelsesudvalget": "Arbejdsmarkedsudvalget",
    "Teknik- og Miljøudvalget": "Plan-, Bolig- og Miljøudvalget",
}


def _committee_for(council, name):
    """The council's own committee that sends a demo hearing, or None (the
    hearing then keeps the name)."""
    if council.municipality.startswith("Prøvestrup"):
        name = PROVESTRUP_COMMITTEES.get(name, name)
    return council.committees.filter(name=name).first()


def _contact_email(council, committee):
    if committee is not None and committee.email:
        return committee.email
    slug = council.municipality.split()[0].lower()
    return council.hearing_email or f"hoering@{slug}.example"


def _response_ensure(hearing, spec, council, secretary, today):
    page = response_page_ensure(
        hearing=hearing, owner=secretary, **_response_content(hearing, council)
    )
    state = spec["response"]
    if state == "workflow":
        workflow = page.get_workflow()
        if workflow is not None and not page.workflow_in_progress and not page.live:
            workflow.start(page, secretary)
    elif state == "published" and not page.live:
        _publish_back_dated(page, hearing, spec, today)


def _publish_back_dated(page, hearing, spec, today):
    """Approve as if it happened two days before the deadline; then, if the
    spec has a change note, approve a corrected version a week later."""
    page.signed_on = hearing.deadline - datetime.timedelta(days=2)
    demo_approve(page=page, site=hearing.council)
    first = timezone.make_aware(
        datetime.datetime.combine(page.signed_on, datetime.time(10, 0))
    )
    last = first
    if spec.get("change_note"):
        page.refresh_from_db()
        page.change_note = spec["change_note"]
        demo_approve(page=page, site=hearing.council)
        last = first + datetime.timedelta(days=7)
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=first, last_published_at=last
    )


def _response_content(hearing, council):
    """A fresh Danish response to a demo hearing."""
    theme = hearing.title[0].lower() + hearing.title[1:]
    return {
        "introduction": (
            f"{council.name} har læst kommunens forslag om {theme} og har "
            "drøftet det på rådets møde."
        ),
        "easy_read_summary": (
            f"Kommunen vil ændre noget om {theme}. "
            "Rådet synes, at det kan blive godt. "
            "Men kommunen skal spørge de borgere, det handler om. "
            "Og hjælpen skal være nem at finde."
        ),
        "body": [
            (
                "paragraph",
                RichText(
                    "<p>Rådet takker for muligheden for at give sit syn på "
                    "forslaget. Rådets medlemmer kender udfordringerne fra deres "
                    "eget liv og fra deres arbejde i foreninger og tilbud.</p>"
                ),
            ),
            ("heading", {"text": "Det vil rådet gerne fremhæve", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<p>Forslaget har gode takter. Men det bygger på, at borgerne "
                    "selv opsøger hjælp, bestiller tid på nettet og møder op til "
                    "aftaler. Det kan mange af de borgere, rådet taler for, ikke. "
                    "Det skal forslaget tage højde for.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": "Jeg går ikke derhen, hvis jeg ikke kender nogen, "
                    "der arbejder der.",
                    "source": "Rådsmedlem med egen erfaring",
                },
            ),
            (
                "recommendations",
                {
                    "heading": "Rådet anbefaler",
                    "items": [
                        "At brugerne og deres organisationer inddrages, før "
                        "forslaget sættes i gang.",
                        "At der altid er en vej ind uden tidsbestilling og uden MitID.",
                        "At kommunen følger op efter et år og fortæller rådet, "
                        "hvordan det er gået.",
                    ],
                },
            ),
        ],
        "signed_by": "Formandskabet",
        "signer_role": f"På vegne af {council.name}",
    }


# The demo hearings whose response also gets an English translation, with
# the English name of what the hearing is about.
ENGLISH_TOPICS = {
    "Sundhedspolitik 2026-2030": "the health policy 2026–2030",
    "Boligsocial helhedsplan for Engparken": "the social housing plan for Engparken",
}


def demo_english_responses_seed(*, site):
    """Translate the demo responses named in ENGLISH_TOPICS into English.

    Made with wagtail-localize like an editor's translation and approved by
    the chairs like any other page.
    """
    english = Locale.objects.filter(language_code="en").first()
    council = CouncilSettings.for_site(site)
    responses = HearingResponsePage.objects.live().filter(
        hearing__council=site,
        hearing__title__in=ENGLISH_TOPICS,
        locale=Locale.get_default(),
    )
    for response in responses.select_related("hearing"):
        if english is None or response.has_translation(english):
            continue
        strings = _english_strings(response, council)
        translated = page_translation_save(
            page=response, locale=english, strings=strings
        )
        demo_approve(page=translated, site=site)


def _english_strings(response, council):
    """Content path → English text, matched on the Danish demo text."""
    from wagtail_localize.models import StringSegment, TranslationSource

    topic = ENGLISH_TOPICS[response.hearing.title]
    danish = _response_content(response.hearing, council)
    by_danish_text = {
        f"Høringssvar: {response.hearing.title}": f"Hearing response: {topic}",
        danish["introduction"]: (
            f"{council.name} has read the municipality's proposal on {topic} "
            "and discussed it at the council's meeting."
        ),
        danish["easy_read_summary"]: (
            f"The municipality wants to change {topic}. The council thinks it "
            "can be good. But the municipality must ask the people it is about. "
            "And help must be easy to find."
        ),
        **ENGLISH_BODY,
        danish["signer_role"]: f"On behalf of {council.name}",
    }
    source, _created = TranslationSource.get_or_create_from_instance(response)
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    return {
        segment.context.path: by_danish_text[segment.string.data]
        for segment in segments
        if segment.string.data in by_danish_text
    }


ENGLISH_BODY = {
    "Rådet takker for muligheden for at give sit syn på forslaget. Rådets "
    "medlemmer kender udfordringerne fra deres eget liv og fra deres arbejde "
    "i foreninger og tilbud.": "The council is grateful for the chance to "
    "give its view on the proposal. Its members know the challenges from "
    "their own lives and from their work in associations and services.",
    "Det vil rådet gerne fremhæve": "What the council wants to point out",
    "Forslaget har gode takter. Men det bygger på, at borgerne selv opsøger "
    "hjælp, bestiller tid på nettet og møder op til aftaler. Det kan mange af "
    "de borgere, rådet taler for, ikke. Det skal forslaget tage højde for.": (
        "The proposal has good points. But it assumes that citizens seek help "
        "themselves, book appointments online and turn up to them. Many of "
        "the citizens the council speaks for cannot do that. The proposal "
        "must allow for it."
    ),
    "Jeg går ikke derhen, hvis jeg ikke kender nogen, der arbejder der.": (
        "I don't go there if I don't know anyone who works there."
    ),
    "Rådsmedlem med egen erfaring": "Council member with lived experience",
    "Rådet anbefaler": "The council recommends",
    "At brugerne og deres organisationer inddrages, før forslaget sættes i "
    "gang.": "That users and their organisations are involved before the "
    "proposal is put into practice.",
    "At der altid er en vej ind uden tidsbestilling og uden MitID.": (
        "That there is always a way in without an appointment and without MitID."
    ),
    "At kommunen følger op efter et år og fortæller rådet, hvordan det er "
    "gået.": "That the municipality follows up after a year and tells the "
    "council how it went.",
    "Formandskabet": "The chair and vice-chair",
}
