"""schemathesis against the app's own OpenAPI schema (bounded examples): no request gets a 5xx.

schemathesis' pytest plugin does not work with pytest 9 yet, so the operations are driven with hypothesis
directly: one strategy per operation from the schema, a bounded number of examples each.
"""

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from api.app import create_app
from retrieval.assistant import Assistant
from retrieval.index import Index

EXAMPLES_PER_OPERATION = 12


@pytest.fixture(scope="module")
def app(fixture_index: Index):
    application = create_app(
        fixture_index.settings.model_copy(update={"admin_key": "fuzz-key"}),
        Assistant(fixture_index.settings, index=fixture_index),
    )
    with TestClient(application):  # runs the lifespan, so the app is ready for in-process calls
        yield application


def test_no_operation_returns_a_server_error(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    failures: list[str] = []
    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        @given(case=operation.as_strategy())
        def exercise(case) -> None:
            # Without the admin key, writes are refused before they touch the shared, read-only fixture index.
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:200]}")

        exercise()
    assert failures == []
