/**
 * The baseline of the first-audio benchmark: the smallest bot that plays a URL with @discordjs/voice. It
 * defers, joins the caller's channel, fetches the file and plays its PCM. Run by first-audio.ts as its own
 * process with DISCORD_API_BASE and NODE_EXTRA_CA_CERTS pointing at a simulator; SIGTERM stops it.
 */
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import {
  createAudioPlayer,
  createAudioResource,
  joinVoiceChannel,
  StreamType,
  type VoiceConnection,
} from '@discordjs/voice';
import { Client, Events, GatewayIntentBits } from 'discord.js';

const WAV_HEADER_BYTES = 44;

/** Drops the first `count` bytes of a stream. */
function skipBytes(count: number): Transform {
  let left = count;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (left >= chunk.length) {
        left -= chunk.length;
        done();
        return;
      }
      const rest = chunk.subarray(left);
      left = 0;
      done(null, rest);
    },
  });
}

/** A minimal bot: defer, join, fetch the URL and play its PCM with @discordjs/voice (no ffmpeg needed). */
async function main(): Promise<() => Promise<void>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
    rest: { api: process.env['DISCORD_API_BASE'] ?? '' },
  });
  const connections: VoiceConnection[] = [];
  const players: ReturnType<typeof createAudioPlayer>[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand() || interaction.guild === null) return;
    const guild = interaction.guild;
    void (async () => {
      await interaction.deferReply();
      const channelId = guild.voiceStates.cache.get(interaction.user.id)?.channelId;
      if (channelId === null || channelId === undefined) return;
      const connection = joinVoiceChannel({
        channelId,
        guildId: guild.id,
        adapterCreator: guild.voiceAdapterCreator,
        selfDeaf: true,
      });
      const player = createAudioPlayer();
      // Streams end when the benchmark stops them; nothing to report.
      player.on('error', () => undefined);
      connections.push(connection);
      players.push(player);
      const response = await fetch(interaction.options.getString('query', true));
      const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
      // The file is 48 kHz stereo 16-bit PCM: skip its header and hand the samples to the Opus encoder.
      player.play(createAudioResource(body.pipe(skipBytes(WAV_HEADER_BYTES)), { inputType: StreamType.Raw }));
      connection.subscribe(player);
      await interaction.editReply('playing');
    })();
  });
  const ready = new Promise((done) => client.once(Events.ClientReady, done));
  await client.login('first-audio-baseline');
  await ready;
  await client.application?.commands.set([
    {
      name: 'play',
      description: 'Play',
      options: [{ type: 3, name: 'query', description: 'URL', required: true }],
    },
  ]);
  return async () => {
    for (const player of players) player.stop(true);
    for (const connection of connections) connection.destroy();
    await client.destroy();
  };
}

const stop = await main();
process.once('SIGTERM', () => {
  void stop().then(() => process.exit(0));
});
