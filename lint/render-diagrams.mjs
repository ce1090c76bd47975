// Renders every BPMN diagram in processes/ to docs/images/<file>.svg and .png with bpmn-js, in the
// system's headless Chromium (puppeteer-core downloads no browser of its own).
//   cd lint && npm ci && npm run render      (CHROMIUM_BIN overrides /usr/bin/chromium)
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const processes = join(here, '..', 'processes');
const images = join(here, '..', 'docs', 'images');
const bpmnJs = join(here, 'node_modules', 'bpmn-js', 'dist');

mkdirSync(images, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run']
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 2400, height: 1400, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
    <style>${readFileSync(join(bpmnJs, 'assets', 'diagram-js.css'), 'utf8')}
      ${readFileSync(join(bpmnJs, 'assets', 'bpmn-js.css'), 'utf8')}
      html, body, #canvas { margin: 0; width: 100%; height: 100%; background: #fff; }
      .djs-container svg text { font-family: "Noto Sans CJK SC", "Noto Sans SC", sans-serif !important; }
    </style></head><body><div id="canvas"></div></body></html>`);
  await page.addScriptTag({ content: readFileSync(join(bpmnJs, 'bpmn-viewer.production.min.js'), 'utf8') });
  await page.evaluate(() => { window.viewer = new window.BpmnJS({ container: '#canvas' }); });

  for (const file of readdirSync(processes).filter((f) => f.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(processes, file), 'utf8');
    const { svg, warnings } = await page.evaluate(async (xml) => {
      const result = await window.viewer.importXML(xml);
      const { svg } = await window.viewer.saveSVG();
      return { svg, warnings: result.warnings.map((w) => w.message) };
    }, xml);
    if (warnings.length) {
      throw new Error(`${file}: ${warnings.join('; ')}`);
    }
    const name = basename(file, '.bpmn');
    writeFileSync(join(images, `${name}.svg`), svg);
    const png = await page.evaluate(async (svg) => {
      const img = new Image();
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth * 1.5;
      canvas.height = img.naturalHeight * 1.5;
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(img, 0, 0, canvas.width, canvas.height);
      return canvas.toDataURL('image/png').split(',')[1];
    }, svg);
    writeFileSync(join(images, `${name}.png`), Buffer.from(png, 'base64'));
    console.log(`docs/images/${name}.svg, docs/images/${name}.png`);
  }
} finally {
  await browser.close();
}
