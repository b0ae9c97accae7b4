-- Completes one task of a job in one atomic step (see RuntimeState.complete).
-- KEYS: 1 job hash (total, completed, status, error), 2 set of done tasks,
--       3 hash of remaining-parent counters of children, 4 hash of remaining-reader counters of
--       temporary tiles, 5 hash of job counters
-- ARGV: 1 task key, 2 number of children c, then c pairs (child key, parent count of the child),
--       then the bytes of temporary tiles the task wrote, then triples (temporary tile the task
--       read, its reader count, its bytes)
-- Returns {ready, collected}: the children that are ready (reached zero now, or, on a replay, are
-- at zero and not done) and the temporary tiles whose readers are all done (reached zero now, or,
-- on a replay, are at zero). Only the first completion decrements anything.
local job, done, remaining, readers, counters = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local total = redis.call('HGET', job, 'total')
if not total then
  return redis.error_reply('NOJOB unknown job')
end
local nchildren = tonumber(ARGV[2])
local tiles = 4 + 2 * nchildren
local ready = {}
local collected = {}
if redis.call('SADD', done, ARGV[1]) == 1 then
  for i = 3, 2 + 2 * nchildren, 2 do
    local child = ARGV[i]
    redis.call('HSETNX', remaining, child, ARGV[i + 1])
    if redis.call('HINCRBY', remaining, child, -1) == 0 then
      ready[#ready + 1] = child
    end
  end
  local written = tonumber(ARGV[3 + 2 * nchildren])
  if written > 0 then
    redis.call('HINCRBY', counters, 'temp_bytes_written', written)
    local live = redis.call('HINCRBY', counters, 'temp_live_bytes', written)
    local peak = tonumber(redis.call('HGET', counters, 'temp_peak_live_bytes') or '0')
    if live > peak then
      redis.call('HSET', counters, 'temp_peak_live_bytes', live)
    end
  end
  local freed = 0
  for i = tiles, #ARGV, 3 do
    local tile = ARGV[i]
    redis.call('HSETNX', readers, tile, ARGV[i + 1])
    if redis.call('HINCRBY', readers, tile, -1) == 0 then
      collected[#collected + 1] = tile
      freed = freed + tonumber(ARGV[i + 2])
    end
  end
  if #collected > 0 then
    redis.call('HINCRBY', counters, 'temp_live_bytes', -freed)
    redis.call('HINCRBY', counters, 'temp_tiles_collected', #collected)
    redis.call('HINCRBY', counters, 'temp_bytes_collected', freed)
  end
  local completed = redis.call('HINCRBY', job, 'completed', 1)
  if completed == tonumber(total) and redis.call('HGET', job, 'status') == 'RUNNING' then
    redis.call('HSET', job, 'status', 'SUCCEEDED')
  end
else
  for i = 3, 2 + 2 * nchildren, 2 do
    local child = ARGV[i]
    if redis.call('HGET', remaining, child) == '0' and redis.call('SISMEMBER', done, child) == 0 then
      ready[#ready + 1] = child
    end
  end
  for i = tiles, #ARGV, 3 do
    if redis.call('HGET', readers, ARGV[i]) == '0' then
      collected[#collected + 1] = ARGV[i]
    end
  end
end
return {ready, collected}
