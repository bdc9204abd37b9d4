// node render.cjs LABELS.zpl OUT_PREFIX WIDTH_MM HEIGHT_MM DOTS_PER_MM
// Renders every ^XA...^XZ job of the file with zpl-renderer-js (offline) to OUT_PREFIX-<n>.png, n from 1.
const fs = require("node:fs");
const { ready } = require("zpl-renderer-js");

(async () => {
  const [zplFile, prefix, widthMm, heightMm, dpmm] = process.argv.slice(2);
  if (!dpmm) {
    console.error("usage: node render.cjs LABELS.zpl OUT_PREFIX WIDTH_MM HEIGHT_MM DOTS_PER_MM");
    process.exit(2);
  }
  const { api } = await ready;
  const zpl = fs.readFileSync(zplFile, "utf8");
  const labels = await api.zplToBase64MultipleAsync(zpl, Number(widthMm), Number(heightMm), Number(dpmm));
  labels.forEach((png, i) => fs.writeFileSync(`${prefix}-${i + 1}.png`, Buffer.from(png, "base64")));
  console.log(labels.length);
  process.exit(0);
})().catch((e) => {
  console.error(String(e));
  process.exit(1);
});
