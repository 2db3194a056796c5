"""A fresh machine installs what CI tested: requirements.lock pins every package, with hashes,
at versions pyproject.toml allows, and this environment is exactly that lock."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).parent.parent
PINNED = re.compile(
    r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>[^\s;\\]+)(?:\s*;\s*(?P<marker>[^\\]+))?"
)


def locked() -> dict[str, tuple[str, str | None, int]]:
    """Name -> (version, marker, number of hashes) for each package in the lock."""
    found: dict[str, tuple[str, str | None, int]] = {}
    current = ""
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        pin = PINNED.match(line)
        if pin:
            current = canonicalize_name(pin["name"])
            marker = pin["marker"].strip() if pin["marker"] else None
            found[current] = (pin["version"], marker, 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version_, marker, hashes = found[current]
            found[current] = (version_, marker, hashes + 1)
    return found


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    return [Requirement(r) for r in [*project["dependencies"], *extras["dev"], *extras["train"]]]


def test_every_declared_requirement_is_locked_at_an_allowed_version_with_hashes() -> None:
    lock = locked()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in lock, f"{requirement} is not in requirements.lock: run `make lock`"
        pinned, _, hashes = lock[name]
        assert requirement.specifier.contains(pinned, prereleases=True), (requirement, pinned)
        assert hashes > 0, f"{name} has no hash in requirements.lock"


def test_lxml_html_clean_is_a_direct_dependency() -> None:
    """justext asks for lxml[html_clean], an extra the pip of Python 3.11 does not match."""
    names = {canonicalize_name(r.name) for r in declared()}
    assert "lxml-html-clean" in names
    import lxml.html.clean  # noqa: F401 - what trafilatura's justext needs at run time


def test_this_environment_is_the_lock() -> None:
    mismatched = []
    for name, (pinned, marker, _) in locked().items():
        if marker and not _applies(marker):
            continue
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = "missing"
        if installed != pinned:
            mismatched.append(f"{name}: installed {installed}, locked {pinned}")
    assert mismatched == [], "run `make setup`: " + "; ".join(mismatched)


def _applies(marker: str) -> bool:
    from packaging.markers import Marker

    return Marker(marker).evaluate(
        {"python_version": f"{sys.version_info[0]}.{sys.version_info[1]}"}
    )
