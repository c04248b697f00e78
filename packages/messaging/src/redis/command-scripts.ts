import { LuaScript } from './lua-script.js';

/**
 * Enqueue: remember the command id (pending: 'P' + its entry id) and append the command, with the sender's
 * reply channel, to the stream. A duplicate id is not appended again: its stored reply is returned ('D' +
 * reply) or the sender joins the waiters of the pending one ('P'). Kept to a few calls on the common path:
 * every command goes through it.
 * KEYS: record, waiters, stream. ARGV: reply channel, ttl ms, message.
 */
export const ENQUEUE_SCRIPT = new LuaScript(
  `
local state = redis.call('SET', KEYS[1], 'P', 'NX', 'GET', 'PX', ARGV[2])
if state then
  if string.sub(state, 1, 1) == 'D' then return state end
  redis.call('SADD', KEYS[2], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  return 'P'
end
local entry = redis.call('XADD', KEYS[3], '*', 'm', ARGV[3], 'r', ARGV[1])
redis.call('SET', KEYS[1], 'P' .. entry, 'PX', ARGV[2])
return 'Q'
`,
  3,
);

/**
 * Withdraw: remove a pending command no consumer of the group has received (its entry is not in the
 * group's pending list; no group at all counts as none) and forget its id. Returns 1 when withdrawn.
 * KEYS: record, waiters, stream. ARGV: group.
 */
export const WITHDRAW_SCRIPT = new LuaScript(
  `
local state = redis.call('GET', KEYS[1])
if not state or string.sub(state, 1, 1) ~= 'P' or string.len(state) < 2 then return 0 end
local entry = string.sub(state, 2)
local pending = redis.pcall('XPENDING', KEYS[3], ARGV[1], entry, entry, 1)
if type(pending) == 'table' and pending[1] ~= nil then return 0 end
redis.call('XDEL', KEYS[3], entry)
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`,
  3,
);

/**
 * Complete: store the reply for duplicates, publish it to the sender (ARGV[5], from the entry) and to any
 * duplicate's sender, acknowledge and delete the entry (the stream only holds commands not yet answered).
 * KEYS: record, waiters, stream. ARGV: group, entry id, reply, ttl ms, reply channel ('' when unknown).
 */
export const COMPLETE_SCRIPT = new LuaScript(
  `
redis.call('SET', KEYS[1], 'D' .. ARGV[3], 'PX', ARGV[4])
if ARGV[5] ~= '' then redis.call('PUBLISH', ARGV[5], ARGV[3]) end
local waiters = redis.call('SMEMBERS', KEYS[2])
if #waiters > 0 then
  for _, channel in ipairs(waiters) do
    if channel ~= ARGV[5] then redis.call('PUBLISH', channel, ARGV[3]) end
  end
  redis.call('DEL', KEYS[2])
end
redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[3], ARGV[2])
return #waiters
`,
  3,
);
