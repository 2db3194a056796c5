"""The source registry in the database: what ingestion, the commands and the workbench call.

Ingestion calls `resolve_attributions` (chain links -> registry sources) and then
`apply_credibility` (propaganda flag, path and proposed credibility) inside the document's
transaction; registry edits call `refresh_claims`. Resolution lives in `resolution` (with
`index` and `new`), reading in `listing`, the command line's edits in `edits`, the grading,
aliasing and merging that the command line and the workbench share in `grades` and `service`,
registry files and rating lists in `files`.
"""

from __future__ import annotations

from claims.store.credibility import Counts, apply_credibility, refresh_claims
from claims.store.rows.sources import load_index, load_known
from claims.store.sources.citing import claims_citing, descendants, refresh_citing
from claims.store.sources.edits import (
    EditOutcome,
    RegistryError,
    SourceEdit,
    add_source,
    edit_source,
    merge,
)
from claims.store.sources.files import (
    ImportReport,
    RatingsReport,
    export_registry,
    import_ratings,
    import_registry,
)
from claims.store.sources.grades import grade_source
from claims.store.sources.index import forget, shared_index
from claims.store.sources.listing import (
    PendingSource,
    SourceProfile,
    SourceSummary,
    find_source,
    list_sources,
    review_queue,
    source_profile,
)
from claims.store.sources.new import NewSources
from claims.store.sources.resolution import (
    ReresolveResult,
    Resolver,
    reresolve,
    resolve_attributions,
)
from claims.store.sources.service import (
    add_source_alias,
    merge_sources,
    merged_away,
    set_source_grade,
    undo_alias,
    undo_merge,
)

__all__ = [
    "Counts",
    "EditOutcome",
    "ImportReport",
    "NewSources",
    "PendingSource",
    "RatingsReport",
    "RegistryError",
    "ReresolveResult",
    "Resolver",
    "SourceEdit",
    "SourceProfile",
    "SourceSummary",
    "add_source",
    "add_source_alias",
    "apply_credibility",
    "claims_citing",
    "descendants",
    "edit_source",
    "export_registry",
    "find_source",
    "forget",
    "grade_source",
    "import_ratings",
    "import_registry",
    "list_sources",
    "load_index",
    "load_known",
    "merge",
    "merge_sources",
    "merged_away",
    "refresh_citing",
    "refresh_claims",
    "reresolve",
    "resolve_attributions",
    "review_queue",
    "set_source_grade",
    "shared_index",
    "source_profile",
    "undo_alias",
    "undo_merge",
]
