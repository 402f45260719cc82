"""The permission matrix of record-level access, through the HTTP API: every built-in profile × data sharing
setting × action × relation of the record to the acting agent, each case a real request on a fresh record,
checked against an explicit expectation table (below), and every denial checked to have written nothing.

Setup (access_helpers.py): one org per sharing setting (the setting applies to tickets, contacts and
accounts). Roles, data sharing settings and sharing rules are written directly in MariaDB because the admin
API of the access model is being built in parallel; agents (with profileId, roleId and departments) go
through the agents API, tokens through `deskd token create`. The acting agents — one per built-in profile —
are in role Managers and department D1. The records' owners:

| relation                      | ticket assignee / record owner        | ticket department |
|-------------------------------|---------------------------------------|-------------------|
| own                           | the acting agent                      | D2                |
| subordinate                   | `sub` (role Staff, below Managers; D2) | D2                |
| same_department               | `colleague` (role Others; D1)          | D1                |
| other_department              | `stranger` (role Others; D2)           | D2                |
| unassigned_my_department      | nobody                                | D1                |
| unassigned_other_department   | nobody                                | D2                |
| unowned (contacts, accounts)  | nobody                                | —                 |

How an expected outcome follows from the tables: `view`, `conversations` → 200 when the relation is in
READS else 404; `list` → in the first page of GET /tickets (newest first) exactly when in READS; `comment`
→ 200 when in READS (commenting needs the view right and read reach) else 404; `edit`, `delete`, `reply` →
403 when the profile lacks the right (RIGHTS), else 200/204 when in WRITES, 403 when only in READS, 404
otherwise. Every 404 must be byte-for-byte the answer for an id that does not exist.
"""

from __future__ import annotations

import uuid

import pytest

from access_helpers import ROLE_MANAGERS, ROLE_OTHERS, make_access_org

SETTINGS = ("private", "department", "publicReadOnly", "publicReadWrite")
PROFILES = ("Administrator", "Agent", "Light Agent")
TICKET_ACTIONS = ("view", "list", "conversations", "edit", "delete", "comment", "reply")
RECORD_ACTIONS = ("view", "list", "edit", "delete")

OWN, SUB, SAME, OTHER = "own", "subordinate", "same_department", "other_department"
UNASSIGNED_MINE, UNASSIGNED_OTHER, UNOWNED = "unassigned_my_department", "unassigned_other_department", "unowned"
TICKET_RELATIONS = (OWN, SUB, SAME, OTHER, UNASSIGNED_MINE, UNASSIGNED_OTHER)
RECORD_RELATIONS = (OWN, SUB, SAME, OTHER, UNOWNED)
ALL_TICKETS = set(TICKET_RELATIONS)
ALL_RECORDS = set(RECORD_RELATIONS)

# (profile, setting) → (relations it READS, relations it WRITES), tickets.
TICKET_REACH = {
    ("Administrator", "private"): (ALL_TICKETS, ALL_TICKETS),
    ("Administrator", "department"): (ALL_TICKETS, ALL_TICKETS),
    ("Administrator", "publicReadOnly"): (ALL_TICKETS, ALL_TICKETS),
    ("Administrator", "publicReadWrite"): (ALL_TICKETS, ALL_TICKETS),
    ("Agent", "private"): ({OWN, SUB}, {OWN, SUB}),
    ("Agent", "department"): ({OWN, SUB, SAME, UNASSIGNED_MINE}, {OWN, SUB, SAME, UNASSIGNED_MINE}),
    ("Agent", "publicReadOnly"): (ALL_TICKETS, {OWN, SUB}),
    ("Agent", "publicReadWrite"): (ALL_TICKETS, ALL_TICKETS),
    ("Light Agent", "private"): ({OWN, SUB}, {OWN, SUB}),
    ("Light Agent", "department"): ({OWN, SUB, SAME, UNASSIGNED_MINE}, {OWN, SUB, SAME, UNASSIGNED_MINE}),
    ("Light Agent", "publicReadOnly"): (ALL_TICKETS, {OWN, SUB}),
    ("Light Agent", "publicReadWrite"): (ALL_TICKETS, ALL_TICKETS),
}

# (profile, setting) → (READS, WRITES), contacts and accounts (department: owned by an agent of D1).
RECORD_REACH = {
    ("Administrator", "private"): (ALL_RECORDS, ALL_RECORDS),
    ("Administrator", "department"): (ALL_RECORDS, ALL_RECORDS),
    ("Administrator", "publicReadOnly"): (ALL_RECORDS, ALL_RECORDS),
    ("Administrator", "publicReadWrite"): (ALL_RECORDS, ALL_RECORDS),
    ("Agent", "private"): ({OWN, SUB}, {OWN, SUB}),
    ("Agent", "department"): ({OWN, SUB, SAME}, {OWN, SUB, SAME}),
    ("Agent", "publicReadOnly"): (ALL_RECORDS, {OWN, SUB}),
    ("Agent", "publicReadWrite"): (ALL_RECORDS, ALL_RECORDS),
    ("Light Agent", "private"): ({OWN, SUB}, {OWN, SUB}),
    ("Light Agent", "department"): ({OWN, SUB, SAME}, {OWN, SUB, SAME}),
    ("Light Agent", "publicReadOnly"): (ALL_RECORDS, {OWN, SUB}),
    ("Light Agent", "publicReadWrite"): (ALL_RECORDS, ALL_RECORDS),
}

# The profile rights the write actions need (built-in profiles): Light Agents view and comment only.
RIGHTS = {
    "Administrator": {"edit", "delete", "reply"},
    "Agent": {"edit", "delete", "reply"},
    "Light Agent": set(),
}

OK_STATUS = {"view": 200, "conversations": 200, "edit": 200, "delete": 204, "comment": 200, "reply": 200}


def expected(reach: dict, profile: str, setting: str, relation: str, action: str) -> str:
    """'ok', 'forbidden' or 'not_found' (for `list`: 'ok' listed, 'not_found' absent), per the docstring."""
    reads, writes = reach[(profile, setting)]
    if action in ("view", "list", "conversations", "comment"):
        return "ok" if relation in reads else "not_found"
    if action not in RIGHTS[profile]:
        return "forbidden"
    if relation in writes:
        return "ok"
    return "forbidden" if relation in reads else "not_found"


@pytest.fixture(scope="module")
def access_orgs(stack, server_a):
    """One org per sharing setting (plus one with sharing rules), made on first use."""
    made: dict[str, object] = {}

    def get(setting: str, rules=()):
        key = setting + repr(rules)
        if key not in made:
            made[key] = make_access_org(stack, server_a, setting, rules)
        return made[key]

    return get


def owner_of(org, profile: str, relation: str) -> str | None:
    return {OWN: org.agents[profile], SUB: org.agents["sub"], SAME: org.agents["colleague"],
            OTHER: org.agents["stranger"]}.get(relation)


def new_ticket(org, profile: str, relation: str) -> str:
    department = "D1" if relation in (SAME, UNASSIGNED_MINE) else "D2"
    body = {"subject": f"matrix {uuid.uuid4().hex[:10]}", "departmentId": org.departments[department]}
    owner = owner_of(org, profile, relation)
    if owner:
        body["assigneeId"] = owner
    response = org.api.post("/tickets", json=body)
    assert response.status_code == 200, response.text
    ticket = response.json()
    assert ticket["assigneeId"] == owner
    return ticket["id"]


def ticket_state(org, ticket_id: str) -> list[str]:
    """Everything a ticket action could change: version, trash state, threads, comments, the org's audit rows."""
    org_id = int(org.api.org_id)
    return org.sql(
        f"SELECT t.version, t.deleted_at IS NULL, "
        f"(SELECT COUNT(*) FROM ticket_threads WHERE org_id = {org_id} AND ticket_id = t.id), "
        f"(SELECT COUNT(*) FROM ticket_comments WHERE org_id = {org_id} AND ticket_id = t.id), "
        f"(SELECT COUNT(*) FROM audit_log WHERE org_id = {org_id}) "
        f"FROM tickets t WHERE t.org_id = {org_id} AND t.id = {int(ticket_id)}")[0]


def ticket_request(client, action: str, ticket_id: str):
    if action == "view":
        return client.get(f"/tickets/{ticket_id}")
    if action == "conversations":
        return client.get(f"/tickets/{ticket_id}/conversations")
    if action == "edit":
        return client.patch(f"/tickets/{ticket_id}", json={"subject": "edited 編集"})
    if action == "delete":
        return client.post("/tickets/moveToTrash", json={"ticketIds": [ticket_id]})
    if action == "comment":
        return client.post(f"/tickets/{ticket_id}/comments", json={"content": "コメント"})
    if action == "reply":
        return client.post(f"/tickets/{ticket_id}/sendReply", json={"channel": "EMAIL", "content": "返信"})
    raise AssertionError(action)


UNKNOWN_ID = "1000000000000000001"


def body(response) -> dict:
    """The error body without its per-request id."""
    return {k: v for k, v in response.json().items() if k != "requestId"}


def check_outcome(client, action: str, response, outcome: str, request) -> None:
    if outcome == "ok":
        assert response.status_code == OK_STATUS[action], response.text
    elif outcome == "forbidden":
        assert response.status_code == 403, response.text
        assert response.json()["errorCode"] == "FORBIDDEN"
    else:
        assert response.status_code == 404, response.text
        unknown = request(client, action, UNKNOWN_ID)
        assert (unknown.status_code, body(unknown)) == (404, body(response))


MATRIX = [(s, p, r, a) for s in SETTINGS for p in PROFILES for r in TICKET_RELATIONS for a in TICKET_ACTIONS]


@pytest.mark.parametrize("setting,profile,relation,action", MATRIX)
def test_ticket_matrix(access_orgs, setting, profile, relation, action):
    org = access_orgs(setting)
    ticket_id = new_ticket(org, profile, relation)
    client = org.as_agent(profile)
    outcome = expected(TICKET_REACH, profile, setting, relation, action)
    if action == "list":
        listed = client.get("/tickets?sortBy=-createdTime&limit=100")
        assert listed.status_code == 200, listed.text
        ids = [t["id"] for t in listed.json()["data"]]
        assert (ticket_id in ids) == (outcome == "ok")
        subject = org.api.get(f"/tickets/{ticket_id}").json()["subject"]
        found = client.get(f"/tickets/search?subject={subject}")
        assert found.status_code == 200, found.text
        assert found.json()["count"] == (1 if outcome == "ok" else 0)
        return
    before = ticket_state(org, ticket_id)
    response = ticket_request(client, action, ticket_id)
    check_outcome(client, action, response, outcome, ticket_request)
    after = ticket_state(org, ticket_id)
    version, live, threads, comments, audit = (int(v) for v in before)
    if outcome != "ok" or action in ("view", "conversations"):
        assert after == before, "a refused request or a read wrote something"
    elif action == "edit":
        assert after == [str(version + 1), "1", str(threads), str(comments), str(audit + 1)]
        assert response.json()["subject"] == "edited 編集"
    elif action == "delete":
        assert after == [str(version + 1), "0", str(threads), str(comments), str(audit + 1)]
    elif action == "comment":
        assert after == [str(version), "1", str(threads), str(comments + 1), str(audit + 1)]
    elif action == "reply":
        assert after == [str(version), "1", str(threads + 1), str(comments), str(audit + 1)]


RECORD_MODULES = {"contacts": ("contactIds", "lastName"), "accounts": ("accountIds", "accountName")}
RECORD_MATRIX = [(m, s, p, r, a) for m in RECORD_MODULES for s in SETTINGS for p in PROFILES
                 for r in RECORD_RELATIONS for a in RECORD_ACTIONS]


