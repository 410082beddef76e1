-- Paces wrk to a fixed request rate, so that its latency figures describe a server
-- answering a steady load rather than one driven flat out.
--
--   RATE=500 wrk -t2 -c10 -d20s --latency -s bench/wrk-paced.lua URL
--
-- Each wrk thread sends RATE/threads requests per second on a schedule of its own: when a
-- connection has its answer, it waits for the thread's next free slot. The wait is not part
-- of the latency wrk reports (wrk starts its clock when the request is written). A server
-- slower than the schedule makes the connections queue up behind it, and the achieved rate
-- (wrk's Requests/sec) drops below RATE: the script that reads these figures checks it.
local ffi = require("ffi")
ffi.cdef [[
	typedef struct { long tv_sec; long tv_nsec; } timespec_t;
	int clock_gettime(int clock_id, timespec_t *tp);
]]
local CLOCK_MONOTONIC = 1
local now_ts = ffi.new("timespec_t")

local function now_ms()
	ffi.C.clock_gettime(CLOCK_MONOTONIC, now_ts)
	return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local threads = 0
function setup(thread)
	threads = threads + 1
	thread:set("id", threads)
end

local interval_ms
local next_slot

function init(args)
	local rate = tonumber(os.getenv("RATE") or "500")
	-- a thread's Lua state cannot see how many threads setup() counted: the caller says
	local thread_count = tonumber(os.getenv("WRK_THREADS") or "2")
	interval_ms = 1000 * thread_count / rate
	-- threads start half an interval apart so that their slots interleave
	next_slot = now_ms() + interval_ms * ((id or 1) - 1) / thread_count
end

function delay()
	local now = now_ms()
	if next_slot < now - interval_ms then
		-- behind schedule (the server was slow): do not fire a burst to catch up
		next_slot = now
	end
	local wait = next_slot - now
	next_slot = next_slot + interval_ms
	if wait < 0 then
		return 0
	end
	return math.floor(wait + 0.5)
end
