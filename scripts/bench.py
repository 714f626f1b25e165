"""make bench: seed each size, serve it with gunicorn under production
settings on PostgreSQL and Redis, load it with wrk and print one table per
size.

    python scripts/bench.py [--sizes demo,national] [--duration 8]

DATABASE_URL names the PostgreSQL server and a base database name (default
postgres://postgres@127.0.0.1:5432/talerror_bench); each size gets its own
database, <name>_<size>, created if missing and seeded with seed_scale
(which only adds what is missing, so a second run starts at once).
CACHE_URL is the Redis (default redis://127.0.0.1:6379/13); every run uses a
fresh key prefix. The load generator is wrk (Debian: apt-get install wrk).

The SQL counts and the approve-and-publish time come from a probe, this
script run again inside Django (`bench.py probe`) with the same settings.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/talerror_bench"
DEFAULT_CACHE = "redis://127.0.0.1:6379/13"
PAGES = [
    "hello-world",
    "home",
    "index",
    "index filtered",
    "response",
    "hearing",
    "search",
    "feed",
    "calendar",
]
# Compared between the smallest size and each larger one.
SCALE_PAGES = ["index", "search", "response"]
APPROVALS = 5
RESULTS = ROOT / "var" / "bench" / "last.json"


# Environment and set-up ---------------------------------------------------------


def database_url(base, size):
    parts = urlsplit(base)
    name = parts.path.lstrip("/") or "talerror_bench"
    return urlunsplit(parts._replace(path=f"/{name}_{size}"))


def database_ensure(url):
    import psycopg  # the driver Django uses here; only the orchestrator needs it

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        found = connection.execute(
            "select 1 from pg_database where datname = %s", [name]
        ).fetchone()
        if not found:
            connection.execute(f'create database "{name}"')


def bench_env(*, database, cache, prefix, page_cache_timeout=300):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.bench",
        DATABASE_URL=database,
        # Persistent connections, as a production server would run.
        DATABASE_CONN_MAX_AGE="600",
        CACHE_URL=cache,
        CACHE_KEY_PREFIX=prefix,
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(40),
        ALLOWED_HOSTS=".bench.localhost,127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL="http://raad-001.bench.localhost",
        SECURE_SSL_REDIRECT="false",
        TWO_FACTOR_REQUIRED="false",
        STATIC_ROOT=str(ROOT / "var" / "bench" / "static"),
        PAGE_CACHE_TIMEOUT=str(page_cache_timeout),
        # What every page of a council repeats stays cached with the page
        # cache off: a page the page cache misses is rendered that way.
        COUNCIL_FRAGMENT_TIMEOUT="300",
        # An SMTP server that never answers (TEST-NET-1 address).
        EMAIL_HOST="192.0.2.1",
        EMAIL_PORT="25",
        EMAIL_TIMEOUT="5",
    )
    return env


def manage(env, *args):
    completed = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{completed.stderr[-3000:]}")
    return completed.stdout


def prepare(size, args):
    url = database_url(args.database, size)
    database_ensure(url)
    env = bench_env(database=url, cache=args.cache, prefix=args.prefix)
    manage(env, "migrate", "--noinput", "-v0")
    started = time.perf_counter()
    output = manage(env, "seed_scale", "--size", size, "--force")
    seconds = time.perf_counter() - started
    print(f"[{size}] {output.strip().splitlines()[-1]} (command: {seconds:.0f} s)")
    return url, output.strip().splitlines()[-1]


def probe(env):
    completed = subprocess.run(
        [PYTHON, str(Path(__file__).resolve()), "probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        sys.exit(f"probe failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


# Serving and loading -------------------------------------------------------------


def serve(env, args):
    server = subprocess.Popen(
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "cms.wsgi:application",
            "--workers",
            str(args.workers),
            "--bind",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/bench/hello/")
            return server
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not answer within a minute")


def worker_rss_mib(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text()
    sizes = []
    for pid in children.split():
        status = Path(f"/proc/{pid}/status").read_text()
        kib = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        sizes.append(round(kib / 1024))
    return sizes


def fetch_ok(args, host, path):
    request = urllib.request.Request(
        f"http://127.0.0.1:{args.port}{path}", headers={"Host": host}
    )
    with urllib.request.urlopen(request) as response:
        return response.status == 200


LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _latency_ms(output, percentile):
    match = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    return float(match.group(1)) * LATENCY_UNITS[match.group(2)]


def wrk(args, host, path):
    output = subprocess.run(
        [
            "wrk",
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "-H",
            f"Host: {host}",
            "-H",
            "Accept-Encoding: gzip",
            f"http://127.0.0.1:{args.port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _latency_ms(output, 50),
        "p99": _latency_ms(output, 99),
        "errors": int(errors.group(1)) if errors else 0,
    }


def load(env, args, targets):
    server = serve(env, args)
    try:
        results = {}
        for name in PAGES:
            host, path = targets["host"], targets["urls"][name]
            for _ in range(3):  # warm the workers' caches (and the page cache)
                fetch_ok(args, host, path)
            results[name] = wrk(args, host, path)
        return results, worker_rss_mib(server)
    finally:
        server.terminate()
        server.wait()


# Tables --------------------------------------------------------------------------


def _cells(result, hello):
    mark = " !" if result["errors"] else ""
    return (
        f"{result['rps']:8.0f} {result['p50']:7.1f} {result['p99']:7.1f} "
        f"{result['rps'] / hello:6.2f}{mark}"
    )


def table(size, seeded, measured):
    cached, uncached, targets = (
        measured["cached"],
        measured["uncached"],
        measured["probe"],
    )
    print(f"\n== {size}: {seeded}")
    print(
        f"{'':16} {'cached (PAGE_CACHE_TIMEOUT=300)':^31}   "
        f"{'uncached (PAGE_CACHE_TIMEOUT=0)':^31}"
    )
    head = f"{'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'×hello':>6}"
    print(f"{'page':16} {head}   {head}   {'SQL':>4}")
    # Both columns against hello-world with the page cache off: the stack's
    # own limit (with it on, hello-world also pays the cache's lookup).
    hello = uncached["hello-world"]["rps"]
    for name in PAGES:
        queries = targets["queries"].get(name, "")
        print(
            f"{name:16} {_cells(cached[name], hello)}   "
            f"{_cells(uncached[name], hello)}   {queries:>4}"
        )
    print(
        f"worker RSS after the run (MiB): cached {measured['rss_cached']}, "
        f"uncached {measured['rss_uncached']}"
    )
    approvals = targets["approve_ms"]
    print(
        "approve-and-publish, server time with the SMTP server unreachable: "
        f"median {statistics.median(approvals):.0f} ms "
        f"(runs: {', '.join(f'{ms:.0f}' for ms in approvals)})"
    )
    print(f"URLs on {targets['host']}: {json.dumps(targets['urls'])}")


def scale_table(runs):
    sizes = list(runs)
    small = sizes[0]
    for size in sizes[1:]:
        print(f"\n== {size} against {small} (uncached; 1.00 = as fast)")
        print(f"{'page':16} {'time per request ×':>18} {'SQL':>10}")
        for name in SCALE_PAGES:
            slower = (
                runs[small]["uncached"][name]["rps"]
                / runs[size]["uncached"][name]["rps"]
            )
            queries = (
                f"{runs[small]['probe']['queries'][name]} → "
                f"{runs[size]['probe']['queries'][name]}"
            )
            print(f"{name:16} {slower:18.2f} {queries:>10}")


# Probe (inside Django) --------------------------------------------------------


def run_probe():
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from scripts.bench_probe import probe_results

    print(json.dumps(probe_results(approvals=APPROVALS)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "mode", nargs="?", default="run", choices=["run", "probe", "tables"]
    )
    parser.add_argument(
        "--sizes", default=os.environ.get("BENCH_SIZES", "demo,national")
    )
    parser.add_argument("--duration", type=int, default=8, help="seconds per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's")
    parser.add_argument("--port", type=int, default=8021)
    args = parser.parse_args()
    if args.mode == "probe":
        return run_probe()
    if args.mode == "tables":  # print the last run's tables again
        return print_tables(json.loads(RESULTS.read_text()))
    if shutil.which("wrk") is None:
        sys.exit("make bench needs wrk: apt-get install -y wrk")
    args.database = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
    args.cache = os.environ.get("CACHE_URL") or DEFAULT_CACHE
    args.prefix = f"bench-{secrets.token_hex(4)}"
    runs = {}
    for size in args.sizes.split(","):
        url, seeded = prepare(size, args)
        env = bench_env(database=url, cache=args.cache, prefix=f"{args.prefix}-{size}")
        manage(env, "collectstatic", "--noinput", "-v0")
        measured = {"probe": probe(bench_env(**_probe_env(url, args, size)))}
        targets = measured["probe"]
        measured["cached"], measured["rss_cached"] = load(env, args, targets)
        uncached = bench_env(
            database=url,
            cache=args.cache,
            prefix=f"{args.prefix}-{size}-off",
            page_cache_timeout=0,
        )
        measured["uncached"], measured["rss_uncached"] = load(uncached, args, targets)
        measured["seeded"] = seeded
        runs[size] = measured
        table(size, seeded, measured)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(runs, indent=1))
    scale_table(runs)


def print_tables(runs):
    for size, measured in runs.items():
        table(size, measured["seeded"], measured)
    scale_table(runs)


def _probe_env(url, args, size):
    return {
        "database": url,
        "cache": args.cache,
        "prefix": f"{args.prefix}-{size}-probe",
        "page_cache_timeout": 0,
    }


if __name__ == "__main__":
    main()