def new_record(org, module: str, profile: str, relation: str) -> str:
    name_field = RECORD_MODULES[module][1]
    response = org.api.post(f"/{module}", json={name_field: f"matrix {uuid.uuid4().hex[:10]}"})
    assert response.status_code == 200, response.text
    record_id = response.json()["id"]
    owner = owner_of(org, profile, relation)
    org.sql(f"UPDATE {module} SET owner_id = {int(owner) if owner else 'NULL'} "
            f"WHERE org_id = {int(org.api.org_id)} AND id = {int(record_id)}")
    return record_id


def record_state(org, module: str, record_id: str) -> list[str]:
    org_id = int(org.api.org_id)
    return org.sql(f"SELECT r.version, r.deleted_at IS NULL, (SELECT COUNT(*) FROM audit_log WHERE org_id = {org_id}) "
                   f"FROM {module} r WHERE r.org_id = {org_id} AND r.id = {int(record_id)}")[0]


def record_request_for(module: str):
    ids_key, name_field = RECORD_MODULES[module]

    def request(client, action: str, record_id: str):
        if action == "view":
            return client.get(f"/{module}/{record_id}")
        if action == "edit":
            return client.patch(f"/{module}/{record_id}", json={name_field: "edited 編集"})
        if action == "delete":
            return client.post(f"/{module}/moveToTrash", json={ids_key: [record_id]})
        raise AssertionError(action)

    return request


@pytest.mark.parametrize("module,setting,profile,relation,action", RECORD_MATRIX)
def test_record_matrix(access_orgs, module, setting, profile, relation, action):
    org = access_orgs(setting)
    record_id = new_record(org, module, profile, relation)
    client = org.as_agent(profile)
    outcome = expected(RECORD_REACH, profile, setting, relation, action)
    if action == "list":
        listed = client.get(f"/{module}?sortBy=-createdTime&limit=100")
        assert listed.status_code == 200, listed.text
        assert (record_id in [r["id"] for r in listed.json()["data"]]) == (outcome == "ok")
        return
    request = record_request_for(module)
    before = record_state(org, module, record_id)
    response = request(client, action, record_id)
    check_outcome(client, action, response, outcome, request)
    after = record_state(org, module, record_id)
    version, live, audit = (int(v) for v in before)
    if outcome != "ok" or action == "view":
        assert after == before, "a refused request or a read wrote something"
    elif action == "edit":
        assert after == [str(version + 1), "1", str(audit + 1)]
    else:
        assert after == [str(version + 1), "0", str(audit + 1)]


def test_sharing_rules_read_only_and_read_write(access_orgs):
    """Private sharing plus rules from role Others to role Managers: tickets and contacts read-only, accounts
    read/write. The Agent reads the stranger's ticket and contact but may not change them (403, nothing
    written) — commenting needs only read reach —; it edits the stranger's account."""
    org = access_orgs("private", (("tickets", ROLE_OTHERS, ROLE_MANAGERS, "readOnly"),
                                  ("contacts", ROLE_OTHERS, ROLE_MANAGERS, "readOnly"),
                                  ("accounts", ROLE_OTHERS, ROLE_MANAGERS, "readWrite")))
    agent = org.as_agent("Agent")
    ticket_id = new_ticket(org, "Agent", OTHER)
    assert agent.get(f"/tickets/{ticket_id}").status_code == 200
    before = ticket_state(org, ticket_id)
    for action in ("edit", "delete", "reply"):
        response = ticket_request(agent, action, ticket_id)
        assert response.status_code == 403, (action, response.text)
    assert ticket_state(org, ticket_id) == before
    assert agent.post(f"/tickets/{ticket_id}/comments", json={"content": "ok"}).status_code == 200
    contact_id = new_record(org, "contacts", "Agent", OTHER)
    assert agent.get(f"/contacts/{contact_id}").status_code == 200
    contact_before = record_state(org, "contacts", contact_id)
    assert agent.patch(f"/contacts/{contact_id}", json={"lastName": "x"}).status_code == 403
    assert record_state(org, "contacts", contact_id) == contact_before
    account_id = new_record(org, "accounts", "Agent", OTHER)
    patched = agent.patch(f"/accounts/{account_id}", json={"accountName": "共有アカウント"})
    assert patched.status_code == 200, patched.text
    assert patched.json()["accountName"] == "共有アカウント"
    # Rules share owners' records: an unassigned ticket of another department stays out of reach.
    assert agent.get(f"/tickets/{new_ticket(org, 'Agent', UNASSIGNED_OTHER)}").status_code == 404


