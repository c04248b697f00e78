import type { Redis } from 'ioredis';

/** QUIT when connected (lets queued replies flush); otherwise drop the socket instead of waiting forever. */
export async function closeGracefully(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => redis.disconnect());
  } else {
    redis.disconnect();
  }
}
