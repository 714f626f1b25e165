"""A published response on paper: an A4 poster and a PDF letter.

The poster ("Opslag") hangs where the council's citizens are, at drop-in
centres and shelters: the easy-read summary in large type and a QR code that
leads to the whole response. The letter is the response as the municipality
receives it: sender, recipient, date, case number, text and signature.

Both are served only for live pages (they are routes of the live response
page), so a draft can never be printed from the public site.
"""

import logging

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify

from cms.models import CouncilSettings
from pages.printing import qr_code_data_uri

logger = logging.getLogger(__name__)

LETTER_STYLESHEET = "css/letter.css"
# A Danish public body publishes accessible documents: the letter is a tagged
# PDF (structure tree, marked content, language, title shown by readers).
PDF_VARIANT = "pdf/ua-1"


class PdfUnavailable(Exception):
    """WeasyPrint or the system libraries it needs (Pango) are missing."""


def _paper_context(request, page, council=None):
    """council: the council's settings when the caller has them (a
    delivery), else read from the page's site."""
    hearing = page.public_hearing()
    council = council or CouncilSettings.for_site(page.get_site())
    return {
        "page": page,
        "hearing": hearing,
        "council": council,
        "recipient_lines": letter_recipient_lines(council=council, hearing=hearing),
        "full_url": page.get_full_url(request),
        "letter_date": page.signed_on
        or timezone.localdate(page.last_published_at or timezone.now()),
    }


def letter_recipient_lines(*, council, hearing):
    """The letter's address block, as a Danish letter has it: the
    municipality (and department), the hearing's committee, street, postcode
    and town. Without a postal address in the council's settings (councils
    and hearings from before it was kept) the names stand alone; the e-mail
    address is among the letter's facts, not in the address."""
    lines = council.municipality_name_lines()
    if hearing.committee and hearing.committee not in lines:
        lines.append(hearing.committee)
    return [*lines, *council.municipality_postal_address()]


def response_poster(request, page):
    """The A4 poster of a published response, as an HTML page to print."""
    context = _paper_context(request, page)
    context["qr_code"] = qr_code_data_uri(context["full_url"])
    return TemplateResponse(request, "hearings/hearing_response_poster.html", context)


def response_letter(request, page):
    """The response as a PDF letter to the municipality, or a 503 page."""
    context = _paper_context(request, page)
    html = render_to_string(
        "hearings/hearing_response_letter.html", context, request=request
    )
    try:
        pdf = letter_pdf(html, base_url=request.build_absolute_uri("/"))
    except PdfUnavailable as error:
        logger.error("The PDF letter could not be made: %s", error)
        return TemplateResponse(
            request,
            "hearings/hearing_response_letter_unavailable.html",
            context,
            status=503,
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{letter_filename(page)}"'
    return response


def letter_filename(page):
    return f"hoeringssvar-{slugify(page.slug)[:60] or page.pk}.pdf"


def response_letter_pdf(page, *, site=None, council=None):
    """The PDF letter of a response outside a request (the delivery mail's
    attachment); raises PdfUnavailable without WeasyPrint's libraries.
    site and council (its settings): the caller's, if it read them already
    (a delivery does), else read from the page's site."""
    site = site or page.get_site()
    council = council or CouncilSettings.for_site(site)
    html = render_to_string(
        "hearings/hearing_response_letter.html", _paper_context(None, page, council)
    )
    return letter_pdf(html, base_url=site.root_url + "/")


def letter_pdf(html, *, base_url):
    """Render the letter's HTML to PDF bytes with WeasyPrint, as a tagged
    PDF/UA-1 document: title, language and reading order come from the HTML
    (``<title>``, ``<html lang>``, the order of its elements)."""
    try:
        from weasyprint import CSS, HTML, URLFetcher
    except (ImportError, OSError) as error:
        # OSError: WeasyPrint is installed but cannot load Pango & co.
        raise PdfUnavailable(str(error)) from error
    # Fonts come from our own static files; nothing is fetched over the network.
    fetcher = URLFetcher(allowed_protocols={"file", "data"})
    stylesheet = CSS(filename=finders.find(LETTER_STYLESHEET), url_fetcher=fetcher)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[stylesheet], pdf_variant=PDF_VARIANT)
