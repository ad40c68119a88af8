"""A long-running process's garbage collector once its start-up is done (``kit.heap``)."""

import gc
from collections.abc import Iterator

import pytest
from sqlalchemy import inspect

from punchcard.kit import heap
from punchcard.vouchers.models import Voucher


@pytest.fixture
def restored() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


@pytest.mark.usefixtures("restored")
def test_settling_freezes_what_exists_with_the_mappers_and_collects_young_less_often() -> None:
    heap.settle()

    assert inspect(Voucher).configured
    assert gc.get_freeze_count() > 0
    assert gc.get_objects(generation=2) == []  # nothing but what came after is rescanned
    assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD
