"""Attribution: who says each sentence's claim, through whom, published by whom.

`attribute(text, sentences, context)` gives one chain per sentence; `find_attributions`
adds every attribution found, with the spans of its content, source and cue.
"""

from claims.extract.attribution.document import (
    AttributionResult,
    FoundAttribution,
    attribute,
    find_attributions,
)

__all__ = ["AttributionResult", "FoundAttribution", "attribute", "find_attributions"]
