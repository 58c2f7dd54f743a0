"""Rules of the layout that import-linter cannot state: no private name crosses a package.

A top-level package of ``unsc`` (``unsc._record``, ``unsc._web``, ``unsc._engine``,
or a module such as ``unsc._errors``) offers other packages only its public surface: its
package, and the modules and names in it that do not start with ``_``.
``unsc._extract._record`` (a private module) and ``unsc._store.query._decision_row``
(a private name) may be imported inside their own package, never from another
one. ``unsc/__init__.py`` counts as another package for all of them.

The check reads the ``import`` statements of ``src/unsc`` with :mod:`ast`, those
inside functions included, and the string given to ``importlib.import_module``.
"""

from __future__ import annotations

import ast
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import unsc

SRC = Path(unsc.__file__).parent


def _private(part: str) -> bool:
    return part.startswith("_") and not (part.startswith("__") and part.endswith("__"))


def _module_of(path: Path) -> list[str]:
    """``unsc/_web/routes/reports.py`` -> ``["unsc", "_web", "routes", "reports"]``."""
    parts = ["unsc", *path.relative_to(SRC).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(tree: ast.AST, module: list[str], is_package: bool) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything ``tree`` imports: modules, and names from them."""
    package = module if is_package else module[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                yield node.lineno, f"{source}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def crossings(source: str, module: list[str], *, is_package: bool = False) -> list[str]:
    """The imports in ``source`` (the text of ``module``) that reach a private name elsewhere."""
    owner = module[1] if len(module) > 1 else None  # None: unsc/__init__.py itself
    out = []
    for line, name in _imports(ast.parse(source), module, is_package):
        parts = name.split(".")
        if parts[0] != "unsc" or len(parts) < 3 or parts[1] == owner:
            continue
        if any(_private(part) for part in parts[2:]):
            out.append(f"{'.'.join(module)}:{line}: {name}")
    return out


LAYOUT = [
    "__main__",
    "_cli",
    "_engine",
    "_english",
    "_errors",
    "_extract",
    "_mandates",
    "_power",
    "_record",
    "_reference",
    "_sources",
    "_store",
    "_web",
]
"""The top of ``src/unsc`` (docs/architecture.md): one package per layer, two small modules."""


def test_the_top_level_holds_the_layers_and_nothing_else() -> None:
    found = {m.name: m.ispkg for m in pkgutil.iter_modules(unsc.__path__)}
    assert sorted(found) == LAYOUT
    modules = sorted(name for name, ispkg in found.items() if not ispkg)
    assert modules == ["__main__", "_english", "_errors"]


def test_the_reference_tables_live_inside_the_reference_package() -> None:
    tables = sorted(p.name for p in (SRC / "_reference" / "data").glob("*.csv"))
    assert "elected_terms.csv" in tables
    assert "known_source_errors.csv" in tables
    assert not (SRC / "_data").exists()


def test_the_migrations_import_nothing_above_the_store() -> None:
    # Alembic loads the migrations by path, so import-linter does not see them.
    versions = sorted((SRC / "_store" / "migrations").rglob("*.py"))
    assert len(versions) >= 8  # env.py and the revisions were read
    found = []
    for path in versions:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, name in _imports(tree, ["unsc", "_store", "migrations", path.stem], False):
            if name.startswith("unsc.") and not name.startswith("unsc._store."):
                found.append(f"{path.name}:{line}: {name}")
    assert found == []


def test_no_private_name_is_imported_from_another_package() -> None:
    found = []
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 50  # the whole of src/unsc was read
    for path in files:
        found += crossings(
            path.read_text(encoding="utf-8"),
            _module_of(path),
            is_package=path.name == "__init__.py",
        )
    assert found == []


def test_the_check_sees_every_way_of_reaching_a_private_name() -> None:
    web = ["unsc", "_web", "queries"]
    bad = [
        "from unsc._store.query import _decision_row",
        "from unsc._extract._record import check_records",
        "from unsc._extract import _record",
        "import unsc._extract._record",
        "def f():\n    from unsc._extract._checks import check_vote",
        "import importlib\nimportlib.import_module('unsc._record._x')",
    ]
    for source in bad:
        assert len(crossings(source, web)) == 1, source
    # the package's own private modules, public names elsewhere, and dunders are fine
    good = [
        "from unsc._web._x import _y",
        "from unsc._store.query import decision_row",
        "from unsc._extract import check_records",
        "from unsc import __version__",
        "import unsc._engine",
        "from . import _z",
    ]
    for source in good:
        assert crossings(source, web) == [], source
    # unsc/__init__.py is no package's own: a private module below it crosses
    assert crossings("from unsc._power._kernels import x", ["unsc"], is_package=True) != []
    # a relative import is read from the file's package
    routes = ["unsc", "_web", "routes", "reports"]
    assert crossings("from .. import _private_module", routes) == []
