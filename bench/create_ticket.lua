-- wrk script (scripts/bench.sh): POST /api/v1/tickets with a small JSON body (every request creates a
-- ticket). wrk's -H headers (Host, Authorization) are sent too.
wrk.method = "POST"
wrk.path = "/api/v1/tickets"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"subject":"Printer on floor 3 is offline","description":"Created by make bench.",'
    .. '"status":"Open","priority":"Medium","channel":"Web","email":"bench-customer@example.com"}'
