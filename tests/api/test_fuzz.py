"""Requests generated from the OpenAPI document (schemathesis + Hypothesis): whatever a
caller sends, the API answers with a status below 500, and documents what it answers."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from careerpivot.api.app import Settings, create_app

schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(Settings()))


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_request_gets_a_server_error(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, case.body, response.text[:500])
    if response.status_code >= 400:
        kind = response.headers["content-type"]  # schemathesis keeps every value in a list
        assert (kind[0] if isinstance(kind, list) else kind).startswith("application/problem+json")
        assert "Traceback" not in response.text
