/** A minimal zip writer for tests: builds archives (including hostile ones) without a zip library. */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  data: Buffer;
  /** Lie about the uncompressed size in the headers (a zip bomb's trick). */
  declaredSize?: number;
}

/** An entry deflated elsewhere (too large to hold uncompressed): its deflate stream, CRC and real size. */
export interface PackedZipInput {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
  declaredSize?: number;
}

/**
 * Deflate `total` bytes of a repeated chunk as a stream, without ever holding them: a zip bomb's member.
 * @example (await deflateRepeated(Buffer.alloc(1024), 4096)).size // 4096
 */
export async function deflateRepeated(chunk: Buffer, total: number): Promise<PackedZipInput & { name: '' }> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let written = 0; written < total; written += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, total - written));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name: '', packed: Buffer.concat(parts), crc, size: total };
}

/** Build a zip archive, every entry deflated (here, or beforehand for a `PackedZipInput`). */
export function buildZip(entries: Array<ZipInput | PackedZipInput>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = 'packed' in entry ? entry.packed : deflateRawSync(entry.data);
    const crc = 'packed' in entry ? entry.crc : crc32(entry.data);
    const size = entry.declaredSize ?? ('packed' in entry ? entry.size : entry.data.length);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
