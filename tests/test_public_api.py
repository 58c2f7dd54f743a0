"""A small public API, enforced (habit 8)."""

from __future__ import annotations
import __future__

import importlib
import inspect
import pkgutil
from importlib import resources
from types import ModuleType

import pytest

import unsc

PUBLIC = list(unsc.__all__)


def test_all_is_sorted() -> None:
    assert unsc.__all__ == sorted(unsc.__all__)


def test_all_has_no_duplicates() -> None:
    assert len(set(unsc.__all__)) == len(unsc.__all__)


def test_every_public_attribute_is_in_all() -> None:
    leaked = [
        name
        for name, value in vars(unsc).items()
        if not name.startswith("_")
        and not isinstance(value, ModuleType | __future__._Feature)
        and name not in unsc.__all__
    ]
    assert leaked == [], "public names missing from unsc.__all__ (or make them private)"


@pytest.mark.parametrize("name", PUBLIC)
def test_name_is_importable_and_documented(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from unsc import {name}", namespace)
    value = namespace[name]
    assert value is getattr(unsc, name)
    doc = inspect.getdoc(value)
    assert (doc or "").strip(), f"unsc.{name} has no docstring"


@pytest.mark.parametrize("name", PUBLIC)
def test_name_lives_in_a_private_module(name: str) -> None:
    module = getattr(getattr(unsc, name), "__module__", "unsc")
    assert module == "unsc" or any(p.startswith("_") for p in module.split(".")[1:]), (
        f"unsc.{name} is defined in the public module {module}"
    )


def test_every_submodule_is_private() -> None:
    names = [m.name for m in pkgutil.iter_modules(unsc.__path__)]
    assert names, "no submodules found"
    assert [n for n in names if not n.startswith("_")] == []
    for name in names:
        if name != "__main__":
            importlib.import_module(f"unsc.{name}")


def test_package_ships_py_typed() -> None:
    assert resources.files("unsc").joinpath("py.typed").is_file()


def test_package_has_a_docstring_and_version() -> None:
    assert (unsc.__doc__ or "").strip()
    assert unsc.__version__.count(".") == 2