def test_move_to_trash_is_all_or_nothing(access_orgs):
    """Several ids: one only readable → 403, one unreadable → 404 exactly like an unknown id; nothing moves."""
    org = access_orgs("publicReadOnly")
    agent = org.as_agent("Agent")
    own = new_ticket(org, "Agent", OWN)
    readable = new_ticket(org, "Agent", OTHER)
    audit = org.audit_count()
    response = agent.post("/tickets/moveToTrash", json={"ticketIds": [own, readable]})
    assert response.status_code == 403 and response.json()["errorCode"] == "FORBIDDEN"
    assert org.audit_count() == audit
    assert agent.get(f"/tickets/{own}").status_code == 200
    private = access_orgs("private")
    agent = private.as_agent("Agent")
    own = new_ticket(private, "Agent", OWN)
    hidden = new_ticket(private, "Agent", OTHER)
    audit = private.audit_count()
    refused = agent.post("/tickets/moveToTrash", json={"ticketIds": [own, hidden]})
    unknown = agent.post("/tickets/moveToTrash", json={"ticketIds": [own, UNKNOWN_ID]})
    assert refused.status_code == 404 and (unknown.status_code, body(unknown)) == (404, body(refused))
    assert private.audit_count() == audit
    assert agent.get(f"/tickets/{own}").status_code == 200


def test_children_of_an_unreadable_ticket_are_404(access_orgs):
    """Threads, comments, attachments and conversations of a ticket out of reach answer like an unknown ticket."""
    org = access_orgs("private")
    hidden = new_ticket(org, "Agent", OTHER)
    comment = org.api.post(f"/tickets/{hidden}/comments", json={"content": "secret"}).json()
    agent = org.as_agent("Agent")
    for path in ("threads", "comments", "attachments", "conversations", f"comments/{comment['id']}"):
        shown = agent.get(f"/tickets/{hidden}/{path}")
        unknown = agent.get(f"/tickets/{UNKNOWN_ID}/{path}")
        assert shown.status_code == 404, (path, shown.text)
        assert (unknown.status_code, body(unknown)) == (404, body(shown))
    assert agent.get("/ticketsCount").json()["count"] == int(org.sql(
        f"SELECT COUNT(*) FROM tickets WHERE org_id = {int(org.api.org_id)} AND deleted_at IS NULL "
        f"AND assignee_id IN ({int(org.agents['Agent'])}, {int(org.agents['sub'])})")[0][0])


def test_references_out_of_reach_are_refused_like_unknown_ones(access_orgs):
    """A ticket's contactId and a contact's accountId must be records the agent may read: one out of reach
    gets the same 422 as an unknown id, and nothing is written."""
    org = access_orgs("private")
    agent = org.as_agent("Agent")
    hidden_contact = new_record(org, "contacts", "Agent", OTHER)
    hidden_account = new_record(org, "accounts", "Agent", OTHER)
    audit = org.audit_count()
    for path, field, hidden in (("/tickets", {"subject": "x"}, {"contactId": hidden_contact}),
                                ("/contacts", {"lastName": "x"}, {"accountId": hidden_account})):
        refused = agent.post(path, json={**field, **hidden})
        unknown = agent.post(path, json={**field, **{key: UNKNOWN_ID for key in hidden}})
        assert refused.status_code == 422, refused.text
        assert (unknown.status_code, body(unknown)) == (422, body(refused))
    assert org.audit_count() == audit
    own_contact = new_record(org, "contacts", "Agent", OWN)
    linked = agent.post("/tickets", json={"subject": "linked", "contactId": own_contact})
    assert linked.status_code == 200 and linked.json()["contactId"] == own_contact, linked.text


