-- Registers a job unless it exists, so that a reused job id fails loudly.
-- KEYS: 1 job hash.  ARGV: 1 total tasks, 2 initial status.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('JOBEXISTS job already exists')
end
redis.call('HSET', KEYS[1], 'total', ARGV[1], 'completed', 0, 'status', ARGV[2])
return 1
