"""Operation ids name the SDKs' functions: one per operation, the endpoint function's name."""

from collections import Counter

from punchcard.app import create_app


def test_operation_ids_are_unique_endpoint_names() -> None:
    document = create_app().openapi()
    ids = Counter(
        operation["operationId"]
        for path in document["paths"].values()
        for operation in path.values()
    )
    assert [name for name, count in ids.items() if count > 1] == []
    assert {"issue_card", "add_stamps", "redeem_by_code", "rotate_webhook_secret"} <= set(ids)
