"""The hearings app's models, one module per concern, re-exported here."""

from .alerts import ResponseAlertSent, ResponseAlertSubscription
from .citizen_input import CitizenInput
from .delivery import ResponseDelivery
from .hearing import Hearing, HearingDocument, HearingStatus, PointsUsed
from .index import HearingIndexPage
from .reminder import DeadlineReminder
from .response import HearingResponsePage
from .themes import Theme

__all__ = [
    "CitizenInput",
    "DeadlineReminder",
    "Hearing",
    "HearingDocument",
    "HearingIndexPage",
    "HearingResponsePage",
    "HearingStatus",
    "PointsUsed",
    "ResponseAlertSent",
    "ResponseAlertSubscription",
    "ResponseDelivery",
    "Theme",
]
