-- wrk script: GET /api/v1/track/{code}, cycling through the codes listed (one a line) in the
-- file named by the first script argument:  wrk ... -s track.lua URL -- codes.txt
-- Each wrk thread starts at a different point of the list.

local codes = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("thread_id", thread_count)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "track.lua: cannot read the codes file " .. tostring(args[1]))
  for line in file:lines() do
    if line ~= "" then codes[#codes + 1] = line end
  end
  file:close()
  assert(#codes > 0, "track.lua: no codes in " .. args[1])
  index = ((thread_id or 1) * 7919) % #codes
end

function request()
  index = index % #codes + 1
  return wrk.format("GET", "/api/v1/track/" .. codes[index])
end
