import { LuaScript } from './lua-script.js';

/**
 * Enqueue: remember the command id, register the sender as waiting for the reply, append to the stream.
 * A duplicate id is not appended again: its stored reply is returned ('D' + reply) or the sender joins the
 * waiters of the pending one ('P').
 * KEYS: record, waiters, stream. ARGV: reply channel, ttl ms, message.
 */
export const ENQUEUE_SCRIPT = new LuaScript(
  `
local state = redis.call('GET', KEYS[1])
if state and string.sub(state, 1, 1) == 'D' then return state end
redis.call('SADD', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
if state then return 'P' end
redis.call('SET', KEYS[1], 'P', 'PX', ARGV[2])
redis.call('XADD', KEYS[3], '*', 'm', ARGV[3])
return 'Q'
`,
  3,
);

/**
 * Complete: store the reply for duplicates, publish it to every waiting sender, acknowledge and delete the
 * entry (the stream only ever holds commands not yet answered).
 * KEYS: record, waiters, stream. ARGV: group, entry id, reply, ttl ms.
 */
export const COMPLETE_SCRIPT = new LuaScript(
  `
redis.call('SET', KEYS[1], 'D' .. ARGV[3], 'PX', ARGV[4])
local waiters = redis.call('SMEMBERS', KEYS[2])
for _, channel in ipairs(waiters) do redis.call('PUBLISH', channel, ARGV[3]) end
redis.call('DEL', KEYS[2])
redis.call('XACK', KEYS[3], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[3], ARGV[2])
return #waiters
`,
  3,
);
