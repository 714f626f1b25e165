"""A member takes part without an admin login: the secretariat makes a
personal link to one draft (by e-mail or on paper), the member reads the
draft and comments through it, and the secretariat revokes it. Driven
through the real admin views as each role and the public page anonymously."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Comment, PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import CouncilRole
from tests.conftest import council_user
from tests.factories import HearingFactory, HearingResponsePageFactory
from tests.workflows.conftest import response_form_data
from workflows.models import PersonalLink, PersonalLinkComment
from workflows.personal_links import link_path, link_token

pytestmark = pytest.mark.django_db

CPR_SAMPLE = "010190-1234"
MARKER = "[Givet via personligt link]"


def links_url(page):
    return reverse("workflows_personal_links", args=[page.pk])


def page_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def anonymous(admin):
    """The test client as someone without a login: the member with the link."""
    admin.client.logout()
    admin._user = None


def make_link(admin, user, page, member, *, delivery="email", days=14):
    admin.as_user(user)
    with admin.capture(execute=True):
        return admin.client.post(
            links_url(page),
            {"member": member.pk, "valid_days": days, "delivery": delivery},
        )


@pytest.fixture
def link_a(admin, secretary_a, response_a, member_a):
    """A 14-day link for member_a to response_a, sent by mail; the test
    client is left anonymous, as the member opening the mail is."""
    assert make_link(admin, secretary_a, response_a, member_a).status_code == 302
    anonymous(admin)
    return PersonalLink.objects.get()


def comment(client, link, text, contentpath="title", **extra):
    return client.post(
        link_path(link=link), {"contentpath": contentpath, "text": text}, **extra
    )


def moved_time(monkeypatch, **delta):
    later = timezone.now() + datetime.timedelta(**delta)
    monkeypatch.setattr(timezone, "now", lambda: later)


# The secretariat makes the link ----------------------------------------------


def test_secretary_mails_a_member_a_link_valid_for_14_days(
    admin, secretary_a, response_a, member_a
):
    page = admin.get(secretary_a, links_url(response_a))
    assert page.status_code == 200
    assert "Personlige links" in page_text(page)
    form = BeautifulSoup(page.content, "html.parser")
    assert form.find("input", attrs={"name": "valid_days"})["value"] == "14"

    made = make_link(admin, secretary_a, response_a, member_a)

    assert made.status_code == 302
    link = PersonalLink.objects.get()
    assert (link.page_id, link.member, link.created_by) == (
        response_a.pk,
        member_a,
        secretary_a,
    )
    expected = timezone.now() + datetime.timedelta(days=14)
    assert abs(link.expires_at - expected) < datetime.timedelta(minutes=1)
    [message] = mail.outbox
    assert message.to == [member_a.email]
    assert message.subject == (
        "Dit personlige link til udkastet “Rådets svar om væresteder”"
    )
    address = f"http://eksempelby.localhost/deltag/{link_token(link=link)}/"
    assert address in message.body
    assert "Du skal ikke logge ind" in message.body
    listing = admin.get(secretary_a, links_url(response_a))
    assert "Linket er sendt med e-mail til" in page_text(listing)
    assert member_a.get_full_name() in page_text(listing)


def test_the_link_is_written_in_the_pages_history(
    admin, secretary_a, response_a, member_a
):
    make_link(admin, secretary_a, response_a, member_a, days=3)

    entry = PageLogEntry.objects.get(
        page=response_a, action="workflows.personal_link.create"
    )
    assert entry.user == secretary_a
    history = admin.get(
        secretary_a, reverse("wagtailadmin_pages:history", args=[response_a.pk])
    )
    until = timezone.localtime(PersonalLink.objects.get().expires_at)
    assert (
        f"Personligt link lavet til {member_a.get_full_name()}, "
        f"gyldigt til {until.day}. " in page_text(history)
    )


def test_a_paper_link_is_a_printable_qr_code_and_no_mail(
    admin, secretary_a, response_a, member_a
):
    made = make_link(admin, secretary_a, response_a, member_a, delivery="paper")

    link = PersonalLink.objects.get()
    assert made["Location"] == reverse("workflows_personal_link_sheet", args=[link.pk])
    assert mail.outbox == []
    sheet = admin.get(secretary_a, made["Location"])
    assert sheet.status_code == 200
    soup = BeautifulSoup(sheet.content, "html.parser")
    qr_code = soup.find("img", alt="QR-kode til dit personlige link")
    assert qr_code["src"].startswith("data:image/svg+xml")
    assert link_token(link=link) in page_text(sheet)
    assert f"Til {member_a.get_full_name()}" in page_text(sheet)


def test_a_member_mail_cannot_reach_gets_the_link_on_paper(
    admin, secretary_a, response_a, council_a
):
    offline = council_user("medlem-uden-mail", council_a, CouncilRole.MEMBERS)
    offline.email = "palle@medlem.example"
    offline.save()

    refused = make_link(admin, secretary_a, response_a, offline)

    assert refused.status_code == 400
    assert "Medlemmet har ingen e-mailadresse" in page_text(refused)
    paper = make_link(admin, secretary_a, response_a, offline, delivery="paper")
    assert paper.status_code == 302
    assert PersonalLink.objects.get().delivery == "paper"


def test_the_editor_offers_personal_links_to_the_secretariat_only(
    admin, secretary_a, chair_a, response_a
):
    edit = reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    assert links_url(response_a) in admin.get(secretary_a, edit).content.decode()
    assert links_url(response_a) not in admin.get(chair_a, edit).content.decode()


def test_chairs_members_and_another_council_cannot_make_or_revoke_links(
    admin, link_a, response_a, chair_a, member_a, secretary_b, council_b, index_b
):
    member_b = council_user("medlem-b", council_b, CouncilRole.MEMBERS)
    revoke = reverse("workflows_personal_link_revoke", args=[link_a.pk])
    sheet = reverse("workflows_personal_link_sheet", args=[link_a.pk])
    for user in (chair_a, member_a, secretary_b):
        assert admin.get(user, links_url(response_a)).status_code == 404
        assert admin.get(user, sheet).status_code == 404
        assert make_link(admin, user, response_a, member_a).status_code == 404
        assert admin.client.post(revoke).status_code == 404
    assert PersonalLink.objects.count() == 1
    link_a.refresh_from_db()
    assert link_a.revoked_at is None
    # Council B's secretary cannot make one for A's member on B's page either.
    page_b = HearingResponsePageFactory(
        parent=index_b,
        hearing=HearingFactory(council=council_b),
    )
    refused = make_link(admin, secretary_b, page_b, member_a)
    assert refused.status_code == 400
    assert make_link(admin, secretary_b, page_b, member_b).status_code == 302


def test_secretary_cannot_make_a_link_for_another_councils_member(
    admin, secretary_a, response_a, council_b
):
    member_b = council_user("medlem-b", council_b, CouncilRole.MEMBERS)

    refused = make_link(admin, secretary_a, response_a, member_b)

    assert refused.status_code == 400
    assert not PersonalLink.objects.exists()
    options = BeautifulSoup(refused.content, "html.parser").select(
        "select[name=member] option"
    )
    assert member_b.get_full_name() not in [option.get_text() for option in options]


def test_a_page_members_do_not_read_has_no_links(admin, secretary_a, council_a):
    about = council_a.root_page.get_children().get(slug="om-raadet")
    assert admin.get(secretary_a, links_url(about)).status_code == 404


# The member opens the link ---------------------------------------------------


def test_the_link_opens_the_draft_and_nothing_else(client, link_a, response_a):
    page = client.get(link_path(link=link_a))

    assert page.status_code == 200
    text = page_text(page)
    assert "Rådets svar om væresteder" in text
    assert "Skriv en kommentar" in text
    soup = BeautifulSoup(page.content, "html.parser")
    assert not [a["href"] for a in soup.find_all(href=True) if "/admin" in a["href"]]
    assert soup.find("textarea", attrs={"name": "text"}) is not None
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "no-referrer"
    preview = client.get(soup.find("iframe")["src"])
    assert preview.status_code == 200
    assert "Rådet har læst forslaget." in page_text(preview)


def test_the_member_comments_and_the_editor_shows_it_marked_as_by_link(
    admin, link_a, response_a, secretary_a, member_a
):
    with admin.capture(execute=True):
        sent = comment(admin.client, link_a, "Gør afsnit 2 kortere.", follow=True)

    assert "Tak. Din kommentar er sendt til rådet." in page_text(sent)
    stored = Comment.objects.get()
    assert stored.user == member_a
    assert stored.page_id == response_a.pk
    assert stored.text == f"{MARKER} Gør afsnit 2 kortere."
    assert PersonalLinkComment.objects.get(comment=stored).link == link_a
    entry = PageLogEntry.objects.get(action="workflows.personal_link.comment")
    assert entry.user == member_a
    editor = admin.get(
        secretary_a, reverse("wagtailadmin_pages:edit", args=[response_a.pk])
    )
    script = BeautifulSoup(editor.content, "html.parser").find(id="comments-data")
    [shown] = json.loads(script.string)["comments"]
    assert shown["text"].startswith(MARKER)
    assert shown["user"] == member_a.pk
    history = admin.get(
        secretary_a, reverse("wagtailadmin_pages:history", args=[response_a.pk])
    )
    assert (
        f"{member_a.get_full_name()} kommenterede via sit personlige link"
        in page_text(history)
    )


def test_the_secretary_replies_to_and_resolves_a_link_comment_in_the_editor(
    admin, link_a, response_a, secretary_a, member_a
):
    comment(admin.client, link_a, "Kortere, tak.")
    stored = Comment.objects.get()
    thread = {
        "id": stored.pk,
        "contentpath": "title",
        "position": "",
        "text": stored.text,
        "resolved": "on",
        "replies": inline_formset([{"text": "Rettet."}]),
    }
    data = response_form_data(response_a)
    data.update(nested_form_data({"comments": inline_formset([thread], initial=1)}))
    admin.as_user(secretary_a)

    saved = admin.client.post(
        reverse("wagtailadmin_pages:edit", args=[response_a.pk]), data
    )

    assert saved.status_code == 302
    stored.refresh_from_db()
    assert stored.resolved_by == secretary_a
    assert stored.text.startswith(MARKER)
    assert PersonalLinkComment.objects.filter(comment=stored).exists()


def test_a_comment_on_one_part_goes_to_that_part(client, link_a, response_a):
    block = response_a.get_latest_revision_as_object().body[0]

    comment(client, link_a, "Nævn tallene.", contentpath=f"body.{block.id}")

    assert Comment.objects.get().contentpath == f"body.{block.id}"


def test_a_comment_with_a_cpr_number_is_refused_and_the_text_kept(client, link_a):
    text = f"Borgeren {CPR_SAMPLE} har ringet."

    refused = comment(client, link_a, text)

    assert refused.status_code == 400
    assert "En kommentar ser ud til at indeholde et CPR-nummer" in page_text(refused)
    form = BeautifulSoup(refused.content, "html.parser")
    assert form.find("textarea", attrs={"name": "text"}).get_text().strip() == text
    assert not Comment.objects.exists()


def test_a_place_of_another_page_is_refused(client, link_a):
    refused = comment(client, link_a, "Hej", contentpath="body.ikke-en-blok")
    assert refused.status_code == 400
    assert not Comment.objects.exists()


def test_comments_through_a_link_are_throttled_with_the_text_kept(
    client, link_a, settings
):
    settings.PERSONAL_LINK_LIMIT = 2
    assert comment(client, link_a, "En").status_code == 302
    assert comment(client, link_a, "To").status_code == 302

    refused = comment(client, link_a, "Tre, vigtig")

    assert refused.status_code == 429
    assert "Der er sendt mange kommentarer på kort tid" in page_text(refused)
    form = BeautifulSoup(refused.content, "html.parser")
    assert (
        form.find("textarea", attrs={"name": "text"}).get_text().strip()
        == "Tre, vigtig"
    )
    assert Comment.objects.count() == 2


def test_comments_from_one_client_are_throttled_across_links(
    admin, link_a, secretary_a, response_a, council_a, settings
):
    settings.PERSONAL_LINK_CLIENT_LIMIT = 2
    other = council_user("medlem-a2", council_a, CouncilRole.MEMBERS)
    make_link(admin, secretary_a, response_a, other)
    anonymous(admin)
    second = PersonalLink.objects.get(member=other)

    assert comment(admin.client, link_a, "En").status_code == 302
    assert comment(admin.client, second, "To").status_code == 302
    assert comment(admin.client, second, "Tre").status_code == 429
    elsewhere = comment(admin.client, second, "Tre", REMOTE_ADDR="192.0.2.7")
    assert elsewhere.status_code == 302


# When the link no longer opens the draft ---------------------------------------


def assert_closed(client, link):
    for path in (link_path(link=link), link_path(link=link) + "udkast/"):
        answer = client.get(path)
        assert answer.status_code == 410
        text = page_text(answer)
        assert "Linket virker ikke længere" in text
        assert "Rådets svar om væresteder" not in text
    posted = comment(client, link, "For sent")
    assert posted.status_code == 410
    assert not Comment.objects.exists()


def test_the_link_expires_after_its_days(client, link_a, monkeypatch):
    moved_time(monkeypatch, days=13, hours=23)
    assert client.get(link_path(link=link_a)).status_code == 200

    moved_time(monkeypatch, days=14, minutes=1)

    assert_closed(client, link_a)


def test_a_link_for_fewer_days_expires_sooner(
    admin, secretary_a, response_a, member_a, monkeypatch
):
    make_link(admin, secretary_a, response_a, member_a, days=3)
    anonymous(admin)

    moved_time(monkeypatch, days=3, minutes=1)

    assert_closed(admin.client, PersonalLink.objects.get())


def test_the_secretary_revokes_the_link(admin, link_a, secretary_a, response_a):
    admin.as_user(secretary_a)
    revoked = admin.client.post(
        reverse("workflows_personal_link_revoke", args=[link_a.pk]), follow=True
    )

    assert revoked.status_code == 200
    assert "virker ikke længere" in page_text(revoked)
    assert "Intet medlem har et link" in page_text(revoked)
    entry = PageLogEntry.objects.get(action="workflows.personal_link.revoke")
    assert entry.user == secretary_a
    anonymous(admin)
    assert_closed(admin.client, link_a)


def test_a_member_removed_from_the_council_or_deactivated_loses_the_link(
    client, link_a, member_a, council_a
):
    from cms.selectors import council_group

    group = council_group(site=council_a, role=CouncilRole.MEMBERS)
    member_a.groups.remove(group)
    assert_closed(client, link_a)

    member_a.groups.add(group)
    assert client.get(link_path(link=link_a)).status_code == 200
    member_a.is_active = False
    member_a.save()
    assert_closed(client, link_a)


def test_the_link_on_another_councils_host_is_not_found(client, link_a, council_b):
    for path in (link_path(link=link_a), link_path(link=link_a) + "udkast/"):
        answer = client.get(path, HTTP_HOST="provestrup.localhost")
        assert answer.status_code == 404
        assert "Rådets svar om væresteder" not in page_text(answer)
    posted = comment(client, link_a, "Hej", HTTP_HOST="provestrup.localhost")
    assert posted.status_code == 404
    assert not Comment.objects.exists()


def test_an_altered_link_says_so_and_shows_nothing(client, link_a):
    token = link_token(link=link_a)
    altered = re.sub(r"^.", lambda m: "0" if m.group() != "0" else "1", token)
    for bad in (altered, token[:-1], "deltag"):
        answer = client.get(reverse("workflows_personal_link", args=[bad]))
        assert answer.status_code == 400
        assert "Linket virker ikke" in page_text(answer)
        assert "Rådets svar om væresteder" not in page_text(answer)


def test_a_link_opens_its_own_draft_only(
    admin, link_a, secretary_a, index_a, council_a
):
    other = HearingResponsePageFactory(
        parent=index_a,
        hearing=HearingFactory(council=council_a),
        title="Et andet udkast",
        slug="et-andet-udkast",
    )
    other.save_revision(user=secretary_a)

    page = admin.client.get(link_path(link=link_a))

    assert "Et andet udkast" not in page_text(page)
    comment(admin.client, link_a, "Kun til mit udkast")
    assert Comment.objects.get().page_id == link_a.page_id
