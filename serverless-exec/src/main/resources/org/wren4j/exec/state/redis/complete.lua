-- Completes one task of a job in one atomic step (see RuntimeState.complete).
-- KEYS: 1 job hash (total, completed, status, error), 2 set of done tasks,
--       3 hash of remaining-parent counters of children
-- ARGV: 1 task key, then pairs (child key, parent count of the child)
-- Returns the children that are ready: reached zero now, or, on a replay, are at zero and not done.
local job, done, remaining = KEYS[1], KEYS[2], KEYS[3]
local total = redis.call('HGET', job, 'total')
if not total then
  return redis.error_reply('NOJOB unknown job')
end
local ready = {}
if redis.call('SADD', done, ARGV[1]) == 1 then
  for i = 2, #ARGV, 2 do
    local child = ARGV[i]
    redis.call('HSETNX', remaining, child, ARGV[i + 1])
    if redis.call('HINCRBY', remaining, child, -1) == 0 then
      ready[#ready + 1] = child
    end
  end
  local completed = redis.call('HINCRBY', job, 'completed', 1)
  if completed == tonumber(total) and redis.call('HGET', job, 'status') == 'RUNNING' then
    redis.call('HSET', job, 'status', 'SUCCEEDED')
  end
else
  for i = 2, #ARGV, 2 do
    local child = ARGV[i]
    if redis.call('HGET', remaining, child) == '0' and redis.call('SISMEMBER', done, child) == 0 then
      ready[#ready + 1] = child
    end
  end
end
return ready
