import { LuaScript } from './lua-script.js';

/*
 * The idempotency record of a command id: 'P' while pending, followed by '\n' + the reply channel of each
 * duplicate sender waiting too; 'D' + the reply once answered (written by `storeAndPublishReply`, which needs
 * no script). Every command goes through enqueue, so it is kept to as few calls as the guarantees allow:
 * a script call costs ~12 us of Redis time over the commands inside it, on the critical path of every reply.
 */

/**
 * Enqueue: remember the command id and append the command, with the sender's reply channel and the command
 * id, to the stream (a reader blocked on it is served by Redis right after). A duplicate id is not appended
 * again: its stored reply is returned ('D' + reply) or the sender joins the waiters of the pending one ('P').
 * KEYS: record, stream. ARGV: reply channel, ttl ms, message, command id.
 */
export const ENQUEUE_SCRIPT = new LuaScript(
  `
local state = redis.call('SET', KEYS[1], 'P', 'NX', 'GET', 'PX', ARGV[2])
if state then
  if string.sub(state, 1, 1) == 'D' then return state end
  if not string.find(state, '\\n' .. ARGV[1], 1, true) then redis.call('APPEND', KEYS[1], '\\n' .. ARGV[1]) end
  return 'P'
end
redis.call('XADD', KEYS[2], '*', 'm', ARGV[3], 'r', ARGV[1], 'i', ARGV[4])
return 'Q'
`,
  2,
);

/**
 * Withdraw: remove a pending command no consumer of the group has received (its entry is not in the
 * group's pending list; no group at all counts as none) and forget its id. Returns 1 when withdrawn. The
 * entry is found by its command id field: the stream only holds commands not yet acknowledged, and this runs
 * only when a consumer died.
 * KEYS: record, stream. ARGV: group, command id.
 */
export const WITHDRAW_SCRIPT = new LuaScript(
  `
local state = redis.call('GET', KEYS[1])
if not state or string.sub(state, 1, 1) ~= 'P' then return 0 end
local found, from = nil, '-'
while not found do
  local entries = redis.call('XRANGE', KEYS[2], from, '+', 'COUNT', 100)
  for _, entry in ipairs(entries) do
    local fields = entry[2]
    for i = 1, #fields, 2 do
      if fields[i] == 'i' and fields[i + 1] == ARGV[2] then found = entry[1] end
    end
    if found then break end
  end
  if #entries < 100 then break end
  from = '(' .. entries[#entries][1]
end
if not found then return 0 end
local pending = redis.pcall('XPENDING', KEYS[2], ARGV[1], found, found, 1)
if type(pending) == 'table' and pending[1] ~= nil then return 0 end
redis.call('XDEL', KEYS[2], found)
redis.call('DEL', KEYS[1])
return 1
`,
  2,
);
