-- wrk script for scripts/bench.py: prints one JSON line with the latency percentiles (microseconds),
-- the request count, the duration and the errors (socket errors and non-2xx/3xx answers).
--
-- With arguments (wrk ... -s bench_wrk.lua URL -- <file> <seed>) every request takes a path at random from
-- <file> (one path a line), with a fixed seed per thread; a line of several paths separated by spaces is a visit:
-- its paths are requested one after the other, then the next visit is drawn.
-- With BENCH_POORTEN=8765,8766 in the environment, the threads are spread over those ports (one server each):
-- the load split over two app servers.
local teller = 0
local paden = nil
local bezoek, stap = nil, 0

setup = function(thread)
  teller = teller + 1
  thread:set("nummer", teller)
  local poorten = os.getenv("BENCH_POORTEN")
  if poorten and poorten ~= "" then
    local lijst = {}
    for p in string.gmatch(poorten, "%d+") do table.insert(lijst, p) end
    local poort = lijst[((teller - 1) % #lijst) + 1]
    thread.addr = wrk.lookup(wrk.host, poort)[1]
  end
end

init = function(args)
  if args[1] == nil then return end
  paden = {}
  for regel in io.lines(args[1]) do
    if regel ~= "" then
      local delen = {}
      for deel in string.gmatch(regel, "%S+") do table.insert(delen, deel) end
      table.insert(paden, delen)
    end
  end
  math.randomseed((tonumber(args[2]) or 7) * 1000 + (nummer or 1))
end

request = function()
  if paden == nil then return wrk.request() end
  if bezoek == nil or stap >= #bezoek then
    bezoek = paden[math.random(#paden)]
    stap = 0
  end
  stap = stap + 1
  return wrk.format(nil, bezoek[stap])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
