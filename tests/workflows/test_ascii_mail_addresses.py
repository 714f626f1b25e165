"""The mails about a response carry its address in plain ASCII, as typed
from the letter or the poster (cms.slugs)."""

import re

from django.core import mail

from tests.factories import HearingResponsePageFactory
from tests.workflows.conftest import paragraph


def test_the_delivery_mail_links_to_an_ascii_address(
    admin, index_a, hearing_a, secretary_a, chair_a
):
    page = HearingResponsePageFactory(
        parent=index_a, hearing=hearing_a, title="Svar om åbningstider", slug=""
    )
    page.save_revision(user=secretary_a)
    admin.submit(secretary_a, page, body=[paragraph("<p>Rådet siger ja.</p>")])
    admin.approve(chair_a, page)

    page.refresh_from_db()
    assert page.slug == "svar-om-aabningstider"
    bodies = "\n".join(message.body for message in mail.outbox)
    addresses = re.findall(r"https?://\S+", bodies)
    assert page.get_full_url() in addresses
    assert all(address.isascii() and "%" not in address for address in addresses)
