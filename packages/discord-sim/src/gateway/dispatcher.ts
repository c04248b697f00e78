import type { DispatchEvent, DispatchSink, DispatchTarget } from '../model/dispatch-sink.js';
import type { JsonObject } from '../model/entities.js';
import type { SimStore } from '../model/sim-store.js';
import { shardOf } from '../model/snowflake.js';
import { shapeForSession, wantsEvent } from './intents.js';
import type { GatewaySession } from './session.js';

/**
 * Routes model events to sessions: the guild's shard of every bot in the guild (or one application),
 * shard 0 for events without a guild, and only the events the session's intents ask for.
 */
export class Dispatcher implements DispatchSink {
  public constructor(
    private readonly store: SimStore,
    private readonly sessions: () => Iterable<GatewaySession>,
  ) {}

  public dispatch(event: DispatchEvent, data: JsonObject, target: DispatchTarget): void {
    for (const session of this.sessions()) {
      if (!this.reaches(session, target)) continue;
      if (!wantsEvent(session.intents, event, data)) continue;
      session.dispatch(event, shapeForSession(session.intents, session.app.botUserId, event, data));
    }
  }

  private reaches(session: GatewaySession, target: DispatchTarget): boolean {
    if (target.applicationId !== undefined && session.app.id !== target.applicationId) return false;
    if (target.guildId === undefined) return session.shardId === 0;
    if (this.store.member(target.guildId, session.app.botUserId) === undefined) return false;
    return shardOf(target.guildId, session.shardCount) === session.shardId;
  }
}
