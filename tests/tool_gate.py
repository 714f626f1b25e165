"""Tests that need a program from outside Python (a browser, Java).

Where the program is missing they are skipped, all under one line of the
summary that says how to enable them, so a developer's plain run stays green;
with CI=true they fail instead, since CI must run every one of them.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from cms.settings.base import env_bool


@dataclass(frozen=True)
class ToolGate:
    """The tests carrying ``marker`` and the one thing they all need.

    ``missing()`` says why the tool cannot run here, or None when it can.
    A conftest calls ``skip_marked`` and ``fold_skip`` from its hooks and
    ``require`` from the fixture that starts the tool.
    """

    marker: str
    how_to_enable: str
    missing: Callable[[], str | None]
    where: str

    def skip_marked(self, items):
        if not self.missing() or env_bool("CI"):
            return
        for item in items:
            if item.get_closest_marker(self.marker):
                item.add_marker(pytest.mark.skip(reason=self.how_to_enable))

    def fold_skip(self, report):
        """Name one place for every such skip, so -ra folds them into one line."""
        longrepr = report.longrepr
        if (
            report.skipped
            and isinstance(longrepr, tuple)
            and self.how_to_enable in longrepr[2]
        ):
            report.longrepr = (self.where, None, self.how_to_enable)
        return report

    def require(self):
        reason = self.missing()
        if reason:
            pytest.fail(f"CI=true but {reason}: {self.how_to_enable}", pytrace=False)
