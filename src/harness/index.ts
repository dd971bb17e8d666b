/* global HTMLTableElement, HTMLTableRowElement, URLSearchParams, alert, document, location, window */
/**
 * The in-browser Excel simulation: defines the Office and Excel globals the task pane uses on top of
 * the fake workbook, and draws the workbook beside the pane so a person (or a Playwright test) can
 * type into cells. Loaded before the task pane bundle on harness.html; never part of taskpane.html.
 */
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { compareVersions } from "../core/catalog";

declare global {
  interface Window {
    fakeExcel: FakeExcel;
    /** ?host=Word: the base64 documents the pane asked Word to create and open. */
    openedWordDocuments: string[];
  }
}

const fake = createFakeExcel({ sheets: ["Sheet1"] });
window.fakeExcel = fake;
let shown: string | undefined;

const run: FakeExcel["run"] = async (fn) => {
  try {
    return await fake.run(fn);
  } finally {
    render();
  }
};

const query = new URLSearchParams(location.search);
// ?host=Word runs the pane as the Word twin (the Mac route); Word.run records the documents it opens.
const host = query.get("host") === "Word" ? "Word" : "Excel";
window.openedWordDocuments = [];
(window as unknown as { Excel: unknown }).Excel = { run };
(window as unknown as { Word: unknown }).Word = {
  run: async (fn: (context: unknown) => Promise<unknown>) =>
    fn({
      application: { createDocument: (base64: string) => ({ open: () => window.openedWordDocuments.push(base64) }) },
      sync: async () => undefined,
    }),
};
(window as unknown as { Office: unknown }).Office = {
  HostType: { Excel: "Excel", Word: "Word" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  context: {
    host,
    platform: query.get("platform") ?? "OfficeOnline",
    // ?excelApi=1.8 (or ?wordApi=1.2) simulates an older Office, to see the pane say so.
    requirements: {
      isSetSupported: (name: string, version = "1.1") =>
        (name === "ExcelApi" && compareVersions(version, query.get("excelApi") ?? "1.12") <= 0) ||
        (name === "WordApi" && compareVersions(version, query.get("wordApi") ?? "1.4") <= 0),
    },
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host, platform: query.get("platform") ?? "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
};

function render(): void {
  const tabs = document.getElementById("tabs")!;
  const grid = document.getElementById("grid") as HTMLTableElement;
  const visible = fake.sheetNames().filter((n) => fake.sheet(n).visibility === "Visible");
  const active = fake.activeSheet();
  if (active && active !== shown && visible.includes(active)) shown = active;
  if (!shown || !visible.includes(shown)) shown = visible[0];
  tabs.replaceChildren(
    ...visible.map((name) => {
      const b = document.createElement("button");
      b.textContent = name;
      b.setAttribute("role", "tab");
      b.setAttribute("aria-selected", String(name === shown));
      // Clicking a tab activates the sheet, as in Excel (otherwise the next render jumps back to the active sheet).
      b.onclick = async () => {
        shown = name;
        await fake.run(async (context) => {
          context.workbook.worksheets.getItem(name).activate();
        });
        render();
      };
      return b;
    }),
  );
  const model = fake.model.sheets.find((s) => s.name === shown);
  if (!model) return;
  let maxRow = 0;
  let maxCol = 0;
  for (const k of model.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
  }
  const rows: HTMLTableRowElement[] = [];
  const head = document.createElement("tr");
  head.append(document.createElement("th"));
  for (let c = 1; c <= maxCol; c++) {
    const th = document.createElement("th");
    th.textContent = String.fromCharCode(64 + c);
    head.append(th);
  }
  rows.push(head);
  for (let r = 1; r <= maxRow; r++) {
    const tr = document.createElement("tr");
    const th = document.createElement("th");
    th.textContent = String(r);
    tr.append(th);
    for (let c = 1; c <= maxCol; c++) {
      const address = `${String.fromCharCode(64 + c)}${r}`;
      const cell = fake.cell(shown, address);
      // The add-in's highlight (a custom conditional format) shows as Excel would show it.
      const tint = model.conditionalFormats.find((cf) => r >= cf.rect.r1 && r <= cf.rect.r2 && c >= cf.rect.c1 && c <= cf.rect.c2);
      const td = document.createElement("td");
      td.dataset.address = address;
      const sel = fake.selection();
      if (sel && sel.sheet === shown && sel.address === address) td.classList.add("selected");
      td.style.fontWeight = cell.format.bold ? "bold" : "";
      td.style.textAlign =
        cell.format.horizontalAlignment === "Center" ? "center" : cell.format.horizontalAlignment === "Right" ? "right" : "";
      td.style.paddingLeft = `${4 + cell.format.indent * 12}px`;
      const text = cell.value === null || cell.value === undefined ? "" : String(cell.value);
      if (!cell.format.locked && !cell.formula) {
        td.classList.add("input");
        const input = document.createElement("input");
        input.value = text;
        input.setAttribute("aria-label", `${shown}!${address}`);
        input.onchange = async () => {
          const raw = input.value.trim();
          const value = raw !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
          try {
            await fake.typeInto(shown!, address, value);
          } catch (e) {
            alert((e as Error).message);
          }
          render();
        };
        td.append(input);
      } else td.textContent = text;
      if (tint?.fill) {
        td.style.background = tint.fill;
        td.style.color = tint.fontColor ?? "";
      }
      tr.append(td);
    }
    rows.push(tr);
  }
  grid.replaceChildren(...rows);
}

window.addEventListener("DOMContentLoaded", () => {
  // As the Word twin there is no workbook to show.
  if (host === "Word") document.getElementById("workbook")!.style.display = "none";
  render();
});
