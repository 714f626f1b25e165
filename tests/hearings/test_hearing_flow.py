"""The secretary's way through a hearing: register it, land on it, write its
response; the dashboard's way in; the list with open hearings first."""

import datetime

import pytest
from django.urls import reverse

from hearings.models import Hearing
from hearings.validators import title_is_file_name
from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.hearings.conftest import PDF_BYTES, hearing_form_data

pytestmark = pytest.mark.django_db

ADD = reverse("hearings_hearing:add")
LIST = reverse("hearings_hearing:list")
HOME = reverse("wagtailadmin_home")
# measured: 23, with 5 hearings and with 15 (the admin menu asks the
# user's role for the people, reminders and working-group items)
QUERIES_OF_THE_LIST = 23


def respond_url(hearing):
    return reverse("hearings_hearing:respond", args=[hearing.pk])


def edit_url(hearing):
    return reverse("hearings_hearing:edit", args=[hearing.pk])


def test_a_new_hearing_opens_with_write_the_response(client_as, secretary_a, index_a):
    client = client_as(secretary_a)
    response = client.post(ADD, hearing_form_data(title="Høring om bostøtte"))

    hearing = Hearing.objects.get(title="Høring om bostøtte")
    assert response.status_code == 302
    assert response["Location"] == edit_url(hearing)
    html = client.get(response["Location"]).content.decode()
    assert "Skriv høringssvaret" in html
    # the header's action, the actions menu's entry, the saved message's button
    assert html.count(f'href="{respond_url(hearing)}"') == 3


def test_with_a_draft_the_action_continues_it(client_as, secretary_a, index_a):
    hearing = HearingFactory(council=index_a.get_site(), title="Høring om bad")
    HearingResponsePageFactory(parent=index_a, hearing=hearing)
    html = client_as(secretary_a).get(edit_url(hearing)).content.decode()
    assert "Fortsæt høringssvaret" in html
    assert f'href="{respond_url(hearing)}"' in html


def test_member_reads_the_hearing_without_the_action(
    client_as, member_a, council_a, index_a
):
    hearing = HearingFactory(council=council_a)
    inspect = reverse("hearings_hearing:inspect", args=[hearing.pk])
    html = client_as(member_a).get(inspect).content.decode()
    assert hearing.title in html
    assert "Skriv høringssvaret" not in html
    assert respond_url(hearing) not in html


@pytest.mark.parametrize("user", ["secretary_b", "chair_b"])
def test_other_councils_staff_get_nothing(request, db, client_as, user, council_a):
    hearing = HearingFactory(council=council_a)
    client = client_as(request.getfixturevalue(user))
    assert client.get(edit_url(hearing)).status_code == 404
    assert client.get(respond_url(hearing)).status_code == 404


def test_the_secretary_registers_a_hearing_from_the_dashboard(client_as, secretary_a):
    html = client_as(secretary_a).get(HOME).content.decode()
    assert "Registrér en høring" in html
    assert f'href="{ADD}"' in html


@pytest.mark.parametrize("user", ["chair_a", "member_a"])
def test_chair_and_member_are_not_offered_registering(request, db, client_as, user):
    html = client_as(request.getfixturevalue(user)).get(HOME).content.decode()
    assert "Registrér en høring" not in html
    assert f'href="{ADD}"' not in html


def _list_hearings(council, index):
    today = datetime.date.today()

    def make(title, days, **fields):
        return HearingFactory(
            council=council,
            title=title,
            received_on=today - datetime.timedelta(days=60),
            deadline=today + datetime.timedelta(days=days),
            **fields,
        )

    make("Åben, sen frist", 30)
    make("Åben, nær frist", 5)
    make("Overskredet for længe siden", -40)
    make("Afgjort for nylig", -2, decided_on=today)
    answered = make("Besvaret, frist om lidt", 10)
    HearingResponsePageFactory(parent=index, hearing=answered, published=True)


def _order(html, titles):
    return sorted(titles, key=html.index)


def test_the_list_puts_open_hearings_first_then_newest_deadline(
    client_as, secretary_a, council_a, index_a
):
    _list_hearings(council_a, index_a)
    html = client_as(secretary_a).get(LIST).content.decode()
    assert _order(
        html,
        [
            "Åben, sen frist",
            "Åben, nær frist",
            "Besvaret, frist om lidt",
            "Afgjort for nylig",
            "Overskredet for længe siden",
        ],
    ) == [
        "Åben, nær frist",
        "Åben, sen frist",
        "Besvaret, frist om lidt",
        "Afgjort for nylig",
        "Overskredet for længe siden",
    ]


def test_a_sorted_column_still_sorts_the_whole_list(
    client_as, secretary_a, council_a, index_a
):
    _list_hearings(council_a, index_a)
    html = client_as(secretary_a).get(LIST, {"ordering": "deadline"}).content.decode()
    assert _order(
        html,
        [
            "Åben, sen frist",
            "Åben, nær frist",
            "Besvaret, frist om lidt",
            "Afgjort for nylig",
            "Overskredet for længe siden",
        ],
    ) == [
        "Overskredet for længe siden",
        "Afgjort for nylig",
        "Åben, nær frist",
        "Besvaret, frist om lidt",
        "Åben, sen frist",
    ]


# A document's title -----------------------------------------------------------


@pytest.mark.parametrize("title", ["bilag_3_final_v2.pdf", "bilag_3_final_v2"])
def test_a_document_titled_by_its_file_name_is_refused_on_its_row(
    client_as, secretary_a, make_document, title
):
    document = make_document("bilag_3_final_v2.pdf", PDF_BYTES, title=title)
    data = hearing_form_data(documents=[document], title="Høring om bostøtte")
    response = client_as(secretary_a).post(ADD, data)

    html = response.content.decode()
    assert response.status_code == 200
    message = html.index(f"“{title}” har sit filnavn som titel")
    row_errors = html.index("-0-child-document-errors")  # the first row's field
    assert 0 < message - row_errors < 600
    assert 'value="Høring om bostøtte"' in html
    assert not Hearing.objects.exists()


def test_a_document_with_a_human_title_is_accepted(
    client_as, secretary_a, make_document
):
    document = make_document(
        "bilag_3_final_v2.pdf", PDF_BYTES, title="Forslag til ny bostøtte"
    )
    response = client_as(secretary_a).post(ADD, hearing_form_data(documents=[document]))
    assert response.status_code == 302
    assert Hearing.objects.get().documents.get().document == document


@pytest.mark.parametrize(
    ("title", "file_name", "refused"),
    [
        ("Bilag_3.PDF", "documents/bilag_3.pdf", True),
        ("bilag_3", "documents/bilag_3_Ab3dE9x.pdf", True),
        ("referat.docx", "documents/noget_andet.docx", True),
        ("Bilag 3: økonomi", "documents/bilag_3.pdf", False),
        ("Budget", "documents/budget_2027.pdf", False),
    ],
)
def test_what_counts_as_a_file_name(title, file_name, refused):
    assert title_is_file_name(title=title, file_name=file_name) is refused


def test_the_list_costs_the_same_queries_for_more_hearings(
    client_as, secretary_a, council_a, index_a, django_assert_max_num_queries
):
    client = client_as(secretary_a)
    _list_hearings(council_a, index_a)
    client.get(LIST)
    with django_assert_max_num_queries(QUERIES_OF_THE_LIST):
        client.get(LIST)
    for number in range(10):
        HearingFactory(council=council_a, title=f"Flere høringer {number}")
    with django_assert_max_num_queries(QUERIES_OF_THE_LIST):
        assert "Flere høringer 9" in client.get(LIST).content.decode()
