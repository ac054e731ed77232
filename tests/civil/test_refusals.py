"""Every refusal: wrong role, someone else's request, wrong state, concurrent claim."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection
from rest_framework.test import APIClient

from accounts.models import User
from civil import services
from civil.models import CivilRequest, Status
from tests.civil.conftest import act, create_draft, submitted, upload
from tests.factories import make_user

pytestmark = pytest.mark.django_db
Login = Callable[[User], APIClient]


def test_another_resident_sees_nothing(login: Login, resident: User) -> None:
    mine = submitted(login(resident))
    stranger = login(make_user())
    document = mine["documents"][0]
    for url in (
        f"/api/v1/civil/requests/{mine['id']}/",
        document["url"],
        f"/api/v1/civil/requests/{mine['id']}/receipt",
    ):
        response = stranger.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"
    for action in ("cancel", "resubmit", "submit", "claim"):
        assert act(stranger, mine["id"], action).status_code == 404
    assert upload(stranger, mine["id"], "kk").status_code == 404
    patch = stranger.patch(
        f"/api/v1/civil/requests/{mine['id']}/", {"form_data": {}}, format="json"
    )
    assert patch.status_code == 404
    assert stranger.get("/api/v1/civil/requests/").json()["count"] == 0


def test_officer_of_another_district_gets_404(
    login: Login, resident: User, other_district_officer: User
) -> None:
    mine = submitted(login(resident))
    outsider = login(other_district_officer)
    assert outsider.get(f"/api/v1/civil/requests/{mine['id']}/").status_code == 404
    assert outsider.get(mine["documents"][0]["url"]).status_code == 404
    assert act(outsider, mine["id"], "claim").status_code == 404
    assert outsider.get("/api/v1/civil/requests/").json()["count"] == 0


def test_officers_never_see_drafts(login: Login, resident: User, civil_officer: User) -> None:
    draft = create_draft(login(resident))
    petugas = login(civil_officer)
    assert petugas.get(f"/api/v1/civil/requests/{draft['id']}/").status_code == 404
    assert petugas.get("/api/v1/civil/requests/?status=draft").json()["count"] == 0


def test_resident_cannot_use_officer_actions_on_her_own_request(
    login: Login, resident: User
) -> None:
    warga = login(resident)
    mine = submitted(warga)
    for action, body in (
        ("claim", {}),
        ("approve", {}),
        ("request-revision", {"note": "x"}),
        ("complete", {"output_document_number": "1"}),
        ("reject", {"reason": "x"}),
    ):
        assert act(warga, mine["id"], action, **body).status_code == 404, action
    queue = warga.get("/api/v1/civil/requests/?scope=queue")
    assert queue.status_code == 403
    assert queue.json()["error"]["code"] == "permission_denied"


def test_actions_in_the_wrong_state_are_409(
    login: Login, resident: User, civil_officer: User
) -> None:
    warga, petugas = login(resident), login(civil_officer)
    sent = submitted(warga)
    for action, body in (
        ("approve", {}),
        ("complete", {"output_document_number": "X-1"}),
        ("request-revision", {"note": "x"}),
        ("reject", {"reason": "x"}),
    ):
        response = act(petugas, sent["id"], action, **body)
        assert response.status_code == 409, action
        assert response.json()["error"]["code"] == "invalid_transition"
    assert act(warga, sent["id"], "submit").status_code == 409
    assert act(warga, sent["id"], "resubmit").status_code == 409
    assert upload(warga, sent["id"], "kk").status_code == 409
    act(petugas, sent["id"], "claim")
    assert act(petugas, sent["id"], "claim").status_code == 409
    assert CivilRequest.objects.get(pk=sent["id"]).status == Status.IN_REVIEW


def test_only_the_assigned_officer_acts(
    login: Login, resident: User, civil_officer: User, second_officer: User
) -> None:
    sent = submitted(login(resident))
    act(login(civil_officer), sent["id"], "claim")
    response = act(login(second_officer), sent["id"], "approve")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_assigned"


def test_required_inputs_of_officer_actions(
    login: Login, resident: User, civil_officer: User
) -> None:
    petugas = login(civil_officer)
    sent = submitted(login(resident))
    act(petugas, sent["id"], "claim")
    assert "note" in act(petugas, sent["id"], "request-revision").json()["error"]["fields"]
    assert (
        "note" in act(petugas, sent["id"], "request-revision", note=" ").json()["error"]["fields"]
    )
    act(petugas, sent["id"], "approve")
    blank = act(petugas, sent["id"], "complete", output_document_number="  ")
    assert blank.status_code == 400
    assert "output_document_number" in blank.json()["error"]["fields"]


def test_a_stale_claim_loses(resident: User, civil_officer: User, second_officer: User) -> None:
    from tests.civil.conftest import get_request

    request_id = submitted(_client(resident))["id"]
    stale_a = get_request(request_id)
    stale_b = get_request(request_id)
    services.claim(officer=civil_officer, civil_request=stale_a)
    from core.exceptions import Conflict

    with pytest.raises(Conflict):
        services.claim(officer=second_officer, civil_request=stale_b)
    assert get_request(request_id).assigned_officer == civil_officer


def _client(user: User) -> APIClient:
    from accounts.services import issue_tokens

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issue_tokens(user)['access']}")
    return client


@pytest.mark.django_db(transaction=True)
def test_two_officers_claiming_at_once_one_wins(
    reference_data: None, resident: User, civil_officer: User, second_officer: User
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent transactions are exercised on PostgreSQL (CI runs it)")
    request_id = submitted(_client(resident))["id"]
    barrier = threading.Barrier(2)
    results: list[int] = []

    def claim(officer: User) -> None:
        client = _client(officer)
        barrier.wait()
        results.append(act(client, request_id, "claim").status_code)
        connection.close()

    threads = [threading.Thread(target=claim, args=(o,)) for o in (civil_officer, second_officer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200, 409]
    claimed = CivilRequest.objects.get(pk=request_id)
    assert claimed.status == Status.IN_REVIEW
    assert claimed.events.filter(action="claimed").count() == 1
