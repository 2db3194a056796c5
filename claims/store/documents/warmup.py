"""Imported by the analysis workers' fork server only: it analyses a made-up article once and
freezes the heap, so the language data, models and caches that extraction loads on its first
document are loaded once, before the workers are forked, and shared by all of them.

Without it, each worker loaded its own copy on its first input (about 80 MB each). A fault
in the warm-up must not stop ingest: the fork server dies on any error but ImportError while
it imports this module, and every worker with it. The workers then load what they need on
their first input instead, where a fault is reported against that input.
"""

from __future__ import annotations

import gc

from claims.ingest.models import RawInput
from claims.ingest.prepare import prepare
from claims.store.documents.claims import extract_prepared, frames_prepared

SAMPLE = """Floods close the bridge to Riverton

RIVERTON, March 3, 2025 - The river rose by 2.5 metres on Tuesday, police spokesman Tom Hale
said, and about 300 homes were evacuated, according to the mayor's office.

"We have never seen water this high," a resident told reporters. The harbour authority denied
that the dam had failed, but officials said the bridge would stay closed until Friday.
"""


def warm_up() -> bool:
    """Run the whole analysis once on `SAMPLE`, then keep what it loaded out of the collector;
    False if the analysis failed (nothing is frozen then)."""
    try:
        prepared = prepare(
            RawInput(origin="warm-up", locator=None, data=SAMPLE.encode(), media_type="text/plain")
        )
        frames_prepared(prepared, extract_prepared(prepared))
    except Exception:  # see the module docstring
        return False
    gc.collect()
    gc.freeze()  # the collector would otherwise write to every shared page it scans
    return True


warm_up()
