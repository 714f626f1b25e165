"""The embedded default cache is one the machine's processes share, so the
server, create_council and cron commands agree (a council made while the
site runs works at once); the tests keep one per process."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def in_a_new_process(code):
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "REDIS_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_what_one_process_caches_another_reads():
    key = f"embedded-cache-test-{uuid.uuid4().hex}"
    cache = "from django.core.cache import cache"

    in_a_new_process(f"{cache}; cache.set({key!r}, 'fra den anden', 60); print('ok')")
    seen = in_a_new_process(
        f"{cache}; print(cache.get({key!r})); cache.delete({key!r})"
    )

    assert seen == "fra den anden"


def test_the_embedded_cache_lives_in_the_projects_var_folder():
    location = in_a_new_process(
        "from django.conf import settings; "
        "print(settings.CACHES['default']['LOCATION'])"
    )

    assert Path(location) == ROOT / "var" / "cache"


def test_tests_keep_a_cache_of_their_own_unless_one_is_named():
    backend = settings.CACHES["default"]["BACKEND"]
    if os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL"):
        assert "redis" in backend
    else:
        assert backend == "django.core.cache.backends.locmem.LocMemCache"
