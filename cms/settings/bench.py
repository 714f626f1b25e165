"""Benchmark settings (make bench): production's, with a hello-world view.

Everything else is production's, read from the same environment, so the
figures are those of a real installation; scripts/bench.py sets the
environment (database, Redis, hosts, an unreachable SMTP server).
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "cms.bench_urls"
