"""The part of make bench that runs inside Django (scripts/bench.py probe):
which addresses to load, how many SQL queries each page makes, and how long
the server takes to approve and publish a response.

Runs with the benchmark's settings and PAGE_CACHE_TIMEOUT=0, so every page
is rendered; each page is fetched once to warm the process and counted the
second time.
"""

import time
from urllib.parse import quote, urlsplit

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from cms.demo_scale import HOSTNAME
from cms.models import CouncilRole
from cms.selectors import council_group
from hearings.models import Hearing, HearingResponsePage
from hearings.selectors import hearing_index_for
from hearings.services import response_page_ensure

SEARCH_WORD = "bostøtte"


def probe_results(*, approvals):
    site = _middle_council()
    # Percent-encoded as a browser sends them (slugs and themes may hold æøå).
    urls = {name: quote(url, safe="/?=&%") for name, url in _urls(site).items()}
    client = Client(HTTP_HOST=site.hostname)
    queries = {name: _queries(client, url) for name, url in urls.items()}
    return {
        "host": site.hostname,
        "urls": urls,
        "queries": queries,
        "approve_ms": [_approve_ms(site, n) for n in range(approvals)],
    }


def _middle_council():
    sites = Site.objects.filter(hostname__endswith=".bench.localhost")
    number = (sites.count() + 1) // 2
    return sites.get(hostname=HOSTNAME.format(number=number))


def _urls(site):
    index = hearing_index_for(council=site)
    responses = (
        HearingResponsePage.objects.live()
        .child_of(index)
        .filter(hearing__case_number__startswith="SKALA-")  # not the probe's own
    )
    response = responses.order_by("path")[responses.count() // 2]
    hearing = response.hearing
    theme = hearing.themes.order_by("pk").first()
    index_path = urlsplit(index.url).path
    return {
        "hello-world": "/bench/hello/",
        "home": "/",
        "index": index_path,
        "index filtered": f"{index_path}?theme={theme.slug}&decided=yes",
        "response": urlsplit(response.url).path,
        "hearing": index_path + index.reverse_subpage("hearing", args=[hearing.pk]),
        "search": f"/soeg/?q={quote(SEARCH_WORD)}",
        "feed": index_path + index.reverse_subpage("feed"),
        "calendar": "/kalender.ics",
    }


def _queries(client, url):
    for _attempt in range(2):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def _approve_ms(site, number):
    """Server time of the chair's approval of a fresh response, which
    publishes it (and would mail the secretary and the municipality)."""
    secretary = _member(site, CouncilRole.SECRETARIAT)
    chair = _member(site, CouncilRole.CHAIRS)
    hearing = Hearing.objects.create(
        council=site,
        case_number=f"BENCH-{timezone.now():%Y%m%d%H%M%S}-{number}",
        title=f"Høring til måling af godkendelse nr. {number}",
        committee="Socialudvalget",
        contact_email=f"hoering{site.pk}@bench.example",
        deadline=timezone.localdate(),
        received_on=timezone.localdate(),
    )
    page = response_page_ensure(
        hearing=hearing, owner=secretary, easy_read_summary="Rådet siger ja."
    )
    state = page.get_workflow().start(page, secretary)
    client = Client(HTTP_HOST=site.hostname)
    client.force_login(chair)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    started = time.perf_counter()
    response = client.post(url, {"comment": ""})
    elapsed = (time.perf_counter() - started) * 1000
    page.refresh_from_db()
    assert response.status_code in (200, 302) and page.live, response.status_code
    return elapsed


def _member(site, role):
    return (
        get_user_model()
        .objects.filter(groups=council_group(site=site, role=role))
        .order_by("pk")
        .first()
    )
