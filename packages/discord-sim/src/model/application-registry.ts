import type { SimApplication } from './entities.js';
import { addBotMember } from './record-factory.js';
import type { SimStore } from './sim-store.js';

/** Bot id from a Discord-shaped token (`base64(user id).x.y`), so a bot configured with its id finds it. */
function botIdFromToken(token: string): string | null {
  const head = token.split('.')[0] ?? '';
  const decoded = Buffer.from(head, 'base64').toString('utf8');
  return /^\d{17,20}$/.test(decoded) ? decoded : null;
}

/** One bot application per token: any token is accepted and gets its own bot user, in every guild. */
export class ApplicationRegistry {
  public constructor(private readonly store: SimStore) {}

  /** The application for a bot token, created (and joined to every guild) the first time the token is seen. */
  public applicationFor(token: string): SimApplication {
    const known = this.store.applicationByToken(token);
    if (known !== undefined) return known;
    const fromToken = botIdFromToken(token);
    const botUserId =
      fromToken !== null && !this.store.users.has(fromToken) ? fromToken : this.store.ids.next();
    const number = this.store.applications.size + 1;
    const name = number === 1 ? 'Sim Bot' : `Sim Bot ${number}`;
    this.store.users.set(botUserId, { id: botUserId, username: name, bot: true });
    const app: SimApplication = { id: botUserId, botUserId, name, token };
    this.store.applications.set(app.id, app);
    for (const guildId of this.store.guilds.keys()) addBotMember(this.store, guildId, app);
    return app;
  }
}
