"""The installed framework carries the latest security fixes.

The registry's pip has no advisory database (pip-audit cannot run here), so
the minimum versions are pinned by hand: the newest release of each series
the project runs on, as the package registry listed them in December 2026:

- Wagtail 8.0.1 (October 2026): the newest of the 8.0 series.
- Django 5.2.19: the newest 5.2 (LTS) release; Django's security fixes come
  out as patch releases of each supported series (6.1.3 is the newest
  Django overall, but 6.x is not a series Wagtail 8.0 is pinned to here).
- wagtail-localize 1.14.5 (August 2026): the newest of the 1.14 series.

When a newer security release comes out, raise the number here, in
pyproject.toml's lower bounds and in requirements/constraints.txt.
"""

from importlib.metadata import version

import pytest
from packaging.version import Version

MINIMUM_VERSIONS = {
    "wagtail": "8.0.1",
    "Django": "5.2.19",
    "wagtail-localize": "1.14.5",
}


@pytest.mark.parametrize(("package", "minimum"), MINIMUM_VERSIONS.items())
def test_installed_version_has_the_latest_security_fixes(package, minimum):
    installed = Version(version(package))

    assert installed >= Version(minimum), (
        f"{package} {installed} is older than {minimum}, the release with the "
        "latest security fixes: upgrade it (requirements/constraints.txt)"
    )


@pytest.mark.parametrize(("package", "minimum"), MINIMUM_VERSIONS.items())
def test_installed_version_stays_in_the_supported_series(package, minimum):
    """The pins above are for one series: a new major or minor version is a
    deliberate upgrade that reviews them."""
    installed = Version(version(package))

    assert installed.release[:2] == Version(minimum).release[:2]
