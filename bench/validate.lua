-- wrk script: POST /api/v1/validate with {"schema": <the blog schema>}.
-- The schema file is given by the BENCH_SCHEMA environment variable.
local f = assert(io.open(os.getenv("BENCH_SCHEMA"), "r"))
local schema = f:read("*a")
f:close()
wrk.method = "POST"
wrk.body = '{"schema": ' .. schema .. '}'
wrk.headers["Content-Type"] = "application/json"

-- Count answers that are not 200: a benchmark of refusals would measure the wrong thing.
local bad = 0
function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", summary.errors.status))
end
