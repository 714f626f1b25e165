"""Every public page type, Danish and English, is valid HTML by the Nu Html
Checker's rules (the real checker, vnu.jar, run once for all pages)."""

import html
import json
import re
import subprocess

import pytest
from django.utils import translation

from tests.public_pages import ERROR_STATUS, demo_council, public_page_paths

pytestmark = [pytest.mark.html_validator, pytest.mark.django_db]

HOST = {"HTTP_HOST": "eksempelby.localhost"}
# The language switcher's link to the English version of a page.
ENGLISH_LINK = re.compile(r'<a href="([^"]+)" hreflang="en"')


def _get(client, path):
    response = client.get(path, **HOST)
    translation.activate("da")  # each request starts as a Dane's would
    return response


def _english(client, path, danish):
    """The English version: at /en/ + the Danish path, or, for a page whose
    translation has its own slug, where the Danish page's switcher leads."""
    response = _get(client, "/en" + path)
    found = ENGLISH_LINK.search(danish.content.decode())
    if response.status_code == 404 != danish.status_code and found:
        response = _get(client, html.unescape(found.group(1)))
    return response


def _pages_saved(client, folder):
    """Render every public page in Danish and English into folder; the files.

    A Danish-only page (no English version: 404 at /en/, no switcher link)
    is checked in Danish only.
    """
    client.raise_request_exception = False  # the 500 page is one of them
    files = []
    for name, path in public_page_paths(demo_council()).items():
        expected = ERROR_STATUS.get(name, 200)
        danish = _get(client, path)
        assert danish.status_code == expected, path
        english = _english(client, path, danish)
        assert english.status_code in (expected, 404), f"/en{path}"
        for language, response in (("da", danish), ("en", english)):
            if response.status_code == expected:
                file = folder / f"{language}_{name}.html"
                file.write_bytes(response.content)
                files.append(file)
    return files


def _checked(vnu_command, files):
    """The checker's messages on the files (one JVM start for all)."""
    finished = subprocess.run(
        [*vnu_command, "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(finished.stderr)["messages"]


def _where(message):
    return f"{message['url'].rsplit('/', 1)[-1]}:{message.get('lastLine', '?')}"


def test_every_public_page_type_is_valid_html(client, settings, tmp_path, vnu_command):
    settings.ROOT_URLCONF = "tests.browser.urls"
    files = _pages_saved(client, tmp_path)
    messages = _checked(vnu_command, files)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    names = {file.stem for file in files}
    danish_only = sorted(n[3:] for n in names if "en" + n[2:] not in names)
    print(
        f"Nu Html Checker: {len(files)} pages (in Danish only: "
        f"{', '.join(danish_only)}), {len(messages) - len(errors)} warnings/info"
    )
    if errors:
        report = "\n".join(f"{_where(m)}: {m['message']}" for m in errors)
        pytest.fail(f"invalid HTML:\n{report}", pytrace=False)
