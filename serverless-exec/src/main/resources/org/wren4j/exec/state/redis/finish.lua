-- Moves a RUNNING job to a final status (FAILED with an error, or CANCELLED); a job that is
-- already final keeps its status and first error.
-- KEYS: 1 job hash.  ARGV: 1 new status, 2 error (optional).
-- Returns 1 if the status changed, 0 if the job was already final.
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return redis.error_reply('NOJOB unknown job')
end
if status ~= 'RUNNING' then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
if ARGV[2] then
  redis.call('HSET', KEYS[1], 'error', ARGV[2])
end
return 1
