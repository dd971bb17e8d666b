// Renders assets/icon.svg to the PNG sizes the manifest names (run once after editing the SVG).
const { chromium } = require("playwright-core");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

(async () => {
  const svg = readFileSync(join(__dirname, "icon.svg"), "utf8");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage();
  for (const size of [16, 32, 64, 80, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
    await page.screenshot({ path: join(__dirname, `icon-${size}.png`), omitBackground: true });
  }
  await browser.close();
})();
