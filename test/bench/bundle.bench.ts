/** Task pane bundle sizes from the production build in dist/ (run `npm run build` first). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export interface BundleFigures {
  initialJsGzipKB: number;
  initialFiles: string[];
  lazyChunksGzipKB: Record<string, number>;
}

export function bundleFigures(dist: string): BundleFigures {
  const html = join(dist, "taskpane.html");
  if (!existsSync(html)) throw new Error(`${html} không có: chạy "npm run build" trước.`);
  // The first load is what taskpane.html references; office.js comes from Microsoft's CDN and is not ours.
  const initialFiles = [...readFileSync(html, "utf8").matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  const initial = initialFiles.reduce((n, f) => n + gz(join(dist, f)), 0);
  const lazy: Record<string, number> = {};
  for (const f of readdirSync(dist).filter((f) => f.startsWith("chunk.") && f.endsWith(".js"))) lazy[f] = Math.round(gz(join(dist, f)) / 102.4) / 10;
  return { initialJsGzipKB: Math.round(initial / 102.4) / 10, initialFiles, lazyChunksGzipKB: lazy };
}
