"""Pages on paper: the A4 poster of a meeting, and the QR code every poster
carries (responses' posters use it too, see hearings.printing)."""

import segno
from django.template.response import TemplateResponse

from cms.models import CouncilSettings


def qr_code_data_uri(url):
    """A QR code for ``url`` as an SVG data URI (fits a strict CSP's img-src)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2)


def meeting_poster(request, page):
    """The A4 poster of a live meeting: when and where, the easy-read
    minutes once they are published (else the agenda), and a QR code to
    the meeting's page."""
    full_url = page.get_full_url(request)
    context = {
        "page": page,
        "council": CouncilSettings.for_site(page.get_site()),
        "full_url": full_url,
        "qr_code": qr_code_data_uri(full_url),
        "agenda_items": page.agenda_items.all(),
    }
    return TemplateResponse(request, "pages/meeting_page_poster.html", context)
