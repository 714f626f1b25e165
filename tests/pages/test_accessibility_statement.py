"""The accessibility statement: one per council, the EU model's sections."""

import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.models import CouncilSettings
from cms.services import council_create
from pages.models import AccessibilityStatementPage
from tests.factories import publish_fixture
from tests.pages.html import parse

EU_SECTIONS = [
    "Overholdelsesstatus",
    "Indhold, der ikke er tilgængeligt",
    "Udarbejdelse af denne erklæring",
    "Feedback og kontaktoplysninger",
    "Håndhævelsesprocedure",
]


def _statement(site):
    return AccessibilityStatementPage.objects.child_of(site.root_page).get()


def test_every_council_gets_one_statement_outside_the_main_menu(council_a):
    statement = _statement(council_a)
    assert statement.live
    assert not statement.show_in_menus
    council_create(
        name="Udsatterådet i Eksempelby",
        municipality="Eksempelby Kommune",
        hostname="eksempelby.localhost",
    )
    assert AccessibilityStatementPage.objects.child_of(council_a.root_page).count() == 1
    assert not AccessibilityStatementPage.can_create_at(council_a.root_page)


def test_the_statement_has_the_sections_of_the_eu_model(client, council_a):
    settings = CouncilSettings.for_site(council_a)
    settings.email = "raadet@eksempelby.example"
    settings.phone = "70 11 22 33"
    settings.save()
    statement = _statement(council_a)
    statement.non_accessible_content = [
        (
            "item",
            {
                "description": "Gamle referater er scannede billeder.",
                "reason": "disproportionate_burden",
                "alternative": "Ring, så læser vi dem op.",
            },
        )
    ]
    statement.prepared_on = datetime.date(2026, 3, 2)
    publish_fixture(statement)
    main = parse(client.get(statement.url).content).find("main")
    assert [h2.text for h2 in main.find_all("h2")] == EU_SECTIONS
    text = main.text
    assert "delvist i overensstemmelse med WCAG 2.1, niveau AA" in text
    assert "uforholdsmæssig stor byrde" in text
    assert "udarbejdet den 2. marts 2026" in text
    assert main.find("a", href="mailto:raadet@eksempelby.example") is not None
    assert main.find("a", href="tel:70112233") is not None
    complaint = main.find("a", href="https://digst.dk/")
    assert complaint.text == "Klag til Digitaliseringsstyrelsen"


def _statement_form_data(statement, **fields):
    data = {
        "title": statement.title,
        "slug": statement.slug,
        "introduction": statement.introduction,
        "compliance_status": statement.compliance_status,
        "standard": statement.standard,
        "prepared_on": statement.prepared_on.isoformat(),
        "reviewed_on": "",
        "assessment_method": statement.assessment_method,
        "assessment_details": "",
        "feedback_email": "",
        "feedback_phone": "",
        "feedback_response_time": "",
        "enforcement_url": statement.enforcement_url,
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    data.update(
        nested_form_data(
            {"non_accessible_content": streamfield([]), "comments": inline_formset([])}
        )
    )
    return data


def test_the_secretary_edits_the_statement_in_the_admin(
    client_as, council_a, secretary_a
):
    statement = _statement(council_a)
    data = _statement_form_data(statement, feedback_response_time="inden for en uge.")
    response = client_as(secretary_a).post(
        f"/admin/pages/{statement.pk}/edit/", data, follow=True
    )
    assert response.status_code == 200
    statement = AccessibilityStatementPage.objects.get(pk=statement.pk)
    latest = statement.get_latest_revision_as_object()
    assert latest.feedback_response_time == "inden for en uge."


def test_a_review_before_the_statement_was_made_is_refused(
    client_as, council_a, secretary_a
):
    statement = _statement(council_a)
    revisions = statement.revisions.count()
    data = _statement_form_data(
        statement, prepared_on="2026-05-01", reviewed_on="2026-04-01"
    )
    response = client_as(secretary_a).post(f"/admin/pages/{statement.pk}/edit/", data)
    assert response.status_code == 200
    assert "En gennemgang kan ikke ligge før erklæringen." in response.content.decode()
    assert statement.revisions.count() == revisions
