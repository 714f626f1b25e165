"""Text messages (SMS), sent through a backend named by a setting, the way
Django sends mail.

``send_text_message(to=..., body=...)`` hands one message to the backend
that ``settings.SMS_BACKEND`` names (a dotted path to a class with
``send(*, to, body)``):

- ``ConsoleBackend`` prints the message (development, ``make run``);
- ``LocmemBackend`` keeps it in ``outbox`` (the test suite);
- ``HttpGatewayBackend`` posts it as JSON to an SMS gateway
  (``SMS_GATEWAY_URL``, bearer token ``SMS_GATEWAY_TOKEN``; production).

A message that could not be handed over raises ``TextMessageError``; callers
that retry record it (pages.meeting_reminders).
"""

import json
import sys
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

# Messages the local-memory backend has "sent", oldest first; tests read it.
outbox = []


class TextMessageError(Exception):
    """The gateway refused the message or could not be reached."""


def send_text_message(*, to, body):
    """Send one text message to the phone number ``to``."""
    backend_class = import_string(settings.SMS_BACKEND)
    backend_class().send(to=to, body=body)


class ConsoleBackend:
    """Prints each message instead of sending it."""

    def send(self, *, to, body):
        sys.stdout.write(f"SMS to {to}:\n{body}\n{'-' * 40}\n")
        sys.stdout.flush()


class LocmemBackend:
    """Keeps each message in ``outbox`` as {"to": ..., "body": ...}."""

    def send(self, *, to, body):
        outbox.append({"to": to, "body": body})


class HttpGatewayBackend:
    """Posts ``{"to": ..., "body": ..., "sender": ...}`` as JSON to the
    gateway with ``Authorization: Bearer <token>``; any answer but 2xx, a
    timeout or a refused connection raises TextMessageError."""

    def __init__(self):
        self.url = settings.SMS_GATEWAY_URL
        self.token = settings.SMS_GATEWAY_TOKEN
        if not (self.url and self.token):
            raise ImproperlyConfigured(
                "The HTTP SMS backend needs SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN."
            )

    def send(self, *, to, body):
        payload = {"to": to, "body": body, "sender": settings.SMS_SENDER}
        request = urllib.request.Request(
            self.url,
            data=json.dumps(payload).encode(),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
            },
        )
        try:
            with urllib.request.urlopen(
                request, timeout=settings.SMS_GATEWAY_TIMEOUT
            ) as answer:
                status = answer.status
        except urllib.error.HTTPError as exc:
            raise TextMessageError(_answered(exc.code)) from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise TextMessageError(
                _("The SMS gateway did not answer: %(error)s") % {"error": exc}
            ) from exc
        if not 200 <= status < 300:
            raise TextMessageError(_answered(status))


def _answered(status):
    return _("The SMS gateway answered %(status)s.") % {"status": status}
