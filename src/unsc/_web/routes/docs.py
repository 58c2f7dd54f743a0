"""``GET /docs``: the API's documentation page, rendered from its OpenAPI description."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unsc._web.render import render

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API's documentation, rendered from its OpenAPI description (no script)."""
    spec = request.app.openapi()
    operations = [
        {"path": path, "method": method.upper(), **op}
        for path, item in spec["paths"].items()
        for method, op in item.items()
    ]
    return render(
        request,
        "pages/docs.html",
        {"title": "API", "operations": operations, "schemas": spec["components"]["schemas"]},
    )
