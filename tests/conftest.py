"""Shared fixtures."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo() -> Path:
    """Return the repository root."""
    return REPO


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """Import a module from scripts/ by file name (scripts/ is not a package)."""
    cache: dict[str, ModuleType] = {}

    def load(name: str) -> ModuleType:
        if name not in cache:
            path = REPO / "scripts" / f"{name}.py"
            spec = importlib.util.spec_from_file_location(f"_scripts_{name}", path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load {path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module  # dataclasses look their module up here
            spec.loader.exec_module(module)
            cache[name] = module
        return cache[name]

    return load
