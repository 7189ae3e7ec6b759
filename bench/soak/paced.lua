-- wrk script for the soak: an open loop's stand-in. Each connection waits SOAK_DELAY_MS
-- milliseconds after every answer before its next request, so C connections send about
-- C * 1000 / SOAK_DELAY_MS requests a second (a little less: the answer's own time adds to it)
-- instead of as many as the server can take. SOAK_SCRIPT names a benchmark script whose
-- request() (and setup/init) to use, e.g. bench/intake/intake.lua; without it every request
-- is wrk's own GET of the URL (with the -H headers given).

local script = os.getenv("SOAK_SCRIPT")
if script and script ~= "" then
  dofile(script)
end

local pause = tonumber(os.getenv("SOAK_DELAY_MS") or "0") or 0

function delay()
  return pause
end
