"""Fictitious annual plans (årshjul) for the demo councils, different for
each: this year's, and last year's for Eksempelby.

Written for this project; any likeness to a real council's year is
accidental. Seeding twice adds nothing.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from cms.council_translations import page_translation_save
from cms.demo_approval import demo_approve
from pages.models import AnnualPlanEntry, AnnualPlanPage, HomePage

# (month, day, last month, last day or None, kind, title, one line)
EKSEMPELBY = {
    0: [
        (
            1,
            28,
            None,
            None,
            "other",
            "Rådets årsberetning",
            "Vi fortæller, hvad rådet nåede sidste år.",
        ),
        (
            3,
            3,
            3,
            4,
            "budget",
            "Budgetseminar for byrådet",
            "Byrådet sætter retningen for næste års budget. Skriv til os før marts.",
        ),
        (
            3,
            20,
            None,
            None,
            "budget",
            "Rådets ønsker til budgettet",
            "Vi sender vores ønsker til Social- og Sundhedsudvalget.",
        ),
        (7, 1, 7, 31, "other", "Sommerpause", "Rådet holder ikke møder i juli."),
        (
            9,
            4,
            None,
            None,
            "council_event",
            "Udsattedag på Torvet",
            "Vi står på Torvet med suppe og spørger, hvad du mangler.",
        ),
        (
            9,
            10,
            None,
            None,
            "budget",
            "Budgettet 1. behandling",
            "Byrådet drøfter forslaget første gang. Der er stadig tid at nå.",
        ),
        (
            10,
            8,
            None,
            None,
            "budget",
            "Budgettet 2. behandling",
            "Byrådet vedtager budgettet. Nu kan det kun ændres lidt.",
        ),
        (
            11,
            12,
            None,
            None,
            "council_event",
            "Temadag om hjemløshed",
            "En dag for alle om boliger, natcaféer og hjælp om vinteren.",
        ),
    ],
    -1: [
        (
            3,
            6,
            None,
            None,
            "budget",
            "Budgetseminar for byrådet",
            "Byrådet satte retningen for budgettet.",
        ),
        (
            9,
            5,
            None,
            None,
            "council_event",
            "Udsattedag på Torvet",
            "Rådet delte kaffe ud og talte med over hundrede borgere.",
        ),
        (
            10,
            9,
            None,
            None,
            "budget",
            "Budgettet 2. behandling",
            "Budgettet blev vedtaget med flere penge til værestederne.",
        ),
    ],
}

PROVESTRUP = {
    0: [
        (
            2,
            18,
            None,
            None,
            "budget",
            "Dialogmøde med Socialudvalget",
            "Her kan rådet pege på, hvad budgettet skal rumme.",
        ),
        (
            4,
            14,
            4,
            15,
            "budget",
            "Budgetværksted for borgere",
            "Alle kan komme og sige, hvad kommunen skal bruge penge på.",
        ),
        (
            6,
            2,
            None,
            None,
            "council_event",
            "Rådet besøger herberget",
            "Vi holder åbent møde på herberget og spiser sammen bagefter.",
        ),
        (
            8,
            25,
            9,
            8,
            "budget",
            "Høring over budgetforslaget",
            "Rådet skriver høringssvar om budgettet. Skriv til os i august.",
        ),
        (
            10,
            3,
            None,
            None,
            "council_event",
            "Udsattedag ved havnen",
            "Musik, mad og en snak om, hvad der skal blive bedre.",
        ),
        (
            12,
            15,
            None,
            None,
            "other",
            "Julefrokost på værestedet",
            "Rådet og brugerne af værestedet spiser julefrokost sammen.",
        ),
    ],
}

INTRODUCTIONS = {
    "eksempelby": "Her kan du se rådets år: møder, høringsfrister og de datoer, "
    "hvor vi kan påvirke kommunens budget.",
    "provestrup": "Rådets år på én side. Budgettet bliver formet i foråret, så "
    "det er der, vi skal sige vores mening.",
}


# Eksempelby's plan of this year in English, by its Danish texts.
ENGLISH = {
    "Her kan du se rådets år: møder, høringsfrister og de datoer, hvor vi kan "
    "påvirke kommunens budget.": "The council's year: meetings, hearing "
    "deadlines and the dates when we can influence the municipality's budget.",
    "Rådets årsberetning": "The council's annual report",
    "Vi fortæller, hvad rådet nåede sidste år.": "What the council did last year.",
    "Budgetseminar for byrådet": "Budget seminar of the municipal council",
    "Rådets ønsker til budgettet": "The council's wishes for the budget",
    "Sommerpause": "Summer break",
    "Rådet holder ikke møder i juli.": "The council does not meet in July.",
    "Udsattedag på Torvet": "Day of the socially vulnerable on the square",
    "Temadag om hjemløshed": "A day about homelessness",
    "Byrådet sætter retningen for næste års budget. Skriv til os før marts.": (
        "The municipal council sets the course of next year's budget. Write "
        "to us before March."
    ),
    "Vi sender vores ønsker til Social- og Sundhedsudvalget.": (
        "We send our wishes to the committee for social affairs and health."
    ),
    "Vi står på Torvet med suppe og spørger, hvad du mangler.": (
        "We are on the square with soup and ask what you are missing."
    ),
    "Budgettet 1. behandling": "The budget's first reading",
    "Byrådet drøfter forslaget første gang. Der er stadig tid at nå.": (
        "The municipal council discusses the proposal for the first time. "
        "There is still time."
    ),
    "Budgettet 2. behandling": "The budget's second reading",
    "Byrådet vedtager budgettet. Nu kan det kun ændres lidt.": (
        "The municipal council adopts the budget. Now only small changes are possible."
    ),
    "En dag for alle om boliger, natcaféer og hjælp om vinteren.": (
        "A day for everyone about housing, night cafés and help in winter."
    ),
}


def demo_annual_plans_seed(*, site):
    """The council's plans, each put live through the council's approval,
    and Eksempelby's of this year in English too."""
    key = "provestrup" if site.hostname.startswith("provestrup") else "eksempelby"
    plans = PROVESTRUP if key == "provestrup" else EKSEMPELBY
    home = HomePage.objects.get(pk=site.root_page_id)
    this_year = timezone.localdate().year
    for offset, entries in sorted(plans.items()):
        _plan_ensure(home, site, this_year + offset, entries, INTRODUCTIONS[key])
    if key == "eksempelby":
        plan = AnnualPlanPage.objects.child_of(home).get(year=this_year)
        _english_ensure(plan, site)


