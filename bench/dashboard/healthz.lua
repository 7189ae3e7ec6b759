-- wrk script: GET /healthz, printing the 95th percentile like list.lua does.
function done(summary, latency, requests)
  io.write(string.format("p95_us %d\n", latency:percentile(95)))
end
