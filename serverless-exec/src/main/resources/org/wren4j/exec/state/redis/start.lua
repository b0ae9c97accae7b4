-- Registers a job unless it exists, so that a reused job id fails loudly.
-- KEYS: 1 job hash.  ARGV: 1 total tasks, 2 initial status, 3 the job's secret (empty: none).
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.error_reply('JOBEXISTS job already exists')
end
redis.call('HSET', KEYS[1], 'total', ARGV[1], 'completed', 0, 'status', ARGV[2])
if ARGV[3] ~= nil and ARGV[3] ~= '' then
  redis.call('HSET', KEYS[1], 'secret', ARGV[3])
end
return 1
