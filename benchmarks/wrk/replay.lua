-- Replays a request list written by `manage.py bench_fixtures`:
-- one request per line, METHOD<TAB>PATH<TAB>TOKEN<TAB>BODY ("-" when absent).
-- BENCH_FILE names the list. POSTs carry a fresh Idempotency-Key each.
-- done() prints one JSON line: requests, seconds, rps, latency percentiles (ms), errors.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local function split(line)
  local out = {}
  for field in string.gmatch(line, "([^\t]+)") do
    table.insert(out, field)
  end
  return out
end

function init(args)
  requests_list = {}
  codes = {}
  local path = os.getenv("BENCH_FILE")
  local file = assert(io.open(path, "r"), "cannot open " .. tostring(path))
  for line in file:lines() do
    if #line > 0 then
      local f = split(line)
      local headers = { ["Accept"] = "application/json", ["Accept-Language"] = "id" }
      if f[3] ~= "-" then
        headers["Authorization"] = "Bearer " .. f[3]
      end
      local body = nil
      if f[4] ~= "-" then
        body = f[4]
        headers["Content-Type"] = "application/json"
      end
      table.insert(requests_list, { method = f[1], path = f[2], headers = headers, body = body })
    end
  end
  file:close()
  math.randomseed(os.time() * 1000 + thread_id)
  counter = math.random(#requests_list)
  run_id = os.time() .. "-" .. thread_id .. "-" .. math.random(1000000)
  sent = 0
end

function request()
  counter = counter % #requests_list + 1
  sent = sent + 1
  local r = requests_list[counter]
  if r.method == "POST" then
    r.headers["Idempotency-Key"] = "bench-" .. run_id .. "-" .. sent
  end
  return wrk.format(r.method, r.path, r.headers, r.body)
end

function response(status, headers, body)
  local key = tostring(status)
  codes[key] = (codes[key] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("codes")
    for k, v in pairs(c) do
      merged[k] = (merged[k] or 0) + v
    end
  end
  local parts = {}
  local failed = 0
  for k, v in pairs(merged) do
    table.insert(parts, string.format('"%s":%d', k, v))
    if tonumber(k) >= 400 then
      failed = failed + v
    end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.1f,"p90_ms":%.1f,"p95_ms":%.1f,' ..
    '"p99_ms":%.1f,"max_ms":%.1f,"http_errors":%d,"socket_errors":%d,"codes":{%s}}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, failed,
    e.connect + e.read + e.write + e.timeout, table.concat(parts, ",")))
end
