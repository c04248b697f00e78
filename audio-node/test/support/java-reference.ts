/**
 * Reference encodings from Java 17's `DataOutputStream` (what lavaplayer uses): compiles a tiny Java
 * program once into a cache directory, feeds it track specs, and caches its output by input hash, so
 * repeated runs need no JVM. `null` when `javac`/`java` are absent (callers skip).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface JavaTrackSpec {
  readonly version: 1 | 2 | 3;
  readonly title: string;
  readonly author: string;
  readonly length: bigint;
  readonly identifier: string;
  readonly isStream: boolean;
  readonly uri: string | null;
  readonly artworkUrl: string | null;
  readonly isrc: string | null;
  readonly sourceName: string;
  /** Written with `writeUTF` after the source name (http/local probe info), when not null. */
  readonly probe: string | null;
  readonly position: bigint;
}

const JAVA_SOURCE = `
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class TrackRef {
  static String text(String hex) {
    if (hex.equals("-")) return null;
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    return new String(bytes, StandardCharsets.UTF_8);
  }
  static void nullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) out.writeUTF(value);
  }
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    String line;
    while ((line = in.readLine()) != null) {
      String[] f = line.split(" ");
      int version = Integer.parseInt(f[0]);
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(body);
      if (version > 1) out.write(version);
      out.writeUTF(text(f[1]));
      out.writeUTF(text(f[2]));
      out.writeLong(Long.parseLong(f[3]));
      out.writeUTF(text(f[4]));
      out.writeBoolean(f[5].equals("1"));
      if (version >= 2) nullable(out, text(f[6]));
      if (version >= 3) { nullable(out, text(f[7])); nullable(out, text(f[8])); }
      out.writeUTF(text(f[9]));
      String probe = text(f[10]);
      if (probe != null) out.writeUTF(probe);
      out.writeLong(Long.parseLong(f[11]));
      out.flush();
      byte[] payload = body.toByteArray();
      ByteArrayOutputStream whole = new ByteArrayOutputStream();
      DataOutputStream header = new DataOutputStream(whole);
      header.writeInt(payload.length | ((version > 1 ? 1 : 0) << 30));
      header.write(payload);
      header.flush();
      System.out.println(Base64.getEncoder().encodeToString(whole.toByteArray()));
    }
  }
}
`;

const hex = (text: string | null): string =>
  text === null ? '-' : Buffer.from(text, 'utf8').toString('hex');

function line(spec: JavaTrackSpec): string {
  // An empty string hex-encodes to '' (two spaces in a row): Java's split keeps interior empty fields.
  const field = hex;
  return [
    spec.version,
    field(spec.title),
    field(spec.author),
    spec.length.toString(),
    field(spec.identifier),
    spec.isStream ? '1' : '0',
    field(spec.uri),
    field(spec.artworkUrl),
    field(spec.isrc),
    field(spec.sourceName),
    field(spec.probe),
    spec.position.toString(),
  ].join(' ');
}

/** Whether a JDK (`javac`) is on PATH. */
export function javaAvailable(): boolean {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Base64 encodings Java writes for `specs` (same order), or `null` when no JDK is installed. */
export function javaEncodings(specs: readonly JavaTrackSpec[]): string[] | null {
  const input = specs.map(line).join('\n') + '\n';
  const root = join(tmpdir(), 'audio-node-java-reference');
  const sourceKey = createHash('sha256').update(JAVA_SOURCE).digest('hex').slice(0, 16);
  const key = createHash('sha256').update(JAVA_SOURCE).update(input).digest('hex').slice(0, 16);
  const cached = join(root, `${key}.txt`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8').trim().split('\n');
  if (!javaAvailable()) return null;
  mkdirSync(root, { recursive: true });
  // Parallel test files may compile at once: each compiles in its own directory, the first rename wins.
  const classes = join(root, `classes-${sourceKey}`);
  if (!existsSync(classes)) {
    const scratch = mkdtempSync(join(root, 'compile-'));
    writeFileSync(join(scratch, 'TrackRef.java'), JAVA_SOURCE);
    execFileSync('javac', ['-d', scratch, join(scratch, 'TrackRef.java')], { stdio: 'pipe' });
    try {
      renameSync(scratch, classes);
    } catch {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const output = execFileSync('java', ['-cp', classes, 'TrackRef'], { input, encoding: 'utf8' });
  const partial = `${cached}.${process.pid}`;
  writeFileSync(partial, output);
  renameSync(partial, cached);
  return output.trim().split('\n');
}
