"""The fact-checking organisation and the other settings reports read, with their validation.

Settings live in the database's `settings` table (`claims config set KEY VALUE`) and travel
inside exports (`Export.settings`), so a renderer needs nothing but the export model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from claims.reports.urls import require_http_url, safe_url

CLAIM_ID_FIELD = "{claim_id}"


class Organisation(BaseModel):
    """Who publishes the fact checks: the ClaimReview `author`."""

    model_config = ConfigDict(frozen=True)

    name: str
    url: str | None = None
    review_url_template: str | None = None
    """Where the fact check of claim N is published, with `{claim_id}` in it."""

    def review_url(self, claim_id: int) -> str | None:
        """The page of one fact check: the template filled in, else the site with an anchor."""
        if self.review_url_template:
            return safe_url(self.review_url_template.replace(CLAIM_ID_FIELD, str(claim_id)))
        if self.url:
            return safe_url(f"{self.url.split('#', 1)[0]}#claim-{claim_id}")
        return None


def _text(value: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned or len(cleaned) > 200 or not cleaned.isprintable():
        raise ValueError("must be 1 to 200 printable characters")
    return cleaned


def _url(value: str) -> str:
    return require_http_url(value.strip(), "the value")


def _template(value: str) -> str:
    if CLAIM_ID_FIELD not in value:
        raise ValueError(f"must contain {CLAIM_ID_FIELD}")
    require_http_url(value.strip().replace(CLAIM_ID_FIELD, "1"), "the value")
    return value.strip()


@dataclass(frozen=True)
class SettingKey:
    """A setting people may change, what it means and how its value is checked."""

    key: str
    help: str
    clean: Callable[[str], str]


SETTING_KEYS: dict[str, SettingKey] = {
    item.key: item
    for item in (
        SettingKey("organisation.name", "Name of the fact-checking organisation.", _text),
        SettingKey("organisation.url", "Its website (http or https).", _url),
        SettingKey(
            "claimreview.url_template",
            "Where the fact check of a claim is published, e.g."
            " https://example.org/checks/{claim_id}.",
            _template,
        ),
    )
}
"""The settings `claims config` accepts; only these travel in exports."""


def clean_setting(key: str, value: str) -> str:
    """The value to store for `key`, or ValueError saying what is wrong with it."""
    known = SETTING_KEYS.get(key)
    if known is None:
        raise ValueError(f"unknown setting {key!r} (known: {', '.join(sorted(SETTING_KEYS))})")
    try:
        return known.clean(value)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def organisation_from(settings: Mapping[str, Any]) -> Organisation | None:
    """The configured organisation, or None when no name is set."""
    name = settings.get("organisation.name")
    if not isinstance(name, str) or not name:
        return None
    url = settings.get("organisation.url")
    template = settings.get("claimreview.url_template")
    return Organisation(
        name=name,
        url=safe_url(url),
        review_url_template=template if isinstance(template, str) else None,
    )
