"""Text messages through the configured backend: printed in development,
posted to the SMS gateway (a real separate process here) in production."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms import text_messages
from cms.text_messages import TextMessageError, send_text_message
from tests.sms_gateway import FakeSmsGateway
from tests.smtp_sink import closed_port

HTTP_BACKEND = "cms.text_messages.HttpGatewayBackend"


def test_the_console_backend_prints_the_message(settings, capsys):
    settings.SMS_BACKEND = "cms.text_messages.ConsoleBackend"
    send_text_message(to="+4512345678", body="Rådsmøde i morgen kl. 17.")
    printed = capsys.readouterr().out
    assert "SMS to +4512345678" in printed
    assert "Rådsmøde i morgen kl. 17." in printed


def test_the_test_suite_keeps_messages_in_the_outbox():
    text_messages.outbox.clear()
    send_text_message(to="+4512345678", body="Hej")
    assert text_messages.outbox == [{"to": "+4512345678", "body": "Hej"}]


def test_the_gateway_gets_json_with_the_bearer_token(settings, tmp_path):
    with FakeSmsGateway(tmp_path / "gateway.jsonl") as gateway:
        settings.SMS_BACKEND = HTTP_BACKEND
        settings.SMS_GATEWAY_URL = gateway.url
        settings.SMS_GATEWAY_TOKEN = "gateway-token-123"
        send_text_message(to="+4512345678", body="Rådsmøde i dag kl. 17 på Værestedet.")
        received = gateway.requests()
    assert received == [
        {
            "path": "/v1/messages",
            "authorization": "Bearer gateway-token-123",
            "content_type": "application/json",
            "body": {
                "to": "+4512345678",
                "body": "Rådsmøde i dag kl. 17 på Værestedet.",
                "sender": settings.SMS_SENDER,
            },
            "status": 202,
        }
    ]


def test_a_gateway_that_answers_an_error_raises(settings, tmp_path):
    with FakeSmsGateway(tmp_path / "gateway.jsonl", fail=1) as gateway:
        settings.SMS_BACKEND = HTTP_BACKEND
        settings.SMS_GATEWAY_URL = gateway.url
        settings.SMS_GATEWAY_TOKEN = "gateway-token"
        with pytest.raises(TextMessageError, match="503"):
            send_text_message(to="+4512345678", body="Hej")
        send_text_message(to="+4512345678", body="Hej igen")
        statuses = [request["status"] for request in gateway.requests()]
    assert statuses == [503, 202]


def test_a_gateway_that_is_down_raises(settings):
    settings.SMS_BACKEND = HTTP_BACKEND
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{closed_port()}/v1/messages"
    settings.SMS_GATEWAY_TOKEN = "gateway-token"
    with pytest.raises(TextMessageError):
        send_text_message(to="+4512345678", body="Hej")


def test_the_gateway_backend_needs_its_address_and_token(settings):
    settings.SMS_BACKEND = HTTP_BACKEND
    settings.SMS_GATEWAY_URL = ""
    with pytest.raises(ImproperlyConfigured):
        send_text_message(to="+4512345678", body="Hej")
