"""The API's documentation page: descriptions as Markdown, request bodies as they are.

The OpenAPI description is CommonMark; the endpoints' docstrings are written
with reST's double backticks, which :func:`as_markdown` turns into Markdown's
single ones. :func:`markdown` renders the small subset the descriptions use
(paragraphs, ``-`` lists, code spans, ``**strong**``, ``*emphasis*``, links),
escaping everything else.
"""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup, escape

_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*([^*]+)\*\*")
_EM = re.compile(r"(?<![*\w])\*([^*\s][^*]*)\*(?![*\w])")
_LINK = re.compile(r"\[([^\]]+)\]\(((?:https?://|/)[^)\s]+)\)")


def as_markdown(text: str) -> str:
    """Turn reST's double-backtick code into Markdown's single-backtick code."""
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def _inline(text: str) -> str:
    parts = _CODE.split(text)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(f"<code>{escape(part)}</code>")
            continue
        html = str(escape(part))
        html = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', html)
        html = _STRONG.sub(r"<strong>\1</strong>", html)
        out.append(_EM.sub(r"<em>\1</em>", html))
    return "".join(out)


def markdown(text: str | None) -> Markup:
    r"""Render a description (Markdown, or reST's double backticks) as safe HTML.

    >>> str(markdown("Adjudicate (``unsc vote --json``).\n\n- one\n- *two*"))
    '<p>Adjudicate (<code>unsc vote --json</code>).</p><ul><li>one</li><li><em>two</em></li></ul>'
    """
    blocks = re.split(r"\n\s*\n", as_markdown(text or "").strip())
    html = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{_inline(line[2:])}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{_inline(' '.join(lines))}</p>")
    return Markup("".join(html))


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_type(s) for s in schema["anyOf"])
    kind = str(schema.get("type", "any"))
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if schema.get("format"):
        return f"{kind} ({schema['format']})"
    return kind


def request_body(op: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any] | None:
    """What an operation's request body really is: its schema's name, fields and examples."""
    body = op.get("requestBody")
    if not body:
        return None
    content: dict[str, dict[str, Any]] = body.get("content", {})
    media, spec = next(iter(content.items()), ("application/json", {}))
    schema: dict[str, Any] = spec.get("schema", {})
    name = _type(schema)
    resolved = schemas.get(name, schema) if "$ref" in schema else schema
    required = set(resolved.get("required", []))
    fields = [
        {
            "name": field,
            "type": _type(prop),
            "required": field in required,
            "description": markdown(prop.get("description") or prop.get("title") or ""),
        }
        for field, prop in resolved.get("properties", {}).items()
    ]
    examples = [
        (str(ex.get("summary") or key), json.dumps(ex.get("value"), indent=1, ensure_ascii=False))
        for key, ex in (spec.get("examples") or {}).items()
    ]
    return {
        "media": media,
        "required": bool(body.get("required")),
        "name": name if "$ref" in schema else (resolved.get("title") or name),
        "description": markdown(resolved.get("description") or ""),
        "fields": fields,
        "open": bool(resolved.get("additionalProperties")) and not fields,
        "examples": examples,
    }
