"""Agents and /myinfo through the agent API: list with filters, get, add, update, activate and deactivate,
the last administrator rule, tokens of deactivated agents, validation that writes nothing, the audit log,
Japanese names and org isolation."""

from __future__ import annotations

from api_helpers import org, other_org  # noqa: F401  (fixtures)
from people_helpers import (ADMINISTRATOR, AGENT, AGENT_KEYS, LIGHT_AGENT, TIME, TOP_ROLE, add_agent, add_department,
                            fields, snapshot, token_for, unique_email)


def test_administrator_shape_and_myinfo(org):
    response = org.get("/myinfo")
    assert response.status_code == 200, response.text
    me = response.json()
    assert set(me) == AGENT_KEYS
    assert me["id"] == org.agent_id and me["emailId"] == org.admin_email
    assert me["profileId"] == ADMINISTRATOR and me["roleId"] == TOP_ROLE and me["status"] == "ACTIVE"
    assert len(me["associatedDepartmentIds"]) == 1
    assert TIME.match(me["createdTime"]) and TIME.match(me["modifiedTime"])
    assert response.headers["ETag"] == '"1"'
    assert org.get(f"/agents/{org.agent_id}").json() == me
    assert org.get("/agents").json() == {"data": [me]}


def test_add_get_list_and_audit(org):
    department = add_department(org, name="Support")
    email = unique_email(org)
    response = org.post("/agents", json={"emailId": email, "firstName": "太郎", "lastName": "山田 🍣",
                                         "associatedDepartmentIds": [department["id"]], "langCode": "ja-JP",
                                         "timeZone": "Asia/Tokyo", "phone": "+81 3 1234 5678"},
                        headers={"X-Request-Id": "req-add-agent"})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"1"'
    agent = response.json()
    assert set(agent) == AGENT_KEYS
    assert agent["name"] == "太郎 山田 🍣" and agent["profileId"] == AGENT and agent["roleId"] == TOP_ROLE
    assert agent["status"] == "ACTIVE"
    assert agent["associatedDepartmentIds"] == [department["id"]] and agent["mobile"] is None
    assert org.get(f"/agents/{agent['id']}").json() == agent
    stored = org.sql(f"SELECT HEX(last_name) FROM agents WHERE org_id = {int(org.org_id)} AND id = {int(agent['id'])}")
    assert bytes.fromhex(stored[0][0]).decode("utf-8") == "山田 🍣"

    listed = org.get("/agents?limit=100").json()["data"]
    assert [a["id"] for a in listed] == [org.agent_id, agent["id"]]
    assert [a["id"] for a in org.get(f"/agents?departmentId={department['id']}").json()["data"]] == [agent["id"]]
    assert [a["id"] for a in org.get("/agents?from=2&limit=1").json()["data"]] == [agent["id"]]
    assert org.get("/agents?status=DISABLED").json() == {"data": []}
    assert len(org.get("/agents?status=ACTIVE").json()["data"]) == 2

    entries = org.audit(f"?recordId={agent['id']}")
    assert len(entries) == 1
    entry = entries[0]
    assert entry["action"] == "create" and entry["recordType"] == "agent" and entry["requestId"] == "req-add-agent"
    assert entry["actor"] == {"id": org.agent_id}
    assert {c["field"]: c["newValue"] for c in entry["changes"]} == {
        "emailId": email, "firstName": "太郎", "lastName": "山田 🍣", "profileId": AGENT, "roleId": TOP_ROLE,
        "status": "ACTIVE",
        "phone": "+81 3 1234 5678", "langCode": "ja-JP", "timeZone": "Asia/Tokyo",
        "associatedDepartmentIds": department["id"]}


