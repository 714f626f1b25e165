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
    "WAGTAILADMIN_BASE_URL": "https://raad.example.dk",
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


def test_production_refuses_to_start_without_the_admins_base_url():
    env = {k: v for k, v in PLAUSIBLE.items() if k != "WAGTAILADMIN_BASE_URL"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL is not set" in result.stderr


def production_setting(name, env):
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings; print(settings.{name})",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_requires_two_factors_unless_told_otherwise():
    assert production_setting("TWO_FACTOR_REQUIRED", PLAUSIBLE) == "True"
    turned_off = {**PLAUSIBLE, "TWO_FACTOR_REQUIRED": "false"}
    assert production_setting("TWO_FACTOR_REQUIRED", turned_off) == "False"


def test_production_uses_the_given_base_url_and_no_gravatar():
    assert production_setting("WAGTAILADMIN_BASE_URL", PLAUSIBLE) == (
        "https://raad.example.dk"
    )
    assert production_setting("WAGTAIL_GRAVATAR_PROVIDER_URL", PLAUSIBLE) == "None"


def test_deploy_check_is_clean_with_a_plausible_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PLAUSIBLE)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
