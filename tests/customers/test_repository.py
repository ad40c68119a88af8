"""Customer statements over many rows at once."""

from punchcard.customers import repository
from punchcard.db.engine import Database
from punchcard.kit.clock import utcnow
from punchcard.kit.ids import new_id
from tests.conftest import Tenant


def _new(source_id: str) -> dict[str, object]:
    return {"id": new_id("cus"), "source_id": source_id}


async def test_inserting_leaves_out_rows_whose_identity_another_writer_took_first(
    db: Database, tenant: Tenant
) -> None:
    async with db.transaction() as session:  # the other writer, between a batch's read and write
        taken = await repository.insert_new(
            session, tenant.business_id, utcnow(), [_new("crm-taken")]
        )
    rows = [_new("crm-1"), _new("crm-taken"), _new("crm-2")]
    async with db.transaction() as session:
        inserted = await repository.insert_new(session, tenant.business_id, utcnow(), rows)
        assert set(inserted) == {rows[0]["id"], rows[2]["id"]}
    async with db.transaction() as session:
        found = await repository.holders(
            session,
            tenant.business_id,
            [("source_id", "crm-taken"), ("source_id", "crm-1")],
            lock=False,
        )
    assert found[("source_id", "crm-taken")].id in taken
    assert found[("source_id", "crm-1")].id == rows[0]["id"]
