-- A storm of sign-ups and logins for bench/login-storm.sh: every connection sends, one
-- after the other, a sign-up of a fresh user or a login, half each, with a password hash
-- behind every one. A login names the user signed up LAG requests earlier of its thread
-- (mostly done by then); one whose sign-up was refused or has not finished answers 401
-- after the same hash. Each 503 or 429 makes one connection wait the second that
-- Retry-After asks for, as a polite client would; with RETRY_AFTER=ignore every
-- connection sends again at once (a flood that, from one address, the rate limit would
-- stop in production).
--
--   LAG=100 wrk -t1 -c200 -d20s --timeout 30s -s bench/login-storm.lua URL
local threads = {}

function setup(thread)
	table.insert(threads, thread)
	thread:set("id", #threads)
end

local prefix
local lag
local honour
local sent = 0
local waits = 0
statuses = {}

function init(args)
	-- names unique per run and thread, within the user name rule ([A-Za-z0-9_.-], 64)
	prefix = string.format("storm%d_%d_", os.time(), id or 1)
	lag = tonumber(os.getenv("LAG") or "100")
	honour = os.getenv("RETRY_AFTER") ~= "ignore"
end

local json = { ["Content-Type"] = "application/json" }

function request()
	sent = sent + 1
	local n = math.floor((sent + 1) / 2)
	if sent % 2 == 1 then
		local name = prefix .. n
		return wrk.format("POST", "/user", json, '{"user_name":"' .. name .. '","pwd":"storm-password"}')
	end
	local name = prefix .. math.max(1, n - lag)
	return wrk.format("POST", "/user/" .. name, json, '{"user_name":"' .. name .. '","pwd":"storm-password"}')
end

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
	if honour and (status == 503 or status == 429) then
		waits = waits + 1
	end
end

-- wrk asks for a delay right after a connection's answer; a pending wait goes to the
-- next connection that asks, which on the whole holds back one request per refusal
function delay()
	if waits > 0 then
		waits = waits - 1
		return 1000
	end
	return 0
end

function done(summary, latency, requests)
	local total = {}
	for _, thread in ipairs(threads) do
		for status, count in pairs(thread:get("statuses")) do
			total[status] = (total[status] or 0) + count
		end
	end
	for status, count in pairs(total) do
		io.write(string.format("status %d %d\n", status, count))
	end
end
