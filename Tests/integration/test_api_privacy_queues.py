"""The agent API queues of end users' privacy requests, through nginx: /api/v1/emailChangeRequests and
/api/v1/erasureRequests — list (status filter, paging), get, approve, reject with a reason; a decision is
final (409 REQUEST_ALREADY_DECIDED, nothing written); approval of an email change changes the contact's and
the portal user's email in one write, audits it, and emails the old and the new address; profiles without
the privacy right get 403 and write nothing; another org's ids are 404."""

from __future__ import annotations

import uuid

from api_helpers import make_org, org, other_org  # noqa: F401  (fixtures)
from people_helpers import AGENT, LIGHT_AGENT, TIME, add_agent, token_for
from privacy_helpers import (audit_entries, outbox_to, privacy_snapshot, request_email_change, request_erasure,
                             signed_up)

ECR_KEYS = {"id", "status", "contactId", "portalUserId", "oldEmail", "newEmail", "requestedTime", "decidedTime",
            "decidedById", "reason", "modifiedTime"}
ERASURE_KEYS = ECR_KEYS - {"oldEmail", "newEmail"}


def test_email_change_is_listed_approved_once_and_changes_both_emails(stack, org):
    user = signed_up(stack, org, "山田 花子")
    new_email = f"new-{uuid.uuid4().hex[:8]}@example.jp"
    request_email_change(stack, org, user, new_email)

    listed = org.get("/emailChangeRequests?status=pending")
    assert listed.status_code == 200, listed.text
    items = listed.json()["data"]
    assert len(items) == 1
    item = items[0]
    assert set(item) == ECR_KEYS
    assert item["status"] == "pending" and item["oldEmail"] == user.email and item["newEmail"] == new_email
    assert item["contactId"] == user.contact_id and item["decidedTime"] is None and item["decidedById"] is None
    assert TIME.match(item["requestedTime"])
    assert org.get(f"/emailChangeRequests/{item['id']}").json() == item
    assert org.get("/emailChangeRequests?status=approved").json()["data"] == []

    approved = org.post(f"/emailChangeRequests/{item['id']}/approve")
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["status"] == "approved" and body["decidedById"] == org.agent_id and TIME.match(body["decidedTime"])

    contact = org.get(f"/contacts/{user.contact_id}").json()
    assert contact["email"] == new_email
    assert org.sql(f"SELECT email FROM portal_users WHERE org_id = {int(org.org_id)} AND contact_id = {int(user.contact_id)}") == [[new_email]]
    assert len(outbox_to(stack, org, user.email, after=user.outbox_mark)) == 1, "the old address is told"
    assert len(outbox_to(stack, org, new_email, after=user.outbox_mark)) == 1, "the new address is told"

    entries = audit_entries(org, "emailChangeRequest", item["id"])
    assert [e["action"] for e in entries] == ["update", "create"]
    assert {"field": "status", "oldValue": "pending", "newValue": "approved"} in entries[0]["changes"]
    contact_updates = [e for e in audit_entries(org, "contact", user.contact_id) if e["action"] == "update"]
    assert any({"field": "email", "oldValue": user.email, "newValue": new_email} in e["changes"] for e in contact_updates)
    user_updates = audit_entries(org, "portaluser", user.portal_user_id)
    assert any({"field": "email", "oldValue": user.email, "newValue": new_email} in e["changes"] for e in user_updates)

    # A decision is final: approving or rejecting again is 409 and writes nothing.
    before = privacy_snapshot(org)
    for action in ("approve", "reject"):
        again = org.post(f"/emailChangeRequests/{item['id']}/{action}", json={"reason": "again"})
        assert again.status_code == 409, again.text
        assert again.json()["errorCode"] == "REQUEST_ALREADY_DECIDED"
    assert privacy_snapshot(org) == before


def test_email_change_rejected_with_reason_keeps_the_email(stack, org):
    user = signed_up(stack, org, "佐藤 健")
    request_email_change(stack, org, user, f"other-{uuid.uuid4().hex[:8]}@example.jp")
    item = org.get("/emailChangeRequests").json()["data"][0]

    before = privacy_snapshot(org)
    for body in ({"reason": 5}, {"why": "x"}, {"reason": "x" * 2001}):
        refused = org.post(f"/emailChangeRequests/{item['id']}/reject", json=body)
        assert refused.status_code == 422, refused.text
    assert org.get("/emailChangeRequests?status=done").status_code == 422
    assert org.get("/emailChangeRequests?limit=0").status_code == 422
    assert privacy_snapshot(org) == before

    rejected = org.post(f"/emailChangeRequests/{item['id']}/reject", json={"reason": "本人確認ができませんでした"})
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "rejected" and rejected.json()["reason"] == "本人確認ができませんでした"
    assert org.get(f"/contacts/{user.contact_id}").json()["email"] == user.email
    assert outbox_to(stack, org, user.email, after=user.outbox_mark) == []
    assert [i["id"] for i in org.get("/emailChangeRequests?status=rejected").json()["data"]] == [item["id"]]
    assert org.get("/emailChangeRequests?status=pending").json()["data"] == []
    entries = audit_entries(org, "emailChangeRequest", item["id"])
    assert {"field": "reason", "oldValue": None, "newValue": "本人確認ができませんでした"} in entries[0]["changes"]


