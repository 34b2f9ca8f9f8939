-- wrk reporter: one line per run with the figures the README records.
-- Latencies are wrk's (microseconds), printed in milliseconds; errors are connection, read, write and
-- timeout errors plus responses with a status of 400 or more.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.0f p50=%.2f p95=%.2f p99=%.2f errors=%d\n",
    summary.requests,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000,
    latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
