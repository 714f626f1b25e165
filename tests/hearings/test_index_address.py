"""The response index never fails because Wagtail cannot give it an address.

That happened to a council created while the server ran, when each process
kept its own cache: the server's list of site roots lacked the new site, so
every page of it had no URL (links read href="None") and the index answered
500. The shared default cache fixes the cause; the index copes regardless.
"""

from hearings.models import HearingIndexPage


def test_the_index_answers_without_a_feed_link_when_it_has_no_address(
    client, index_a, monkeypatch
):
    monkeypatch.setattr(HearingIndexPage, "get_url", lambda self, *a, **kw: None)

    response = client.get("/hoeringssvar/")

    assert response.status_code == 200
    assert 'href="None' not in response.content.decode().split("<main")[1]


def test_the_index_links_its_feed(client, index_a):
    response = client.get("/hoeringssvar/")

    assert 'href="/hoeringssvar/feed/"' in response.content.decode()
