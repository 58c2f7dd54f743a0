"""A quick run of the web fuzzer (``bench/fuzz_web.py``) over the real record: 0 server errors.

schemathesis generates requests from the app's OpenAPI schema, fitting it and
not; the pages and forms get hostile path segments and parameters. Every answer
must be a success or a 4xx in the one error shape. The long run is
``python bench/fuzz_web.py`` (figures in docs/reliability.md).
"""

from __future__ import annotations

import importlib.util
import pathlib
import sys
from types import ModuleType

import pytest

from test_web_support import record_file, record_url

__all__ = ["record_file", "record_url"]  # fixtures

BENCH = pathlib.Path(__file__).resolve().parent.parent / "bench" / "fuzz_web.py"

pytestmark = pytest.mark.realdata


def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_bench_fuzz_web", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def test_schemathesis_finds_no_server_error(record_url: str) -> None:
    fuzz = harness()
    tally = fuzz.fuzz_api(fuzz.make_app(record_url), examples=5, seed=1)
    assert tally.failed == 0, tally.report("API")
    assert tally.requests >= 150
    assert tally.by_outcome["ok"] > 0
    assert tally.by_outcome["client error"] > 0  # negative data was sent, and refused


def test_the_pages_and_forms_give_no_server_error(record_url: str) -> None:
    fuzz = harness()
    tally = fuzz.fuzz_html(fuzz.make_app(record_url), requests=400, seed=1)
    assert tally.failed == 0, tally.report("pages")
    assert tally.requests == 400
    assert tally.by_outcome["ok"] > 50


def test_the_classifier_counts_what_it_should() -> None:
    classify = harness().classify
    shaped = b'{"error": {"status": 422, "code": "invalid_input", "message": "m"}}'
    assert classify(200, "application/json", b"[]") == "ok"
    assert classify(422, "application/json", shaped) == "client error"
    assert classify(404, "application/json", shaped) == "bad error shape"  # status differs
    assert classify(422, "application/json", b'{"detail": "x"}') == "bad error shape"
    assert classify(404, "text/html", b'<p data-status="404">') == "client error"
    assert classify(500, "text/html", b"") == "server error"
    assert classify(404, "text/html", b"", head=True) == "client error"
