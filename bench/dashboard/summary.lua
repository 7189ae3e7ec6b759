-- wrk script: the Command Center's figures of the whole city, as a leader's phone and the wall
-- ask for them. Every request carries the session cookie given as the first script argument:
--   wrk ... -s summary.lua URL -- 'sigap_session=...'
-- Half the requests ask for the city's children (the phone), half for every unit (the wall).
-- done() prints the 95th percentile (wrk's --latency table stops at 90 and 99).

local paths = {
  "/api/v1/dashboard/summary",
  "/api/v1/dashboard/summary?depth=all",
}
local cookie = ""
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function init(args)
  cookie = args[1] or ""
  index = thread_id or 1
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], {["Cookie"] = cookie})
end

function done(summary, latency, requests)
  io.write(string.format("p95_us %d\n", latency:percentile(95)))
end
