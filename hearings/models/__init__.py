"""The hearings app's models, one module per concern, re-exported here."""

from .hearing import Hearing, HearingDocument, HearingStatus, PointsUsed
from .index import HearingIndexPage
from .response import HearingResponsePage
from .themes import Theme

__all__ = [
    "Hearing",
    "HearingDocument",
    "HearingIndexPage",
    "HearingResponsePage",
    "HearingStatus",
    "PointsUsed",
    "Theme",
]