def test_erasure_requests_queue_records_decisions_only(stack, org):
    first = signed_up(stack, org, "消去 一郎")
    second = signed_up(stack, org, "消去 二郎")
    request_erasure(stack, org, first)
    request_erasure(stack, org, second)
    listed = org.get("/erasureRequests?status=pending&limit=1")
    assert listed.status_code == 200, listed.text
    assert len(listed.json()["data"]) == 1 and set(listed.json()["data"][0]) == ERASURE_KEYS
    both = org.get("/erasureRequests?status=pending").json()["data"]
    assert [i["contactId"] for i in both] == [first.contact_id, second.contact_id], "oldest first"
    assert org.get("/erasureRequests?from=2").json()["data"] == both[1:]

    approved = org.post(f"/erasureRequests/{both[0]['id']}/approve", data=b"")
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved" and approved.json()["reason"] is None
    rejected = org.post(f"/erasureRequests/{both[1]['id']}/reject", json={"reason": "open invoices"})
    assert rejected.status_code == 200 and rejected.json()["reason"] == "open invoices"
    # Approval only records the decision: the contact is still there, unchanged.
    assert org.get(f"/contacts/{first.contact_id}").json()["email"] == first.email
    again = org.post(f"/erasureRequests/{both[1]['id']}/approve")
    assert again.status_code == 409 and again.json()["errorCode"] == "REQUEST_ALREADY_DECIDED"
    for request_id, decision in ((both[0]["id"], "approved"), (both[1]["id"], "rejected")):
        entries = audit_entries(org, "erasureRequest", request_id)
        assert [e["action"] for e in entries] == ["update", "create"]
        assert {"field": "status", "oldValue": "pending", "newValue": decision} in entries[0]["changes"]


def test_profiles_without_the_privacy_right_are_refused(stack, org):
    user = signed_up(stack, org, "権限 確認")
    request_email_change(stack, org, user, f"x-{uuid.uuid4().hex[:8]}@example.jp")
    request_erasure(stack, org, user)
    ecr = org.get("/emailChangeRequests").json()["data"][0]["id"]
    erasure = org.get("/erasureRequests").json()["data"][0]["id"]
    tokens = {profile: token_for(org, add_agent(org, profileId=profile)["emailId"]) for profile in (AGENT, LIGHT_AGENT)}
    before = privacy_snapshot(org)
    for profile, token in tokens.items():
        headers = {"Authorization": f"Zoho-oauthtoken {token}"}
        for kind, request_id in (("emailChangeRequests", ecr), ("erasureRequests", erasure)):
            for method, path in (("GET", f"/{kind}"), ("GET", f"/{kind}/{request_id}"),
                                 ("POST", f"/{kind}/{request_id}/approve"), ("POST", f"/{kind}/{request_id}/reject")):
                response = stack.request(method, "/api/v1" + path, host=org.host, headers=headers)
                assert response.status_code == 403, (profile, method, path, response.text)
                assert response.json()["errorCode"] == "FORBIDDEN"
    assert privacy_snapshot(org) == before


def test_another_orgs_requests_are_not_found(stack, org, other_org):
    user = signed_up(stack, org, "他社 確認")
    request_email_change(stack, org, user, f"y-{uuid.uuid4().hex[:8]}@example.jp")
    request_erasure(stack, org, user)
    ecr = org.get("/emailChangeRequests").json()["data"][0]["id"]
    erasure = org.get("/erasureRequests").json()["data"][0]["id"]
    before = privacy_snapshot(org)
    for kind, request_id in (("emailChangeRequests", ecr), ("erasureRequests", erasure)):
        assert other_org.get(f"/{kind}").json()["data"] == []
        for response in (other_org.get(f"/{kind}/{request_id}"), other_org.post(f"/{kind}/{request_id}/approve"),
                         other_org.post(f"/{kind}/{request_id}/reject")):
            assert response.status_code == 404, response.text
            assert response.json()["errorCode"] == "URL_NOT_FOUND"
        assert org.get(f"/{kind}/99999999").status_code == 404
    assert privacy_snapshot(org) == before
