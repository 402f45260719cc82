-- wrk script (scripts/bench.sh): GET one ticket by a random id among the loaded ones, 1…BENCH_TICKETS
-- (default 200000). The id is appended to the URL's path and query as given to wrk:
--   wrk … -s bench/random_ticket.lua http://127.0.0.1:PORT/api/v1/tickets/   (deskd)
--   wrk … -s bench/random_ticket.lua 'http://127.0.0.1:PORT/ticket?id='      (C baseline)
-- wrk's -H headers (Host, Authorization) are sent with every request.
local count = tonumber(os.getenv("BENCH_TICKETS") or "200000")

local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("seed", threads)
end

function init(args)
    math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
    return wrk.format("GET", wrk.path .. math.random(1, count))
end
