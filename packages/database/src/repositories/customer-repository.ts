import { eq, sql } from 'drizzle-orm';
import { customers } from '../schema/customers.js';
import { Repository } from './repository.js';
import { isUuid } from './uuid.js';

/** A paying person. */
export interface Customer {
  readonly id: string;
  readonly discordUserId: string;
  readonly email: string | null;
  /** The payment provider's id for them. */
  readonly externalRef: string | null;
  readonly createdAt: Date;
}

type Row = typeof customers.$inferSelect;

const toCustomer = (row: Row): Customer => ({
  id: row.id,
  discordUserId: row.discordUserId,
  email: row.email,
  externalRef: row.externalRef,
  createdAt: row.createdAt,
});

/** Customers, one per Discord account. */
export class CustomerRepository extends Repository {
  protected readonly name = 'customer';

  /**
   * The customer for a Discord account, created on first call. Given fields replace stored ones; omitted
   * fields keep their value.
   */
  public upsert(input: {
    readonly discordUserId: string;
    readonly email?: string;
    readonly externalRef?: string;
  }): Promise<Customer> {
    return this.run('upsert', async () => {
      const [row] = await this.db
        .insert(customers)
        .values({
          discordUserId: input.discordUserId,
          email: input.email ?? null,
          externalRef: input.externalRef ?? null,
        })
        .onConflictDoUpdate({
          target: customers.discordUserId,
          set: {
            email: input.email === undefined ? sql`${customers.email}` : input.email,
            externalRef: input.externalRef === undefined ? sql`${customers.externalRef}` : input.externalRef,
          },
        })
        .returning();
      if (row === undefined) throw new Error('upsert returned no row');
      return toCustomer(row);
    });
  }

  /** The customer with this id, if any. */
  public find(id: string): Promise<Customer | undefined> {
    return this.run('find', async () => {
      if (!isUuid(id)) return undefined;
      const [row] = await this.db.select().from(customers).where(eq(customers.id, id));
      return row === undefined ? undefined : toCustomer(row);
    });
  }

  /** The customer of a Discord account, if any. */
  public findByDiscordUser(discordUserId: string): Promise<Customer | undefined> {
    return this.run('findByDiscordUser', async () => {
      const [row] = await this.db.select().from(customers).where(eq(customers.discordUserId, discordUserId));
      return row === undefined ? undefined : toCustomer(row);
    });
  }
}
