import { done, type CommandImpl } from './command-support.js';

/** `join`: connect to the member's voice channel (moving if already elsewhere). */
export const join: CommandImpl<'join'> = async (engine, command) => {
  const { voiceChannelId, textChannelId } = command.payload;
  const existing = engine.get(command.guildId);
  const alreadyConnected = existing?.voiceChannelId === voiceChannelId;
  await engine.ensurePlayer(command.guildId, voiceChannelId, textChannelId);
  return done({ voiceChannelId, alreadyConnected });
};

/** `leave`: disconnect and forget the player. */
export const leave: CommandImpl<'leave'> = async (engine, command) => {
  const player = engine.get(command.guildId);
  if (player === undefined) return done({ wasConnected: false });
  await engine.leave(player, 'left');
  return done({ wasConnected: true });
};
