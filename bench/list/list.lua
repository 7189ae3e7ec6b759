-- wrk script: the staff inbox over a million complaints, as an officer searches it. Each
-- request has two filters and a text query (status + category + q), cycling through the
-- queries below; every request carries the session cookie given as the first script argument:
--   wrk ... -s list.lua URL -- 'sigap_session=...'
-- done() prints the 95th percentile (wrk's --latency table stops at 90 and 99).

local queries = {
  "status=in_progress&category=jalan-rusak&q=berlubang",
  "status=submitted,verified&category=sampah&q=menumpuk",
  "status=closed&category=banjir-drainase&q=" .. "saluran%20tersumbat",
  "status=in_progress,assigned&category=lampu-jalan&q=gelap",
  "status=resolved&category=air-bersih&q=keruh",
  "status=closed&category=jalan-rusak&q=" .. "aspal%20mengelupas",
  "status=rejected&category=adminduk&q=ktp",
  "status=in_progress&category=kesehatan&q=puskesmas",
}
local cookie = ""
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function init(args)
  cookie = args[1] or ""
  index = (thread_id or 1) * 3
end

function request()
  index = index % #queries + 1
  return wrk.format("GET", "/api/v1/complaints?" .. queries[index], {["Cookie"] = cookie})
end

function done(summary, latency, requests)
  io.write(string.format("p95_us %d\n", latency:percentile(95)))
end