def test_created_ticket_stays_visible_to_its_creator(access_orgs):
    """Under private sharing an agent's new ticket without assignee is assigned to it; under department
    sharing a ticket of its department stays unassigned (its department already shows it)."""
    org = access_orgs("private")
    agent = org.as_agent("Agent")
    created = agent.post("/tickets", json={"subject": "mine", "departmentId": org.departments["D2"]})
    assert created.status_code == 200, created.text
    assert created.json()["assigneeId"] == org.agents["Agent"]
    assert agent.get(f"/tickets/{created.json()['id']}").status_code == 200
    department = access_orgs("department")
    agent = department.as_agent("Agent")
    created = agent.post("/tickets", json={"subject": "ours", "departmentId": department.departments["D1"]})
    assert created.status_code == 200 and created.json()["assigneeId"] is None
    assert agent.get(f"/tickets/{created.json()['id']}").status_code == 200


def test_recycle_bin_shows_only_what_the_agent_may_edit(access_orgs):
    """The Agent's recycle bin lists its own trashed ticket, not the stranger's; restoring the stranger's is
    404 like an unknown id, and writes nothing."""
    org = access_orgs("private")
    agent = org.as_agent("Agent")
    own = new_ticket(org, "Agent", OWN)
    other = new_ticket(org, "Agent", OTHER)
    assert org.api.post("/tickets/moveToTrash", json={"ticketIds": [own, other]}).status_code == 204
    listed = agent.get("/recycleBin?limit=100")
    assert listed.status_code == 200, listed.text
    ids = {item["id"] for item in listed.json()["data"]}
    assert own in ids and other not in ids
    audit = org.audit_count()
    refused = agent.post("/recycleBin/restore", json={"ids": [own, other]})
    unknown = agent.post("/recycleBin/restore", json={"ids": [own, UNKNOWN_ID]})
    assert refused.status_code == 404 and (unknown.status_code, body(unknown)) == (404, body(refused))
    assert org.audit_count() == audit
    assert agent.post("/recycleBin/restore", json={"ids": [own]}).status_code == 204
    assert agent.get(f"/tickets/{own}").status_code == 200


def test_attachments_and_comment_changes_need_edit_reach(access_orgs):
    """Under publicReadOnly the Agent reads a colleague's ticket but may not add or delete its attachments nor
    edit or delete its comments (403, nothing written); under private the same calls on an unreadable ticket
    answer exactly like an unknown ticket (404)."""
    for setting, status in (("publicReadOnly", 403), ("private", 404)):
        org = access_orgs(setting)
        agent = org.as_agent("Agent")
        ticket_id = new_ticket(org, "Agent", OTHER)
        attachment = org.api.call("POST", f"/tickets/{ticket_id}/attachments",
                                  files={"file": ("メモ.txt", "添付".encode(), "text/plain")})
        assert attachment.status_code == 200, attachment.text
        note = org.api.post(f"/tickets/{ticket_id}/comments", json={"content": "note"}).json()
        audit = org.audit_count()
        calls = [
            ("POST", f"/tickets/{{}}/attachments", {"files": {"file": ("a.txt", b"a", "text/plain")}}),
            ("DELETE", f"/tickets/{{}}/attachments/{attachment.json()['id']}", {}),
            ("PATCH", f"/tickets/{{}}/comments/{note['id']}", {"json": {"content": "edited"}}),
            ("DELETE", f"/tickets/{{}}/comments/{note['id']}", {}),
        ]
        for method, path, kwargs in calls:
            response = agent.call(method, path.format(ticket_id), **kwargs)
            assert response.status_code == status, (setting, method, path, response.text)
            if status == 404:
                unknown = agent.call(method, path.format(UNKNOWN_ID), **kwargs)
                assert (unknown.status_code, body(unknown)) == (404, body(response))
            else:
                assert response.json()["errorCode"] == "FORBIDDEN"
        assert org.audit_count() == audit
        assert org.api.get(f"/tickets/{ticket_id}/comments/{note['id']}").json()["content"] == "note"
