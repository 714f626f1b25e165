"""The vendored design system is complete, licensed and builds for production."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

STATIC = Path(settings.BASE_DIR) / "static"


def test_dkfds_is_vendored_with_its_licence_and_version():
    dkfds = STATIC / "dkfds"
    licence = (dkfds / "LICENSE.md").read_text()
    assert "MIT" in licence and "Open Font License" in licence
    assert re.fullmatch(r"\d+\.\d+\.\d+\n", (dkfds / "VERSION").read_text())
    for name in ("css/dkfds.min.css", "js/dkfds.min.js", "img/all-svg-icons.svg"):
        assert (dkfds / name).is_file(), name


def test_every_file_the_stylesheets_refer_to_exists():
    for stylesheet in STATIC.glob("**/*.css"):
        for reference in re.findall(r"url\(([^)]+)\)", stylesheet.read_text()):
            target = reference.strip("'\"").split("?")[0].split("#")[0]
            if target.startswith("data:") or not target:
                continue
            assert (stylesheet.parent / target).resolve().is_file(), (
                f"{stylesheet.name} refers to missing {target}"
            )


def test_collectstatic_builds_the_production_manifest(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
        },
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in ("dkfds/css/dkfds.min.css", "css/talerror.css", "css/print.css"):
        assert (tmp_path / manifest[name]).is_file(), name


def test_no_template_has_inline_scripts_or_styles():
    templates = Path(settings.BASE_DIR) / "templates"
    for template in templates.glob("**/*.html"):
        if "admin" in template.parts or "mail" in template.parts:
            continue
        text = template.read_text()
        assert "<style" not in text, template
        assert not re.search(r"\sstyle=", text), template
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template
