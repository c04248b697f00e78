import { expect, it } from 'vitest';
import { PLAYLIST_TRACKS_LIMIT, type Playlist, type PlaylistOwner } from '../src/index.js';
import { describeEachBackend } from './support/backends.js';
import { snowflake, track } from './support/fixtures.js';

describeEachBackend('playlist repository', (db) => {
  async function newPlaylist(owner: PlaylistOwner = { type: 'user', id: snowflake() }): Promise<Playlist> {
    const created = await db().playlists.create({ owner, name: 'Road Trip', createdBy: snowflake() });
    if (!created.ok) throw new Error(created.error.code);
    return created.value;
  }

  const titles = async (id: string) =>
    (await db().playlists.tracks(id)).map((entry) => entry.track.info.title);

  it('GIVEN a new playlist THEN it is found by id and by name, case-insensitively', async () => {
    const owner: PlaylistOwner = { type: 'guild', id: snowflake() };
    const playlist = await newPlaylist(owner);
    expect(playlist).toMatchObject({ owner, name: 'Road Trip', trackCount: 0, description: null });
    expect(await db().playlists.find(playlist.id)).toEqual(playlist);
    expect(await db().playlists.findByName(owner, 'road trip')).toEqual(playlist);
    expect(await db().playlists.listByOwner(owner)).toEqual([playlist]);
  });

  it('GIVEN an owner with a playlist THEN the same name in another case is taken, but free for another owner', async () => {
    const owner: PlaylistOwner = { type: 'user', id: snowflake() };
    await newPlaylist(owner);
    const again = await db().playlists.create({ owner, name: 'ROAD TRIP', createdBy: owner.id });
    expect(again).toEqual({ ok: false, error: { code: 'PLAYLIST_NAME_TAKEN' } });
    const other = await db().playlists.create({
      owner: { type: 'guild', id: owner.id },
      name: 'Road Trip',
      createdBy: owner.id,
    });
    expect(other.ok).toBe(true);
  });

  it('GIVEN an unknown or malformed id THEN reads say not found instead of failing', async () => {
    expect(await db().playlists.find('not-a-uuid')).toBeUndefined();
    expect(await db().playlists.find('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await db().playlists.addTracks('nope', [track('x')], snowflake())).toEqual({
      ok: false,
      error: { code: 'PLAYLIST_NOT_FOUND' },
    });
  });

  it('GIVEN tracks added in two calls THEN they keep their order and the count follows', async () => {
    const playlist = await newPlaylist();
    await db().playlists.addTracks(playlist.id, [track('A'), track('B')], snowflake());
    const result = await db().playlists.addTracks(playlist.id, [track('C')], snowflake());
    expect(result).toEqual({ ok: true, value: { trackCount: 3 } });
    expect(await titles(playlist.id)).toEqual(['A', 'B', 'C']);
    const positions = (await db().playlists.tracks(playlist.id)).map((entry) => entry.position);
    expect(positions).toEqual([0, 1, 2]);
  });

  it('GIVEN concurrent appends to one playlist THEN none is lost and positions stay contiguous', async () => {
    const playlist = await newPlaylist();
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        db().playlists.addTracks(playlist.id, [track(`T${i}`)], snowflake()),
      ),
    );
    const entries = await db().playlists.tracks(playlist.id);
    expect(entries.map((entry) => entry.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(entries.map((entry) => entry.track.info.title)).size).toBe(6);
    expect((await db().playlists.find(playlist.id))?.trackCount).toBe(6);
  });

  it('GIVEN a removal THEN the following tracks move up', async () => {
    const playlist = await newPlaylist();
    await db().playlists.addTracks(
      playlist.id,
      ['A', 'B', 'C', 'D'].map((t) => track(t)),
      snowflake(),
    );
    expect(await db().playlists.removeTrack(playlist.id, 1)).toEqual({ ok: true, value: { trackCount: 3 } });
    expect(await titles(playlist.id)).toEqual(['A', 'C', 'D']);
    expect(await db().playlists.removeTrack(playlist.id, 3)).toEqual({
      ok: false,
      error: { code: 'POSITION_OUT_OF_RANGE', position: 3, trackCount: 3 },
    });
  });

  it('GIVEN moves forwards and backwards THEN the tracks in between slide by one', async () => {
    const playlist = await newPlaylist();
    await db().playlists.addTracks(
      playlist.id,
      ['A', 'B', 'C', 'D', 'E'].map((t) => track(t)),
      snowflake(),
    );
    expect((await db().playlists.moveTrack(playlist.id, 0, 3)).ok).toBe(true);
    expect(await titles(playlist.id)).toEqual(['B', 'C', 'D', 'A', 'E']);
    expect((await db().playlists.moveTrack(playlist.id, 4, 1)).ok).toBe(true);
    expect(await titles(playlist.id)).toEqual(['B', 'E', 'C', 'D', 'A']);
    expect((await db().playlists.moveTrack(playlist.id, 2, 2)).ok).toBe(true);
    expect(await titles(playlist.id)).toEqual(['B', 'E', 'C', 'D', 'A']);
  });

  it('GIVEN a playlist near the limit THEN an append that would overflow adds nothing', async () => {
    const playlist = await newPlaylist();
    const filler = Array.from({ length: PLAYLIST_TRACKS_LIMIT - 1 }, (_, i) => track(`F${i}`));
    expect((await db().playlists.addTracks(playlist.id, filler, snowflake())).ok).toBe(true);
    expect(await db().playlists.addTracks(playlist.id, [track('X'), track('Y')], snowflake())).toEqual({
      ok: false,
      error: { code: 'PLAYLIST_FULL', max: PLAYLIST_TRACKS_LIMIT },
    });
    expect((await db().playlists.find(playlist.id))?.trackCount).toBe(PLAYLIST_TRACKS_LIMIT - 1);
  });

  it('GIVEN a rename THEN the name changes, and a clash with a sibling is refused', async () => {
    const owner: PlaylistOwner = { type: 'user', id: snowflake() };
    const first = await newPlaylist(owner);
    const second = await db().playlists.create({ owner, name: 'Chill', createdBy: owner.id });
    if (!second.ok) throw new Error('setup');
    expect(await db().playlists.rename(second.value.id, 'road TRIP')).toEqual({
      ok: false,
      error: { code: 'PLAYLIST_NAME_TAKEN' },
    });
    const renamed = await db().playlists.rename(first.id, '  Night Drive ');
    expect(renamed.ok && renamed.value.name).toBe('Night Drive');
    expect(await db().playlists.rename(first.id, '')).toEqual({
      ok: false,
      error: { code: 'PLAYLIST_NAME_INVALID', reason: 'empty' },
    });
  });

  it('GIVEN a deleted playlist THEN its tracks are gone too', async () => {
    const playlist = await newPlaylist();
    await db().playlists.addTracks(playlist.id, [track('A')], snowflake());
    expect(await db().playlists.delete(playlist.id)).toBe(true);
    expect(await db().playlists.find(playlist.id)).toBeUndefined();
    expect(await db().playlists.tracks(playlist.id)).toEqual([]);
    expect(await db().playlists.delete(playlist.id)).toBe(false);
  });
});
