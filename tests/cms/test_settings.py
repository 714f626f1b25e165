"""Production settings are secure by default and refuse to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLAUSIBLE = {
    "SECRET_KEY": "k3#Vq9!pZ2-w8Lr@x7Tn4$Jm6^Bc1&Hd5*Fs0(Gy)Ue_Ai+Ko=Pl",
    "ALLOWED_HOSTS": "raad.example.dk",
    "DATABASE_URL": f"sqlite:///{ROOT / 'db.sqlite3'}",
}


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PLAUSIBLE}
    clean.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PLAUSIBLE.items() if k != "SECRET_KEY"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PLAUSIBLE.items() if k != "ALLOWED_HOSTS"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_deploy_check_is_clean_with_a_plausible_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PLAUSIBLE)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
