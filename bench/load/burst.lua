-- wrk script of the deadline burst: every load-test commune sends its batch of values once, through its own API
-- key, as PUT /api/v1/datavalues; then wrk stops. Run with one wrk thread:
--   wrk -t1 -c CONNECTIONS -d CAP -s burst.lua URL -- KEYS.csv MEASURES PERIOD
-- KEYS.csv is what `OpenDti loadtest prepare` writes (unit,key). Commune LT0017's value of LOAD_TEST_003 is
-- 17003: whoever checks the store can tell every stored value from the one sent.
-- Each connection takes the next commune when its previous answer is in; once every commune is sent, a
-- connection waits (delay) instead of sending anything else, and after the last answer wrk is told to stop
-- (SIGINT), so the figures are those of the burst alone.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } burst_timespec;
  int clock_gettime(int clock, burst_timespec *tp);
  int getpid(void);
  int kill(int pid, int signal);
]]

local function now()
  local t = ffi.new("burst_timespec")
  ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) + tonumber(t.tv_nsec) / 1e9
end

local keys = {}
local measures, period
local delays = 0
sent, extra, answered, refused, started, finished = 0, 0, 0, 0, 0, 0

local thread
setup = function(t) thread = t end

init = function(args)
  measures = tonumber(args[2])
  period = args[3]
  for line in io.lines(args[1]) do
    local unit, key = line:match("^([^,]+),(.+)$")
    if unit and unit ~= "unit" then keys[#keys + 1] = { unit, key } end
  end
end

delay = function()
  delays = delays + 1
  if sent >= #keys then return 3600 * 1000 end
  return 0
end

request = function()
  -- wrk calls request() once before connecting, to check the script, and throws the result away.
  if delays == 0 then return wrk.format("GET", "/health") end
  -- After a connection is closed and opened again wrk asks for a request without asking for a delay first:
  -- with every commune already sent, that connection asks for the health check instead.
  if sent >= #keys then
    extra = extra + 1
    return wrk.format("GET", "/health")
  end
  sent = sent + 1
  if sent == 1 then started = now() end
  local unit, key = keys[sent][1], keys[sent][2]
  local number = tonumber(unit:match("(%d+)$"))
  local values = {}
  for m = 1, measures do
    values[m] = string.format('{"unit":"%s","measure":"LOAD_TEST_%03d","period":"%s","value":%d}', unit, m, period, number * 1000 + m)
  end
  return wrk.format("PUT", "/api/v1/datavalues",
    { ["X-Api-Key"] = key, ["Content-Type"] = "application/json" },
    "[" .. table.concat(values, ",") .. "]")
end

response = function(status, headers, body)
  answered = answered + 1
  if status < 200 or status > 299 then
    refused = refused + 1
    if refused <= 3 then io.stderr:write("refused: ", status, " ", body:sub(1, 300), "\n") end
  end
  if sent == #keys and answered == sent + extra then
    finished = now()
    ffi.C.kill(ffi.C.getpid(), 2)
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local elapsed = thread:get("finished") > 0 and thread:get("finished") - thread:get("started") or summary.duration / 1e6
  io.write(string.format(
    "RESULT sent=%d extra=%d answered=%d refused=%d errors=%d elapsed=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
    thread:get("sent"), thread:get("extra"), thread:get("answered"), thread:get("refused"),
    e.connect + e.read + e.write + e.timeout + e.status, elapsed,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