def _english_ensure(plan, site):
    english = Locale.objects.filter(language_code="en").first()
    if english is None or plan.has_translation(english):
        return
    source, _created = TranslationSource.get_or_create_from_instance(plan)
    segments = StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    )
    strings = {
        segment.context.path: ENGLISH[segment.string.data]
        for segment in segments
        if segment.string.data in ENGLISH
    }
    strings["title"] = f"Annual plan {plan.year}"
    translated = page_translation_save(page=plan, locale=english, strings=strings)
    demo_approve(page=translated, site=site)


def _plan_ensure(home, site, year, entries, introduction):
    if AnnualPlanPage.objects.child_of(home).filter(year=year).exists():
        return
    plan = AnnualPlanPage(
        title=f"Årshjul {year}",
        slug=f"aarshjul-{year}",
        year=year,
        introduction=introduction,
        live=False,
        entries=[_entry(year, *spec) for spec in entries],
    )
    home.add_child(instance=plan)
    demo_approve(page=plan, site=site)


def _entry(year, month, day, last_month, last_day, kind, title, line):
    ends_on = datetime.date(year, last_month, last_day) if last_month else None
    return AnnualPlanEntry(
        title=title,
        starts_on=datetime.date(year, month, day),
        ends_on=ends_on,
        kind=kind,
        description=line,
    )
