// Makes the app's PNG icons from app/icon.svg, once, with sharp:
//   npx tsx lib/app-icons/make-icons.ts
// The results are committed (public/icons/, app/apple-icon.png, app/favicon.ico),
// so neither the build nor the server runs this. Run it again after changing
// app/icon.svg.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "../..");
const svg = readFileSync(path.join(root, "app/icon.svg"), "utf8");
const BRAND = "#1d4ed8";

/** The bubble and dots without the rounded tile: for the full-bleed icons below. */
const glyph = svg.replace(/^.*?<rect[^>]*\/>/s, "").replace(/<\/svg>\s*$/, "");

/**
 * A square tile in the brand colour with the glyph scaled into its middle:
 * maskable icons must keep what matters inside the centre 80% circle (the
 * platform cuts its own shape), and iOS rounds the apple-touch icon itself.
 */
const fullBleed = (scale: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${BRAND}"/>` +
  `<g transform="translate(32 32) scale(${scale}) translate(-32 -32)">${glyph}</g></svg>`;

const png = (source: string, size: number) =>
  sharp(Buffer.from(source), { density: 72 * (size / 64) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

/** An .ico holding one PNG image (every browser reads PNG-in-ICO). */
function ico(image: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6); // width
  header.writeUInt8(size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}

const outputs: [string, Buffer][] = [
  ["public/icons/icon-192.png", await png(svg, 192)],
  ["public/icons/icon-512.png", await png(svg, 512)],
  ["public/icons/maskable-512.png", await png(fullBleed(0.72), 512)],
  ["app/apple-icon.png", await png(fullBleed(0.86), 180)],
  ["app/favicon.ico", ico(await png(svg, 32), 32)],
];
for (const [file, data] of outputs) {
  writeFileSync(path.join(root, file), data);
  console.log(`wrote ${file} (${data.length} bytes)`);
}
