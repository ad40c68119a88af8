"""The garbage collector set for a long-running process (`punchcard serve`'s workers and
`punchcard worker`), once its start-up is done."""

import gc

from sqlalchemy.orm import configure_mappers

# Allocations between young collections (Python's default: 700). A request's or a delivery's
# objects outlive a few default ones (a handful of requests apart), are promoted, and every
# tenth promotion triggers a full collection, which stalls the event loop: in the load
# benchmark, one every few seconds in each server process. Fewer, larger young collections
# (a few ms each) let most objects die young: full ones come ten times more rarely.
YOUNG_THRESHOLD = 10_000


def settle() -> None:
    """Start-up objects (routes, schemas, statements) live forever: keep them out of every
    collection, which otherwise rescans them all. The ORM's mappers are set up now, not at
    the first query, so their ten thousand objects are frozen with the rest."""
    configure_mappers()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD)
