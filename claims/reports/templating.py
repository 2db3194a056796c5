"""The two Jinja environments: HTML (autoescaped) and Markdown (Markdown-escaped).

In both, every `{{ value }}` passes through `finalize` first: strings are made display-safe
(control and bidi characters shown as visible markers), and in Markdown escaped so that data
can never become syntax. Markup that the application builds itself is marked safe by type
(`Markup` for HTML, `MdSafe` for Markdown); data is never marked safe.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from claims.reports.kinds import kind_label
from claims.reports.markdown_escape import MdSafe, md_escape
from claims.reports.urls import safe_url
from claims.reports.verdicts import verdict_label
from claims.review_scale import CREDIBILITY
from claims.text.display import display_safe, one_line

TEMPLATES = Path(__file__).parent / "templates"


def _display(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return display_safe(value)


def _markdown(value: Any) -> Any:
    if isinstance(value, MdSafe):
        return value
    if value is None:
        return ""
    return md_escape(str(value))


def md_date(value: datetime | None) -> str:
    """A timestamp as people read it, in UTC."""
    return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "–"


def evidence_parts(item: object) -> tuple[str, str | None]:
    """An evidence entry as (text, address): a URL string, a note, or a {url, note, title}
    object. The address is as given; the templates decide whether it may be a link."""
    if isinstance(item, dict):
        raw_url = item.get("url")
        words = [str(item[k]) for k in ("title", "note", "text") if item.get(k)]
        text = " — ".join(words) or (raw_url if isinstance(raw_url, str) else "") or str(item)
        return text, raw_url if isinstance(raw_url, str) else None
    text = item if isinstance(item, str) else str(item)
    return text, text if "://" in text or text.lower().startswith(
        ("javascript:", "data:")
    ) else None


def _common(env: Environment) -> Environment:
    env.filters["safe_url"] = safe_url
    env.filters["cut"] = one_line
    env.filters["kind_label"] = kind_label
    env.filters["verdict_label"] = verdict_label
    env.globals["evidence_parts"] = evidence_parts
    env.filters["md_date"] = md_date
    env.globals["credibility"] = CREDIBILITY
    return env


@cache
def html_environment() -> Environment:
    """Autoescaping on for every template and string; undefined names are errors."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default_for_string=True, default=True),
        undefined=StrictUndefined,
        finalize=_display,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return _common(env)


@cache
def markdown_environment() -> Environment:
    """No HTML escaping (Markdown is the target); Markdown escaping through `finalize`."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,  # noqa: S701 - the output is Markdown; `finalize` escapes every value
        undefined=StrictUndefined,
        finalize=_markdown,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return _common(env)
