import { asc, eq } from 'drizzle-orm';
import { premiumTiers, type PremiumTierLimits } from '../schema/premium-tiers.js';
import { Repository } from './repository.js';

/** A sellable tier. */
export interface PremiumTier {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly monthlyPriceCents: number;
  readonly limits: PremiumTierLimits;
}

type Row = typeof premiumTiers.$inferSelect;

const toTier = (row: Row): PremiumTier => ({
  id: row.id,
  name: row.name,
  rank: row.rank,
  monthlyPriceCents: row.monthlyPriceCents,
  limits: row.limits,
});

/** The catalogue of premium tiers. */
export class PremiumTierRepository extends Repository {
  protected readonly name = 'premium_tier';

  /** Creates or replaces a tier. */
  public upsert(tier: PremiumTier): Promise<PremiumTier> {
    return this.run('upsert', async () => {
      const { id: _id, ...rest } = tier;
      const [row] = await this.db
        .insert(premiumTiers)
        .values(tier)
        .onConflictDoUpdate({ target: premiumTiers.id, set: rest })
        .returning();
      if (row === undefined) throw new Error('upsert returned no row');
      return toTier(row);
    });
  }

  /** The tier with this id, if any. */
  public find(id: string): Promise<PremiumTier | undefined> {
    return this.run('find', async () => {
      const [row] = await this.db.select().from(premiumTiers).where(eq(premiumTiers.id, id));
      return row === undefined ? undefined : toTier(row);
    });
  }

  /** Every tier, lowest rank first. */
  public list(): Promise<PremiumTier[]> {
    return this.run('list', async () => {
      const rows = await this.db.select().from(premiumTiers).orderBy(asc(premiumTiers.rank));
      return rows.map(toTier);
    });
  }
}
