#!/usr/bin/env bash
# Pin every package `make setup` installs, with hashes, in requirements.lock: run after changing
# the dependencies in pyproject.toml, then commit both. Needs uv (`pip install uv`). The lock is
# universal (any platform, Python 3.11 and newer) and includes the build backend, since the
# project itself is installed without build isolation.
set -euo pipefail
cd "$(dirname "$0")/.."
printf 'setuptools>=77\nwheel\n' | uv pip compile pyproject.toml - \
  --extra dev --extra train --universal --python-version 3.11 \
  --generate-hashes --no-header --quiet -o requirements.lock
