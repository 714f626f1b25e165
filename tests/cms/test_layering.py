"""Every module of cms sits in a layer of the import contract: a module the
contract does not name would be free to import the feature apps above it."""

import pkgutil
import tomllib
from pathlib import Path

import cms

ROOT = Path(__file__).resolve().parents[2]


def _layered_cms_modules():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    names = {name.strip() for layer in layers for name in layer.split(":")}
    return {name for name in names if name.startswith("cms.")}


def test_every_cms_module_is_placed_in_a_layer():
    top_level = {f"cms.{info.name}" for info in pkgutil.iter_modules(cms.__path__)}
    unplaced = top_level - _layered_cms_modules() - {"cms.migrations"}

    assert not unplaced, f"add these to the layers in pyproject.toml: {unplaced}"
