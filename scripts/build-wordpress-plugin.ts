/**
 * Builds the WordPress plugin: integrations/wordpress/ plus the built element modules
 * (`dist/cdn/<version>/`, as `vite build` writes them) in `assets/`, zipped as
 * `dist/venue-widgets-wordpress.zip` with one `venue-widgets/` folder, ready for
 * Plugins → Add New → Upload Plugin. The zip is written here with node:zlib (no zip tool needed);
 * `unzip()` reads it back for the tests, which install the plugin from this very file.
 *
 *   npx tsx scripts/build-wordpress-plugin.ts [distDir]
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
export const PLUGIN_FOLDER = 'venue-widgets';
export const ZIP_NAME = 'venue-widgets-wordpress.zip';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** The plugin's files, path inside the zip → content. */
export async function pluginFiles(distDir: string): Promise<Map<string, Buffer>> {
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const modules = join(distDir, 'cdn', version);
  if (!(await stat(modules).catch(() => null))?.isDirectory()) throw new Error(`${modules} is missing: run \`vite build\` first.`);
  const files = new Map<string, Buffer>();
  const source = join(root, 'integrations', 'wordpress');
  for (const file of await filesUnder(source)) {
    let content = await readFile(file);
    // The plugin carries the package's version (its header, the scripts' ?ver=, readme.txt).
    if (/\.(php|txt)$/.test(file)) {
      content = Buffer.from(
        content
          .toString('utf8')
          .replace(/^( \* Version:\s+).*$/m, `$1${version}`)
          .replace(/define\( 'VENUE_WIDGETS_VERSION', '[^']*' \)/, `define( 'VENUE_WIDGETS_VERSION', '${version}' )`)
          .replace(/^(Stable tag:\s+).*$/m, `$1${version}`),
      );
    }
    files.set(`${PLUGIN_FOLDER}/${relative(source, file).split(sep).join('/')}`, content);
  }
  for (const file of await filesUnder(modules)) {
    files.set(`${PLUGIN_FOLDER}/assets/${relative(modules, file).split(sep).join('/')}`, await readFile(file));
  }
  return files;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive (deflated entries, fixed 1980-01-01 time so builds are reproducible). */
export function zip(files: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(0, 10); // time
    header.writeUInt16LE(0x21, 12); // date: 1980-01-01
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    entry.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** Reads a zip written by `zip()` (or any zip of stored/deflated entries): path → content. */
export function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = archive.readUInt16LE(at + 10);
    const packedSize = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const packed = archive.subarray(dataStart, dataStart + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : Buffer.from(packed);
    if (crc32(data) !== archive.readUInt32LE(at + 16)) throw new Error(`${name}: CRC mismatch`);
    if (!name.endsWith('/')) files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** Writes the plugin zip beside the built library; its path and size. */
export async function buildWordPressPlugin(distDir = join(root, 'dist')): Promise<{ path: string; bytes: number; files: number }> {
  const files = await pluginFiles(distDir);
  const archive = zip(files);
  const path = join(distDir, ZIP_NAME);
  await writeFile(path, archive);
  return { path, bytes: archive.length, files: files.size };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { path, bytes, files } = await buildWordPressPlugin(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`${relative(process.cwd(), path)}: ${files} files, ${(bytes / 1024).toFixed(1)} KiB`);
}