def test_add_validation_writes_nothing(org, other_org):
    foreign = add_department(other_org)
    before = snapshot(org)
    cases = [({}, "/emailId"), ({"emailId": "x@y.example"}, "/lastName"), ({"emailId": None, "lastName": "x"}, "/emailId"),
             ({"emailId": "not-an-email", "lastName": "x"}, "/emailId"),
             ({"emailId": org.admin_email.upper(), "lastName": "x"}, "/emailId"),
             ({"emailId": "a@b.example", "lastName": "x" * 101}, "/lastName"),
             ({"emailId": "a@b.example", "lastName": "x", "role": "Agent"}, "/role"),
             ({"emailId": "a@b.example", "lastName": "x", "profileId": "Owner"}, "/profileId"),
             ({"emailId": "a@b.example", "lastName": "x", "profileId": None}, "/profileId"),
             ({"emailId": "a@b.example", "lastName": "x", "profileId": 1}, "/profileId"),
             ({"emailId": "a@b.example", "lastName": "x", "profileId": "999"}, "/profileId"),
             ({"emailId": "a@b.example", "lastName": "x", "roleId": None}, "/roleId"),
             ({"emailId": "a@b.example", "lastName": "x", "roleId": "999"}, "/roleId"),
             ({"emailId": "a@b.example", "lastName": "x", "status": "ACTIVE"}, "/status"),
             ({"emailId": "a@b.example", "lastName": "x", "nickname": "y"}, "/nickname"),
             ({"emailId": "a@b.example", "lastName": 5}, "/lastName"),
             ({"emailId": "a@b.example", "lastName": "x", "langCode": "english"}, "/langCode"),
             ({"emailId": "a@b.example", "lastName": "x", "timeZone": "Mars/Olympus"}, "/timeZone"),
             ({"emailId": "a@b.example", "lastName": "x", "associatedDepartmentIds": "1"}, "/associatedDepartmentIds"),
             ({"emailId": "a@b.example", "lastName": "x", "associatedDepartmentIds": [5]}, "/associatedDepartmentIds/0"),
             ({"emailId": "a@b.example", "lastName": "x", "associatedDepartmentIds": [foreign["id"]]},
              "/associatedDepartmentIds")]
    for body, pointer in cases:
        response = org.post("/agents", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["errorCode"] == "INVALID_DATA"
        assert pointer in fields(response), (body, response.text)
    assert org.post("/agents", data=b'{"emailId":', headers={"Content-Type": "application/json"}).status_code == 400
    response = org.post("/agents", data=b"emailId=x", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415 and response.json()["errorCode"] == "UNSUPPORTED_MEDIA_TYPE"
    assert snapshot(org) == before


def test_patch_if_match_read_only_email_and_audit(org):
    agent = add_agent(org, firstName="Ann", lastName="Lee")
    response = org.patch(f"/agents/{agent['id']}", json={"lastName": "Leigh", "mobile": "+1 555 0100",
                                                         "profileId": ADMINISTRATOR}, headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.text
    assert response.headers["ETag"] == '"2"'
    updated = response.json()
    assert updated["lastName"] == "Leigh" and updated["profileId"] == ADMINISTRATOR and updated["name"] == "Ann Leigh"
    stale = org.patch(f"/agents/{agent['id']}", json={"lastName": "Stale"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.json()["errorCode"] == "PRECONDITION_FAILED"

    before = snapshot(org)
    response = org.patch(f"/agents/{agent['id']}", json={"emailId": "new@x.example"})
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["fieldName"] == "/emailId" and "email-change request" in error["errorMessage"]
    for body, pointer in [({"lastName": None}, "/lastName"), ({"status": "DISABLED"}, "/status"),
                          ({"profileId": "Boss"}, "/profileId"), ({"roleId": "77"}, "/roleId"), ({"associatedDepartmentIds": None}, "/associatedDepartmentIds"),
                          ({"phone": "1" * 51}, "/phone"), ({"bogus": 1}, "/bogus")]:
        response = org.patch(f"/agents/{agent['id']}", json=body)
        assert response.status_code == 422, body
        assert pointer in fields(response), body
    assert org.patch("/agents/123", json={"lastName": "x"}).status_code == 404
    assert org.patch(f"/agents/{agent['id']}", data=b"{", headers={"Content-Type": "application/json"}).status_code == 400
    assert snapshot(org) == before

    entries = org.audit(f"?recordId={agent['id']}&action=update")
    assert len(entries) == 1
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entries[0]["changes"]} == {
        ("lastName", "Lee", "Leigh"), ("mobile", None, "+1 555 0100"), ("profileId", AGENT, ADMINISTRATOR)}


def test_department_associations_through_patch(org):
    a = add_department(org)
    b = add_department(org)
    agent = add_agent(org, associatedDepartmentIds=[a["id"]])
    response = org.patch(f"/agents/{agent['id']}", json={"associatedDepartmentIds": [b["id"], a["id"]]})
    assert response.status_code == 200, response.text
    assert sorted(response.json()["associatedDepartmentIds"]) == sorted([a["id"], b["id"]])
    response = org.patch(f"/agents/{agent['id']}", json={"associatedDepartmentIds": []})
    assert response.status_code == 200 and response.json()["associatedDepartmentIds"] == []
    assert org.get(f"/departments/{a['id']}/agents").json() == {"data": []}
    changes = [e["changes"] for e in org.audit(f"?recordId={agent['id']}&action=update")]
    assert [c[0]["field"] for c in changes] == ["associatedDepartmentIds", "associatedDepartmentIds"]
    assert changes[0][0]["newValue"] is None


def test_deactivate_activate_and_tokens(org):
    agent = add_agent(org)
    token = token_for(org, agent["emailId"])
    headers = {"Authorization": f"Zoho-oauthtoken {token}"}
    assert org.stack.get("/api/v1/myinfo", host=org.host, headers=headers).json()["id"] == agent["id"]

    response = org.post(f"/agents/{agent['id']}/deactivate")
    assert response.status_code == 204, response.text
    fetched = org.get(f"/agents/{agent['id']}")
    assert fetched.json()["status"] == "DISABLED" and fetched.headers["ETag"] == '"2"'
    response = org.stack.get("/api/v1/myinfo", host=org.host, headers=headers)
    assert response.status_code == 401 and response.json()["errorCode"] == "INVALID_OAUTH"
    assert [a["id"] for a in org.get("/agents?status=DISABLED").json()["data"]] == [agent["id"]]
    assert org.post(f"/agents/{agent['id']}/deactivate").status_code == 204   # already: nothing written
    assert org.get(f"/agents/{agent['id']}").headers["ETag"] == '"2"'

    assert org.post(f"/agents/{agent['id']}/activate").status_code == 204
    assert org.stack.get("/api/v1/myinfo", host=org.host, headers=headers).status_code == 200
    entries = org.audit(f"?recordId={agent['id']}&action=update")
    assert [e["changes"] for e in entries] == [
        [{"field": "status", "oldValue": "DISABLED", "newValue": "ACTIVE"}],
        [{"field": "status", "oldValue": "ACTIVE", "newValue": "DISABLED"}]]
    assert org.post("/agents/999/activate").status_code == 404
    assert org.get(f"/agents/{agent['id']}/deactivate").status_code == 405


def test_last_administrator_is_kept(org):
    before = snapshot(org)
    response = org.post(f"/agents/{org.agent_id}/deactivate")
    assert response.status_code == 422 and fields(response) == ["/status"]
    response = org.patch(f"/agents/{org.agent_id}", json={"profileId": AGENT})
    assert response.status_code == 422 and fields(response) == ["/profileId"]
    assert snapshot(org) == before
    second = add_agent(org, profileId=ADMINISTRATOR)
    assert org.post(f"/agents/{second['id']}/deactivate").status_code == 204
    assert org.post(f"/agents/{org.agent_id}/deactivate").status_code == 422
    assert org.post(f"/agents/{second['id']}/activate").status_code == 204
    assert org.patch(f"/agents/{org.agent_id}", json={"profileId": AGENT}).status_code == 200
    assert org.get("/myinfo").json()["profileId"] == AGENT


def test_myinfo_patch(org):
    response = org.patch("/myinfo", json={"firstName": "花子", "langCode": "ja", "timeZone": "Asia/Tokyo"},
                         headers={"If-Match": '"1"'})
    assert response.status_code == 200, response.text
    me = response.json()
    assert me["firstName"] == "花子" and me["langCode"] == "ja" and me["timeZone"] == "Asia/Tokyo"
    assert response.headers["ETag"] == '"2"'
    assert org.get("/myinfo").json() == me
    assert org.patch("/myinfo", json={"lastName": "x"}, headers={"If-Match": '"1"'}).status_code == 412

    before = snapshot(org)
    for body, pointer in [({"emailId": "me@x.example"}, "/emailId"), ({"profileId": AGENT}, "/profileId"),
                          ({"roleId": TOP_ROLE}, "/roleId"), ({"role": "Agent"}, "/role"),
                          ({"status": "DISABLED"}, "/status"), ({"associatedDepartmentIds": []}, "/associatedDepartmentIds"),
                          ({"timeZone": "Nowhere/Land"}, "/timeZone"), ({"langCode": ""}, "/langCode"),
                          ({"firstName": "x" * 101}, "/firstName"), ({"extra": True}, "/extra")]:
        response = org.patch("/myinfo", json=body)
        assert response.status_code == 422, (body, response.text)
        assert pointer in fields(response), body
    response = org.patch("/myinfo", data=b"lastName=x", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 415
    assert snapshot(org) == before
    entries = org.audit(f"?recordId={org.agent_id}&action=update")
    assert len(entries) == 1 and entries[0]["actor"] == {"id": org.agent_id}
    assert {c["field"] for c in entries[0]["changes"]} == {"firstName", "langCode", "timeZone"}

    # Any agent edits their own profile through /myinfo.
    agent = add_agent(org)
    token = token_for(org, agent["emailId"])
    response = org.stack.request("PATCH", "/api/v1/myinfo", host=org.host, json={"mobile": "+44 20 0000"},
                                 headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json()["id"] == agent["id"]
    assert org.get(f"/agents/{agent['id']}").json()["mobile"] == "+44 20 0000"


def test_auth_errors_and_bad_queries(org):
    assert org.stack.get("/api/v1/agents", host=org.host).status_code == 401
    assert org.stack.get("/api/v1/myinfo", host=org.host).json()["errorCode"] == "UNAUTHORIZED"
    bad = org.stack.get("/api/v1/agents", host=org.host, headers={"Authorization": "Zoho-oauthtoken " + "0" * 64})
    assert bad.status_code == 401 and bad.json()["errorCode"] == "INVALID_OAUTH"
    for query, name in [("status=active", "status"), ("departmentId=x", "departmentId"), ("limit=0", "limit"),
                        ("from=0", "from")]:
        response = org.get(f"/agents?{query}")
        assert response.status_code == 422, query
        assert fields(response) == [name]
    assert org.get("/agents/abc").status_code == 404
    assert org.get("/agents/0").status_code == 404
    assert org.call("DELETE", "/agents").status_code == 405
    assert org.call("DELETE", "/myinfo").status_code == 405


def test_org_isolation(org, other_org):
    agent = add_agent(org, lastName="Secret")
    assert other_org.get(f"/agents/{agent['id']}").status_code == 404
    assert other_org.patch(f"/agents/{agent['id']}", json={"lastName": "x"}).status_code == 404
    assert other_org.post(f"/agents/{agent['id']}/deactivate").status_code == 404
    assert agent["id"] not in [a["id"] for a in other_org.get("/agents?limit=100").json()["data"]]
    assert other_org.get("/myinfo").json()["id"] == other_org.agent_id
    # The same email address may work in two orgs.
    response = other_org.post("/agents", json={"emailId": agent["emailId"], "lastName": "Twin"})
    assert response.status_code == 200, response.text
    assert org.get(f"/agents/{agent['id']}").json()["lastName"] == "Secret"
    assert org.get("/agents", headers={"orgId": other_org.org_id}).status_code == 403
    assert other_org.audit(f"?recordId={agent['id']}") == []


def test_concurrent_demotions_keep_one_administrator(org):
    """Two administrators demote each other at the same moment: one wins, the org keeps an administrator."""
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(3):
        second = add_agent(org, profileId=ADMINISTRATOR)
        second_token = token_for(org, second["emailId"])

        def demote(args):
            token, target = args
            return org.stack.request("PATCH", f"/api/v1/agents/{target}", host=org.host, json={"profileId": AGENT},
                                     headers={"Authorization": f"Zoho-oauthtoken {token}"}).status_code

        with ThreadPoolExecutor(max_workers=2) as pool:
            statuses = sorted(pool.map(demote, [(org.token, second["id"]), (second_token, org.agent_id)]))
        # The loser is refused as the last administrator (422), or, when the winner committed before the
        # loser's request was authenticated, as no longer an administrator (403).
        assert statuses[0] == 200 and statuses[1] in (403, 422), statuses
        admins = [a for a in org.get("/agents?status=ACTIVE&limit=100").json()["data"]
                  if a["profileId"] == ADMINISTRATOR]
        assert len(admins) == 1, admins
        if admins[0]["id"] != org.agent_id:
            # The other one won: make the fixture's administrator the only one again for the next round.
            response = org.stack.request("PATCH", f"/api/v1/agents/{org.agent_id}", host=org.host,
                                         json={"profileId": ADMINISTRATOR},
                                         headers={"Authorization": f"Zoho-oauthtoken {second_token}"})
            assert response.status_code == 200, response.text
            assert org.patch(f"/agents/{second['id']}", json={"profileId": AGENT}).status_code == 200


def test_deactivated_agent_gets_no_new_tokens(org):
    """Deactivation also closes the other doors: `deskd token create`, an API client's client credentials and
    its refresh token; activation opens them again."""
    from deskd_stack import run_deskd
    from test_api_oauth import client_credentials, token_request

    agent = add_agent(org, profileId=AGENT)
    created = run_deskd("client", "create", "--region", org.region, "--portal", org.portal, "--agent", agent["emailId"],
                        "--name", "Agent sync", config=org.stack.config)
    assert created.returncode == 0, created.stdout
    printed = dict(line.split(": ", 1) for line in created.stdout.splitlines() if ": " in line)
    client_id, secret = printed["client_id"], printed["client_secret"]
    grant = token_request(org.stack, org.host,
                          params=client_credentials(client_id, secret, org, scope="Desk.basic.READ"))
    assert grant.status_code == 200, grant.text
    refresh_token = grant.json()["refresh_token"]

    assert org.post(f"/agents/{agent['id']}/deactivate").status_code == 204
    access = {"Authorization": f"Zoho-oauthtoken {grant.json()['access_token']}"}
    cut_off = org.stack.get("/api/v1/myinfo", host=org.host, headers=access)
    assert cut_off.status_code == 401 and cut_off.json()["errorCode"] == "INVALID_OAUTH"
    issued = run_deskd("token", "create", "--region", org.region, "--portal", org.portal, "--agent", agent["emailId"],
                       config=org.stack.config)
    assert issued.returncode != 0
    denied = token_request(org.stack, org.host,
                           params=client_credentials(client_id, secret, org, scope="Desk.basic.READ"))
    assert denied.status_code == 401 and denied.json()["error"] == "invalid_client"
    refresh = {"grant_type": "refresh_token", "client_id": client_id, "client_secret": secret,
               "refresh_token": refresh_token}
    refused = token_request(org.stack, org.host, params=refresh)
    assert refused.status_code == 400 and refused.json()["error"] == "invalid_grant"

    assert org.post(f"/agents/{agent['id']}/activate").status_code == 204
    renewed = token_request(org.stack, org.host, params=refresh)
    assert renewed.status_code == 200, renewed.text
    headers = {"Authorization": f"Zoho-oauthtoken {renewed.json()['access_token']}"}
    assert org.stack.get("/api/v1/myinfo", host=org.host, headers=headers).json()["id"] == agent["id"]


def test_profile_and_role_assignment(org, other_org):
    """Agents carry a profile (built-in or custom) and a role; unknown, deleted or other orgs' ids are refused
    and write nothing; the changes are audited; only profile 1 counts as administrator."""
    role = org.post("/roles", json={"name": "サポート課"}).json()
    custom = org.post(f"/profiles/{ADMINISTRATOR}/clone", json={"name": "Almost admin"}).json()
    foreign_role = other_org.post("/roles", json={"name": "Elsewhere"}).json()
    foreign_profile = other_org.post(f"/profiles/{AGENT}/clone", json={"name": "Elsewhere"}).json()

    agent = add_agent(org, profileId=LIGHT_AGENT, roleId=role["id"])
    assert agent["profileId"] == LIGHT_AGENT and agent["roleId"] == role["id"]
    response = org.patch(f"/agents/{agent['id']}", json={"profileId": custom["id"], "roleId": TOP_ROLE})
    assert response.status_code == 200, response.text
    assert response.json()["profileId"] == custom["id"] and response.json()["roleId"] == TOP_ROLE
    entries = org.audit(f"?recordId={agent['id']}&action=update")
    assert {(c["field"], c["oldValue"], c["newValue"]) for c in entries[0]["changes"]} == {
        ("profileId", LIGHT_AGENT, custom["id"]), ("roleId", role["id"], TOP_ROLE)}

    before = snapshot(org)
    for body, pointer in [({"profileId": foreign_profile["id"]}, "/profileId"), ({"roleId": foreign_role["id"]}, "/roleId"),
                          ({"profileId": "4"}, "/profileId"), ({"roleId": "2"}, "/roleId"),
                          ({"roleId": 1}, "/roleId")]:
        response = org.patch(f"/agents/{agent['id']}", json=body)
        assert response.status_code == 422, (body, response.text)
        assert fields(response) == [pointer], body
    # A clone of Administrator is a custom profile: the org's only administrator cannot move to it.
    response = org.patch(f"/agents/{org.agent_id}", json={"profileId": custom["id"]})
    assert response.status_code == 422 and fields(response) == ["/profileId"]
    assert snapshot(org) == before

    # A deleted role is no longer assignable.
    spare = org.post("/roles", json={"name": "Spare"}).json()
    assert org.call("DELETE", f"/roles/{spare['id']}").status_code == 204
    response = org.post("/agents", json={"emailId": unique_email(org), "lastName": "x", "roleId": spare["id"]})
    assert response.status_code == 422 and fields(response) == ["/roleId"]
