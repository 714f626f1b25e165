"""A mail server that is down, for the tests of what happens then."""

from django.core.mail.backends.base import BaseEmailBackend


class RefusingBackend(BaseEmailBackend):
    """Refuses every message, as an unreachable SMTP server does."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")
