-- wrk script of the serving bench: POSTs one Open Inference Protocol v2 request, read from
-- the file given after "--", on every connection, and prints one JSON line of results.
--   wrk -t T -c C -d 10s --latency -s serve_infer.lua http://HOST:PORT/v2/models/NAME/infer -- BODY.json
-- Latencies in the JSON line are microseconds; "bad" counts answers not 2xx or 3xx, which
-- run_serve_bench.sh flags with the socket errors (an error answered fast is no throughput).

local body_file

function init(args)
    body_file = args[1]
    local f = assert(io.open(body_file, "rb"), "cannot read " .. tostring(body_file))
    wrk.body = f:read("*a")
    f:close()
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_us": %d, "p90_us": %d, ' ..
        '"p99_us": %d, "max_us": %d, "mean_us": %.1f, "bad": %d, "connect_errors": %d, ' ..
        '"read_errors": %d, "write_errors": %d, "timeouts": %d}\n',
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50),
        latency:percentile(90), latency:percentile(99), latency.max, latency.mean, e.status,
        e.connect, e.read, e.write, e.timeout))
end
