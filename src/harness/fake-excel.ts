/* global Excel */
/**
 * An honest in-memory fake of the Office.js (Excel) subset the add-in uses, for tests in Node and
 * for the browser harness page (no Node APIs, no dependency).
 *
 * Batching is modelled like the real thing: every write, load and object lookup is queued;
 * context.sync() applies the queue in order (the first failure aborts the rest and rejects),
 * counts the sync and fills loaded properties. Reading a property that was neither loaded-and-synced
 * nor set locally throws PropertyNotLoaded; `…OrNullObject` results answer isNullObject after sync and
 * everything under a null object is null (operations on it are ignored). Formula cells are evaluated
 * by a small evaluator (bottom of the file) after every sync and every simulated user action.
 *
 * Known simplifications (none of them matter to what src/excel writes): A1 references inside cell
 * formulas are not rewritten when rows are deleted or sheets renamed (workbook names are, which is
 * what the add-in's formulas use); Range objects do not track row deletions; clear() does not unmerge.
 */

// ───────────────────────────── A1 addresses ─────────────────────────────

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function columnNumber(letters: string): number {
  return letters
    .toUpperCase()
    .split("")
    .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "D7", "$A$1:E9", "7:7", "A:A" → rectangle (1-based, inclusive). */
export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, "").trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]);
    const c1 = columnNumber(m[1]);
    const r2 = m[4] ? Number(m[4]) : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return { r1: Number(m[1]), c1: 1, r2: Number(m[2]), c2: MAX_COLS };
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) return { r1: 1, c1: columnNumber(m[1]), r2: MAX_ROWS, c2: columnNumber(m[2]) };
  throw fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: address "${address}".`);
}

export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (r.c1 === 1 && r.c2 === MAX_COLS) return `${d}${r.r1}:${d}${r.r2}`;
  if (r.r1 === 1 && r.r2 === MAX_ROWS) return `${d}${columnLetters(r.c1)}:${d}${columnLetters(r.c2)}`;
  const first = `${d}${columnLetters(r.c1)}${d}${r.r1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? first : `${first}:${d}${columnLetters(r.c2)}${d}${r.r2}`;
}

/** Sheet names are quoted in references unless they are plain words (as Excel does). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** Where a rectangle goes when rows from..from+count-1 are deleted; null when all its rows go. */
function shiftForDeletedRows(r: Rect, from: number, count: number): Rect | null {
  const end = from + count - 1;
  if (r.r2 < from) return r;
  if (r.r1 > end) return { ...r, r1: r.r1 - count, r2: r.r2 - count };
  if (r.r1 >= from && r.r2 <= end) return null;
  return { ...r, r1: r.r1 < from ? r.r1 : from, r2: r.r2 > end ? r.r2 - count : from - 1 };
}

// ───────────────────────────── Errors ─────────────────────────────

export class FakeExcelError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

function fail(code: string, message: string): FakeExcelError {
  return new FakeExcelError(code, message);
}

function notLoaded(property: string): Error {
  return new Error(
    `PropertyNotLoaded: The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ───────────────────────────── The workbook model ─────────────────────────────

export type CellScalar = number | string | boolean | null;

export interface CellFormat {
  fontName: string;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fill: string | null;
  wrapText: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  indent: number;
  borders: Record<string, string>;
  locked: boolean;
}

function defaultFormat(): CellFormat {
  return {
    fontName: "Calibri",
    fontSize: 11,
    bold: false,
    italic: false,
    fontColor: "#000000",
    fill: null,
    wrapText: false,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    indent: 0,
    borders: {},
    locked: true,
  };
}

export interface FakeCell {
  /** What was entered: a constant (number, text, boolean) or null for blank. */
  input: CellScalar;
  /** "=…" when the cell holds a formula. */
  formula?: string;
  /** Last computed result of the formula ("#DIV/0!" etc. for errors, "" for an empty text). */
  result?: CellScalar;
  numberFormat: string;
  format: CellFormat;
}

export interface FakeValidation {
  rect: Rect;
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  merges: Rect[];
  /** Custom conditional formats (the add-in's highlight of failing cells). */
  conditionalFormats: { rect: Rect; formula?: string; fill?: string; fontColor?: string }[];
  validations: FakeValidation[];
  visibility: "Visible" | "Hidden" | "VeryHidden";
  frozenRows: number;
  protection: { protected: boolean; options?: Excel.WorksheetProtectionOptions };
  pageLayout: Record<string, unknown>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
}

export interface FakeName {
  name: string;
  /** null once the row or sheet it pointed to was deleted (#REF!). */
  sheet: FakeSheet | null;
  rect: Rect | null;
}

const key = (row: number, col: number) => `${row},${col}`;

class WorkbookModel {
  sheets: FakeSheet[] = [];
  names = new Map<string, FakeName>();
  activeSheet?: FakeSheet;
  selection?: { sheet: FakeSheet; rect: Rect };
  changedHandlers: ((args: Excel.WorksheetChangedEventArgs) => Promise<unknown>)[] = [];
  private nextId = 1;
  /** Worksheet.delete() and the user's "Delete sheet": names into it become #REF!. */
  removeSheet(s: FakeSheet): void {
    if (!this.sheets.some((o) => o !== s && o.visibility === "Visible"))
      throw fail("InvalidOperation", "A workbook must keep at least one visible sheet.");
    this.sheets.splice(this.sheets.indexOf(s), 1);
    for (const n of this.names.values())
      if (n.sheet === s) {
        n.sheet = null;
        n.rect = null;
      }
    if (this.activeSheet === s) this.activeSheet = this.sheets.find((o) => o.visibility === "Visible");
  }

  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw fail("InvalidArgument", `Invalid sheet name "${name}".`);
    if (this.findSheet(name)) throw fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: new Map(),
      merges: [],
      conditionalFormats: [],
      validations: [],
      visibility: "Visible",
      frozenRows: 0,
      protection: { protected: false },
      pageLayout: {},
      columnWidths: new Map(),
      rowHeights: new Map(),
    };
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw fail("ItemNotFound", `The requested resource doesn't exist: sheet "${name}".`);
    return s;
  }

  cell(sheet: FakeSheet, row: number, col: number, create: true): FakeCell;
  cell(sheet: FakeSheet, row: number, col: number, create?: false): FakeCell | undefined;
  cell(sheet: FakeSheet, row: number, col: number, create = false): FakeCell | undefined {
    let c = sheet.cells.get(key(row, col));
    if (!c && create) {
      c = { input: null, numberFormat: "General", format: defaultFormat() };
      sheet.cells.set(key(row, col), c);
    }
    return c;
  }

  /** Calls fn for every cell position of a rectangle, creating cells (bounded: the add-in never formats whole sheets cell by cell). */
  eachCell(sheet: FakeSheet, rect: Rect, fn: (cell: FakeCell, row: number, col: number) => void): void {
    if ((rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1) > 200000)
      throw new Error(`fake-excel: cell-by-cell operation on ${rectAddress(rect)} is too large`);
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) fn(this.cell(sheet, r, c, true), r, c);
  }

  /** Existing cells inside a rectangle (for clears over whole sheets). */
  existingCells(sheet: FakeSheet, rect: Rect): [string, FakeCell, number, number][] {
    const out: [string, FakeCell, number, number][] = [];
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(",").map(Number);
      if (r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2) out.push([k, cell, r, c]);
    }
    return out;
  }

  /** What Office.js returns in `values`: blank is "", errors are "#…" strings. */
  valueOf(cell: FakeCell | undefined): CellScalar {
    if (!cell) return "";
    const v = cell.formula !== undefined ? (cell.result ?? 0) : cell.input;
    return v === null ? "" : v;
  }

  nameFormula(n: FakeName): string {
    return n.sheet && n.rect ? `=${quoteSheet(n.sheet.name)}!${rectAddress(n.rect, true)}` : "=#REF!";
  }

  recalc(): void {
    const memo = new Map<FakeCell, CellScalar | FormulaError>();
    const inProgress = new Set<FakeCell>();
    const evalCell = (cell: FakeCell | undefined, sheet: FakeSheet): CellScalar | FormulaError => {
      if (!cell) return null;
      if (cell.formula === undefined) return cell.input;
      const done = memo.get(cell);
      if (done !== undefined) return done;
      if (inProgress.has(cell)) return { error: "#CIRC!" };
      inProgress.add(cell);
      const result = evaluateFormula(cell.formula, {
        resolveName: (name) => {
          const n = this.names.get(name.toLowerCase());
          if (!n) return { error: "#NAME?" };
          if (!n.sheet || !n.rect) return { error: "#REF!" };
          return { sheet: n.sheet, rect: n.rect };
        },
        resolveSheet: (name) => (name === undefined ? sheet : this.findSheet(name)),
        cellValue: (s, r, c) => evalCell(this.cell(s as FakeSheet, r, c), s as FakeSheet),
      });
      inProgress.delete(cell);
      memo.set(cell, result);
      return result;
    };
    for (const sheet of this.sheets)
      for (const cell of sheet.cells.values())
        if (cell.formula !== undefined) {
          const v = evalCell(cell, sheet);
          cell.result = isError(v) ? v.error : v;
        }
  }

  checkEditable(sheet: FakeSheet, rects: Rect[], what: "values" | "cellFormat" | "columnWidth" | "rowHeight" | "structure"): void {
    if (!sheet.protection.protected) return;
    const o = sheet.protection.options ?? {};
    const allowed =
      what === "values"
        ? rects.every((rect) => this.existingOrDefaultUnlocked(sheet, rect))
        : what === "cellFormat"
          ? !!o.allowFormatCells
          : what === "columnWidth"
            ? !!o.allowFormatColumns
            : what === "rowHeight"
              ? !!o.allowFormatRows
              : false;
    if (!allowed) throw fail("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`);
  }

  private existingOrDefaultUnlocked(sheet: FakeSheet, rect: Rect): boolean {
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) if (this.cell(sheet, r, c)?.format.locked ?? true) return false;
    return true;
  }
}

/** How Excel takes an entered value: "=…" is a formula, numbers and TRUE/FALSE are parsed unless the cell is Text ("@"). */
function enter(cell: FakeCell, raw: unknown): void {
  if (raw === null || raw === undefined) return; // Office.js: null leaves the cell unchanged
  delete cell.formula;
  delete cell.result;
  if (typeof raw === "number" || typeof raw === "boolean") {
    cell.input = raw;
    return;
  }
  const s = String(raw);
  if (s === "") cell.input = null;
  else if (cell.numberFormat === "@") cell.input = s;
  else if (s.startsWith("=") && s.length > 1) {
    cell.formula = s;
    cell.input = null;
  } else if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)) cell.input = Number(s);
  else if (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*%\s*$/.test(s)) cell.input = Number(s.replace("%", "")) / 100;
  else if (/^(true|false)$/i.test(s)) cell.input = s.toLowerCase() === "true";
  else cell.input = s;
}

// ───────────────────────────── The request queue and proxies ─────────────────────────────

type Action = () => void;

class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  queue: Action[] = [];
  completedSyncs = 0;
  constructor(
    readonly model: WorkbookModel,
    private readonly onSync: () => void,
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }
  enqueue(action: Action): void {
    this.queue.push(action);
  }
  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    this.onSync();
    await Promise.resolve();
    try {
      for (const action of actions) action();
    } finally {
      this.model.recalc();
      this.completedSyncs++;
    }
  }
}

/** Base of every proxy: a target resolved when the queue runs, loaded values, locally set values. */
abstract class ClientObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  protected readonly local = new Map<string, unknown>();
  private readonly createdAt: number;
  constructor(readonly ctx: FakeContext) {
    this.createdAt = ctx.completedSyncs;
  }
  /** The target at apply time; null for a null object. */
  abstract resolve(): T | null;
  /** Scalar property of the target, at apply time. */
  protected abstract read(target: T, property: string): unknown;
  /** Navigation property (for "format/fill/color" and "items/name" load paths). */
  protected nav(property: string): ClientObject<unknown> | undefined {
    void property;
    return undefined;
  }

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.ctx.completedSyncs <= this.createdAt) throw notLoaded("isNullObject");
    return this.resolve() === null;
  }

  load(props?: string | string[] | { select?: string }): this {
    const list = (
      props === undefined
        ? []
        : typeof props === "string"
          ? props.split(",")
          : Array.isArray(props)
            ? props
            : String(props.select ?? "").split(",")
    )
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue(() => this.loadNow(list));
    return this;
  }

  /** Runs at apply time. */
  loadNow(paths: string[]): void {
    const target = this.resolve();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length) {
        const child = this.nav(head);
        if (!child) throw fail("InvalidArgument", `Cannot load "${path}".`);
        child.loadNow([rest.join("/")]);
      } else this.loaded.set(head, target === null ? null : this.read(target, head));
    }
  }

  protected get(property: string): unknown {
    if (this.loaded.has(property)) return this.loaded.get(property);
    if (this.local.has(property)) return this.local.get(property);
    throw notLoaded(property);
  }

  /** Queues a write; the value is readable locally at once (as Office.js proxies do). */
  protected set(property: string, value: unknown, apply: (target: T) => void): void {
    this.local.set(property, value);
    this.loaded.delete(property);
    this.call(apply);
  }

  /** Queues an operation on the target; ignored on a null object. */
  protected call(apply: (target: T) => void): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t !== null) apply(t);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A proxy whose target is looked up when its place in the queue is reached (getItem, add, …). */
abstract class BoundObject<T> extends ClientObject<T> {
  private target: T | null | undefined;
  constructor(ctx: FakeContext, lookup: (() => T | null) | { target: T | null }) {
    super(ctx);
    if ("target" in lookup) this.target = lookup.target;
    else ctx.enqueue(() => (this.target = lookup()));
  }
  resolve(): T | null {
    if (this.target === undefined) throw new Error("fake-excel: object used before its lookup ran");
    return this.target;
  }
}

class ApplicationProxy extends ClientObject<WorkbookModel> {
  screenUpdatingSuspended = false;
  resolve(): WorkbookModel {
    return this.ctx.model;
  }
  protected read(): unknown {
    return undefined;
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.call(() => (this.screenUpdatingSuspended = true));
  }
}

class WorkbookProxy extends ClientObject<WorkbookModel> {
  readonly worksheets = new WorksheetCollectionProxy(this.ctx);
  readonly names = new NamedItemCollectionProxy(this.ctx);
  resolve(): WorkbookModel {
    return this.ctx.model;
  }
  protected read(): unknown {
    return undefined;
  }
  protected override nav(property: string) {
    return property === "worksheets" ? this.worksheets : property === "names" ? this.names : undefined;
  }
}

abstract class CollectionProxy<T, P extends ClientObject<unknown>> extends ClientObject<T[]> {
  protected abstract all(): T[];
  protected abstract wrap(item: T): P;
  resolve(): T[] {
    return this.all();
  }
  protected read(): unknown {
    return undefined;
  }
  override loadNow(paths: string[]): void {
    const items = this.all().map((t) => this.wrap(t));
    const sub = paths.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    for (const item of items) item.loadNow(sub.length ? sub : []);
    this.loaded.set("items", items);
  }
  get items(): P[] {
    return this.get("items") as P[];
  }
}

class WorksheetCollectionProxy extends CollectionProxy<FakeSheet, WorksheetProxy> {
  readonly onChanged = {
    add: (handler: (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>) => {
      this.ctx.enqueue(() => this.ctx.model.changedHandlers.push(handler));
      return {
        context: this.ctx,
        remove: () =>
          this.ctx.enqueue(() => (this.ctx.model.changedHandlers = this.ctx.model.changedHandlers.filter((h) => h !== handler))),
      };
    },
  };
  protected all(): FakeSheet[] {
    return this.ctx.model.sheets;
  }
  protected wrap(sheet: FakeSheet): WorksheetProxy {
    return new WorksheetProxy(this.ctx, { target: sheet });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.findSheet(name) ?? null);
  }
  add(name?: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.addSheet(name ?? `Sheet${this.ctx.model.sheets.length + 1}`));
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.activeSheet ?? null);
  }
}

class WorksheetProxy extends BoundObject<FakeSheet> {
  private _protection?: WorksheetProtectionProxy;
  private _pageLayout?: PageLayoutProxy;
  protected read(s: FakeSheet, p: string): unknown {
    const m = this.ctx.model;
    switch (p) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return m.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      default:
        throw fail("InvalidArgument", `Worksheet.${p} is not modelled`);
    }
  }
  protected override nav(p: string) {
    return p === "protection" ? this.protection : p === "pageLayout" ? this.pageLayout : undefined;
  }
  get name(): string {
    return this.get("name") as string;
  }
  set name(v: string) {
    this.set("name", v, (s) => {
      const other = this.ctx.model.findSheet(v);
      if (other && other !== s) throw fail("ItemAlreadyExists", `A sheet named "${v}" already exists.`);
      s.name = v;
    });
  }
  get id(): string {
    return this.get("id") as string;
  }
  get position(): number {
    return this.get("position") as number;
  }
  set position(v: number) {
    this.set("position", v, (s) => {
      const list = this.ctx.model.sheets;
      if (v < 0 || v >= list.length) throw fail("InvalidArgument", `Position ${v} is out of range.`);
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    });
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this.get("visibility") as "Visible";
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.set("visibility", v, (s) => {
      const m = this.ctx.model;
      if (v !== "Visible" && !m.sheets.some((o) => o !== s && o.visibility === "Visible"))
        throw fail("InvalidOperation", "A workbook must keep at least one visible sheet.");
      s.visibility = v as FakeSheet["visibility"];
      if (v !== "Visible" && m.activeSheet === s) m.activeSheet = m.sheets.find((o) => o.visibility === "Visible");
    });
  }
  get protection(): WorksheetProtectionProxy {
    return (this._protection ??= new WorksheetProtectionProxy(this));
  }
  get pageLayout(): PageLayoutProxy {
    return (this._pageLayout ??= new PageLayoutProxy(this));
  }
  get freezePanes() {
    return {
      freezeRows: (count = 1) => this.call((s) => (s.frozenRows = count)),
      unfreeze: () => this.call((s) => (s.frozenRows = 0)),
    };
  }
  activate(): void {
    this.call((s) => {
      if (s.visibility !== "Visible") throw fail("InvalidOperation", `Cannot activate hidden sheet "${s.name}".`);
      this.ctx.model.activeSheet = s;
    });
  }
  delete(): void {
    this.call((s) => this.ctx.model.removeSheet(s));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      return s && { sheet: s, rect: address ? parseRect(address) : { r1: 1, c1: 1, r2: MAX_ROWS, c2: MAX_COLS } };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.resolve();
      return s && { sheet: s, rect: { r1: row + 1, c1: col + 1, r2: row + rows, c2: col + cols } };
    });
  }
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this.ctx, () => {
      const s = this.resolve();
      return s && { sheet: s, rects: address.split(",").map(parseRect) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    const lookup = (): RangeTarget | null => {
      const s = this.resolve();
      if (!s) return null;
      let rect: Rect | undefined;
      for (const [k, cell] of s.cells) {
        const used =
          cell.formula !== undefined ||
          cell.input !== null ||
          (!valuesOnly && JSON.stringify(cell.format) !== JSON.stringify(defaultFormat()));
        if (!used) continue;
        const [r, c] = k.split(",").map(Number);
        rect = rect
          ? { r1: Math.min(rect.r1, r), c1: Math.min(rect.c1, c), r2: Math.max(rect.r2, r), c2: Math.max(rect.c2, c) }
          : { r1: r, c1: c, r2: r, c2: c };
      }
      return rect ? { sheet: s, rect } : null;
    };
    return new RangeProxy(this.ctx, lookup, true);
  }
}

class WorksheetProtectionProxy extends ClientObject<FakeSheet> {
  constructor(private readonly ws: WorksheetProxy) {
    super(ws.ctx);
  }
  resolve(): FakeSheet | null {
    return this.ws.resolve();
  }
  protected read(s: FakeSheet, p: string): unknown {
    if (p === "protected") return s.protection.protected;
    if (p === "options") return s.protection.options ?? {};
    throw fail("InvalidArgument", `WorksheetProtection.${p} is not modelled`);
  }
  get protected(): boolean {
    return this.get("protected") as boolean;
  }
  protect(options?: Excel.WorksheetProtectionOptions): void {
    this.call((s) => (s.protection = { protected: true, options: { ...options } }));
  }
  unprotect(): void {
    this.call((s) => (s.protection = { protected: false }));
  }
}

class PageLayoutProxy extends ClientObject<FakeSheet> {
  constructor(private readonly ws: WorksheetProxy) {
    super(ws.ctx);
    const props = [
      "orientation",
      "paperSize",
      "centerHorizontally",
      "centerVertically",
      "leftMargin",
      "rightMargin",
      "topMargin",
      "bottomMargin",
      "zoom",
      "printGridlines",
    ];
    for (const p of props)
      Object.defineProperty(this, p, {
        get: () => this.get(p),
        set: (v: unknown) => {
          this.set(p, v, (s) => (s.pageLayout[p] = v));
        },
        enumerable: true,
      });
  }
  resolve(): FakeSheet | null {
    return this.ws.resolve();
  }
  protected read(s: FakeSheet, p: string): unknown {
    return s.pageLayout[p] ?? null;
  }
  setPrintTitleRows(rows: string): void {
    this.call((s) => {
      const r = parseRect(rows);
      if (r.c1 !== 1 || r.c2 !== MAX_COLS) throw fail("InvalidArgument", `Print title rows must be whole rows: "${rows}".`);
      s.pageLayout.printTitleRows = rectAddress(r, true);
    });
  }
  private _headersFooters?: { defaultForAllPages: Excel.HeaderFooter };
  get headersFooters() {
    if (this._headersFooters) return this._headersFooters;
    const footer = (field: string) => ({
      get: () => this.get(field),
      set: (v: unknown) => this.set(field, v, (s) => (s.pageLayout[field] = v)),
    });
    const page = {};
    for (const f of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"])
      Object.defineProperty(page, f, footer(f));
    return (this._headersFooters = { defaultForAllPages: page as Excel.HeaderFooter });
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}
interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

function matrixFor(rect: Rect, value: unknown, property: string): unknown[][] {
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (!Array.isArray(value)) return Array.from({ length: rows }, () => Array(cols).fill(value));
  if (value.length !== rows || value.some((r) => !Array.isArray(r) || r.length !== cols))
    throw fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property} on ${rectAddress(rect)}).`,
    );
  return value as unknown[][];
}

class RangeProxy extends BoundObject<RangeTarget> {
  private _format?: RangeFormatProxy;
  private _dv?: DataValidationProxy;
  constructor(
    ctx: FakeContext,
    lookup: () => RangeTarget | null,
    readonly orNull = false,
  ) {
    super(ctx, lookup);
  }
  protected read(t: RangeTarget, p: string): unknown {
    const m = this.ctx.model;
    const grid = <V>(fn: (cell: FakeCell | undefined) => V): V[][] => {
      const rows: V[][] = [];
      if ((t.rect.r2 - t.rect.r1 + 1) * (t.rect.c2 - t.rect.c1 + 1) > 200000)
        throw new Error(`fake-excel: loading ${p} of ${rectAddress(t.rect)} is too large`);
      for (let r = t.rect.r1; r <= t.rect.r2; r++) {
        const row: V[] = [];
        for (let c = t.rect.c1; c <= t.rect.c2; c++) row.push(fn(m.cell(t.sheet, r, c)));
        rows.push(row);
      }
      return rows;
    };
    switch (p) {
      case "values":
        return grid((c) => m.valueOf(c));
      case "formulas":
        return grid((c) => c?.formula ?? (c ? m.valueOf(c) : ""));
      case "numberFormat":
        return grid((c) => c?.numberFormat ?? "General");
      case "text":
        return grid((c) => String(m.valueOf(c)));
      case "address":
        return `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`;
      case "rowIndex":
        return t.rect.r1 - 1;
      case "columnIndex":
        return t.rect.c1 - 1;
      case "rowCount":
        return t.rect.r2 - t.rect.r1 + 1;
      case "columnCount":
        return t.rect.c2 - t.rect.c1 + 1;
      default:
        throw fail("InvalidArgument", `Range.${p} is not modelled`);
    }
  }
  protected override nav(p: string) {
    return p === "format" ? this.format : undefined;
  }
  private write(property: string, value: unknown, kind: "values" | "cellFormat", apply: (cell: FakeCell, v: unknown) => void): void {
    this.set(property, value, (t) => {
      const matrix = matrixFor(t.rect, value, property);
      this.ctx.model.checkEditable(t.sheet, [t.rect], kind);
      this.ctx.model.eachCell(t.sheet, t.rect, (cell, r, c) => apply(cell, matrix[r - t.rect.r1][c - t.rect.c1]));
    });
  }
  get values(): CellScalar[][] {
    return this.get("values") as CellScalar[][];
  }
  set values(v: CellScalar[][]) {
    this.write("values", v, "values", enter);
  }
  get formulas(): CellScalar[][] {
    return this.get("formulas") as CellScalar[][];
  }
  set formulas(v: CellScalar[][]) {
    this.write("formulas", v, "values", enter);
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat") as string[][];
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, "cellFormat", (cell, f) => {
      if (f !== null && f !== undefined) cell.numberFormat = String(f);
    });
  }
  get address(): string {
    return this.get("address") as string;
  }
  get text(): string[][] {
    return this.get("text") as string[][];
  }
  get rowIndex(): number {
    return this.get("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.get("columnIndex") as number;
  }
  get rowCount(): number {
    return this.get("rowCount") as number;
  }
  get columnCount(): number {
    return this.get("columnCount") as number;
  }
  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.ctx, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, rects: [t.rect] };
    }));
  }
  get dataValidation(): DataValidationProxy {
    return (this._dv ??= new DataValidationProxy(this));
  }
  /** Custom conditional formats only: add("Custom") with custom.rule.formula and custom.format fill/font colours; clearAll(). */
  get conditionalFormats() {
    const range = this;
    return {
      add(type: string) {
        if (type !== "Custom") throw fail("InvalidArgument", `fake-excel models only Custom conditional formats, not ${type}`);
        let record: FakeSheet["conditionalFormats"][number] | undefined;
        range.call((t) => {
          range.ctx.model.checkEditable(t.sheet, [t.rect], "cellFormat");
          record = { rect: t.rect };
          t.sheet.conditionalFormats.push(record);
        });
        const later = (fn: (r: NonNullable<typeof record>) => void) => range.call(() => record && fn(record));
        return {
          custom: {
            rule: {
              set formula(v: string) {
                later((r) => (r.formula = v));
              },
            },
            format: {
              fill: {
                set color(v: string) {
                  later((r) => (r.fill = v));
                },
              },
              font: {
                set color(v: string) {
                  later((r) => (r.fontColor = v));
                },
              },
            },
          },
        };
      },
      clearAll() {
        range.call((t) => {
          range.ctx.model.checkEditable(t.sheet, [t.rect], "cellFormat");
          t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, t.rect));
        });
      },
    };
  }
  merge(across = false): void {
    this.call((t) => {
      const m = this.ctx.model;
      m.checkEditable(t.sheet, [t.rect], "structure");
      const rows = across
        ? Array.from({ length: t.rect.r2 - t.rect.r1 + 1 }, (_, i) => ({ ...t.rect, r1: t.rect.r1 + i, r2: t.rect.r1 + i }))
        : [t.rect];
      for (const rect of rows) {
        t.sheet.merges = t.sheet.merges.filter((x) => !intersects(x, rect));
        t.sheet.merges.push(rect);
        // Merging keeps the upper-left value only.
        for (const [k, , r, c] of m.existingCells(t.sheet, rect)) {
          if (r === rect.r1 && c === rect.c1) continue;
          const cell = t.sheet.cells.get(k)!;
          cell.input = null;
          delete cell.formula;
          delete cell.result;
        }
      }
    });
  }
  unmerge(): void {
    this.call((t) => {
      this.ctx.model.checkEditable(t.sheet, [t.rect], "structure");
      t.sheet.merges = t.sheet.merges.filter((x) => !intersects(x, t.rect));
    });
  }
  clear(applyTo: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.call((t) => {
      const m = this.ctx.model;
      m.checkEditable(t.sheet, [t.rect], applyTo === "Contents" ? "values" : "structure");
      for (const [k, cell] of m.existingCells(t.sheet, t.rect)) {
        if (applyTo === "All") t.sheet.cells.delete(k);
        else if (applyTo === "Contents") {
          cell.input = null;
          delete cell.formula;
          delete cell.result;
        } else if (applyTo === "Formats") {
          cell.format = defaultFormat();
          cell.numberFormat = "General";
        }
      }
    });
  }
  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, rect: { r1: 1, c1: t.rect.c1, r2: MAX_ROWS, c2: t.rect.c2 } };
    });
  }
  getEntireRow(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, rect: { r1: t.rect.r1, c1: 1, r2: t.rect.r2, c2: MAX_COLS } };
    });
  }
  getCell(row: number, col: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      return t && { sheet: t.sheet, rect: { r1: t.rect.r1 + row, c1: t.rect.c1 + col, r2: t.rect.r1 + row, c2: t.rect.c1 + col } };
    });
  }
  select(): void {
    this.call((t) => {
      if (this.ctx.model.activeSheet !== t.sheet)
        throw fail("InvalidOperation", `Cannot select a range on the inactive sheet "${t.sheet.name}".`);
      this.ctx.model.selection = { sheet: t.sheet, rect: t.rect };
    });
  }
}

class RangeAreasProxy extends BoundObject<AreasTarget> {
  private _format?: RangeFormatProxy;
  protected read(t: AreasTarget, p: string): unknown {
    if (p === "address") return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(",");
    if (p === "areaCount") return t.rects.length;
    throw fail("InvalidArgument", `RangeAreas.${p} is not modelled`);
  }
  get address(): string {
    return this.get("address") as string;
  }
  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.ctx, () => this.resolve()));
  }
}

/** Format objects (RangeFormat, font, fill, border, protection): a cell-format field each; loads give the common value or null. */
class FormatPartProxy extends ClientObject<AreasTarget> {
  constructor(
    ctx: FakeContext,
    private readonly areas: () => AreasTarget | null,
    private readonly fields: Record<
      string,
      {
        get: (f: CellFormat) => unknown;
        set: (f: CellFormat, v: unknown, r: number, c: number, rect: Rect) => void;
        kind?: "cellFormat" | "columnWidth" | "rowHeight";
      }
    >,
  ) {
    super(ctx);
    for (const [p, field] of Object.entries(fields)) {
      if (field.kind === "columnWidth" || field.kind === "rowHeight") continue;
      Object.defineProperty(this, p, {
        get: () => this.get(p),
        set: (v: unknown) => {
          this.set(p, v, (t) => {
            this.ctx.model.checkEditable(t.sheet, t.rects, "cellFormat");
            for (const rect of t.rects) this.ctx.model.eachCell(t.sheet, rect, (cell, r, c) => field.set(cell.format, v, r, c, rect));
          });
        },
        enumerable: true,
      });
    }
  }
  resolve(): AreasTarget | null {
    return this.areas();
  }
  protected read(t: AreasTarget, p: string): unknown {
    const field = this.fields[p];
    if (!field) throw fail("InvalidArgument", `format property ${p} is not modelled`);
    let common: unknown;
    let first = true;
    for (const rect of t.rects)
      this.ctx.model.eachCell(t.sheet, rect, (cell) => {
        const v = field.get(cell.format);
        if (first) common = v;
        else if (common !== v) common = null;
        first = false;
      });
    return common;
  }
}

class RangeFormatProxy extends FormatPartProxy {
  readonly font: FormatPartProxy;
  readonly fill: FormatPartProxy & { clear(): void };
  readonly protection: FormatPartProxy;
  readonly borders: { getItem(edge: string): FormatPartProxy };
  constructor(ctx: FakeContext, areas: () => AreasTarget | null) {
    super(ctx, areas, {
      wrapText: { get: (f) => f.wrapText, set: (f, v) => (f.wrapText = !!v) },
      horizontalAlignment: { get: (f) => f.horizontalAlignment, set: (f, v) => (f.horizontalAlignment = String(v)) },
      verticalAlignment: { get: (f) => f.verticalAlignment, set: (f, v) => (f.verticalAlignment = String(v)) },
      indentLevel: { get: (f) => f.indent, set: (f, v) => (f.indent = Number(v)) },
      columnWidth: { get: () => null, set: () => undefined, kind: "columnWidth" },
      rowHeight: { get: () => null, set: () => undefined, kind: "rowHeight" },
    });
    this.font = new FormatPartProxy(ctx, areas, {
      name: { get: (f) => f.fontName, set: (f, v) => (f.fontName = String(v)) },
      size: { get: (f) => f.fontSize, set: (f, v) => (f.fontSize = Number(v)) },
      bold: { get: (f) => f.bold, set: (f, v) => (f.bold = !!v) },
      italic: { get: (f) => f.italic, set: (f, v) => (f.italic = !!v) },
      color: { get: (f) => f.fontColor, set: (f, v) => (f.fontColor = String(v)) },
    });
    const fill = new FormatPartProxy(ctx, areas, {
      color: { get: (f) => f.fill, set: (f, v) => (f.fill = String(v)) },
    }) as FormatPartProxy & { clear(): void };
    fill.clear = () =>
      fill["call"]((t: AreasTarget) => t.rects.forEach((rect) => ctx.model.eachCell(t.sheet, rect, (cell) => (cell.format.fill = null))));
    this.fill = fill;
    this.protection = new FormatPartProxy(ctx, areas, { locked: { get: (f) => f.locked, set: (f, v) => (f.locked = !!v) } });
    const edgeOf = (edge: string, r: number, c: number, rect: Rect): string[] => {
      switch (edge) {
        case "EdgeTop":
          return r === rect.r1 ? ["top"] : [];
        case "EdgeBottom":
          return r === rect.r2 ? ["bottom"] : [];
        case "EdgeLeft":
          return c === rect.c1 ? ["left"] : [];
        case "EdgeRight":
          return c === rect.c2 ? ["right"] : [];
        case "InsideHorizontal":
          return [...(r > rect.r1 ? ["top"] : []), ...(r < rect.r2 ? ["bottom"] : [])];
        case "InsideVertical":
          return [...(c > rect.c1 ? ["left"] : []), ...(c < rect.c2 ? ["right"] : [])];
        default:
          return [edge];
      }
    };
    const borders = new Map<string, FormatPartProxy>();
    this.borders = {
      getItem: (edge: string) => {
        if (!borders.has(edge))
          borders.set(
            edge,
            new FormatPartProxy(ctx, areas, {
              style: {
                get: (f) => f.borders[edgeOf(edge, 0, 0, { r1: 0, c1: 0, r2: 0, c2: 0 })[0]] ?? "None",
                set: (f, v, r, c, rect) => edgeOf(edge, r, c, rect).forEach((side) => (f.borders[side] = String(v))),
              },
            }),
          );
        return borders.get(edge)!;
      },
    };
  }
  protected override nav(p: string) {
    return p === "font" ? this.font : p === "fill" ? this.fill : p === "protection" ? this.protection : undefined;
  }
  private setSize(which: "columnWidth" | "rowHeight", v: number): void {
    this.set(which, v, (t) => {
      this.ctx.model.checkEditable(t.sheet, t.rects, which);
      for (const rect of t.rects) {
        if (which === "columnWidth") for (let c = rect.c1; c <= rect.c2; c++) t.sheet.columnWidths.set(c, v);
        else for (let r = rect.r1; r <= rect.r2; r++) t.sheet.rowHeights.set(r, v);
      }
    });
  }
  get columnWidth(): number {
    return this.get("columnWidth") as number;
  }
  set columnWidth(v: number) {
    this.setSize("columnWidth", v);
  }
  get rowHeight(): number {
    return this.get("rowHeight") as number;
  }
  set rowHeight(v: number) {
    this.setSize("rowHeight", v);
  }
}

class DataValidationProxy extends ClientObject<RangeTarget> {
  constructor(private readonly range: RangeProxy) {
    super(range.ctx);
  }
  resolve(): RangeTarget | null {
    return this.range.resolve();
  }
  protected read(t: RangeTarget, p: string): unknown {
    const v = t.sheet.validations.find((x) => intersects(x.rect, t.rect));
    if (p === "rule") return v?.rule ?? {};
    if (p === "prompt") return v?.prompt ?? null;
    if (p === "errorAlert") return v?.errorAlert ?? null;
    if (p === "type") return v?.rule ? Object.keys(v.rule)[0] : "None";
    throw fail("InvalidArgument", `DataValidation.${p} is not modelled`);
  }
  private entry(t: RangeTarget): FakeValidation {
    this.ctx.model.checkEditable(t.sheet, [t.rect], "structure");
    let v = t.sheet.validations.find((x) => rectAddress(x.rect) === rectAddress(t.rect));
    if (!v) {
      t.sheet.validations = t.sheet.validations.filter((x) => !intersects(x.rect, t.rect));
      v = { rect: t.rect };
      t.sheet.validations.push(v);
    }
    return v;
  }
  get rule(): Excel.DataValidationRule {
    return this.get("rule") as Excel.DataValidationRule;
  }
  set rule(rule: Excel.DataValidationRule) {
    this.set("rule", rule, (t) => {
      if (Object.keys(rule).length !== 1) throw fail("InvalidArgument", "A data validation rule has exactly one kind.");
      if (rule.list && String(rule.list.source).length > 255) throw fail("InvalidArgument", "A list source longer than 255 characters.");
      this.entry(t).rule = rule;
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.get("prompt") as Excel.DataValidationPrompt;
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.set("prompt", p, (t) => {
      if ((p.title ?? "").length > 32 || (p.message ?? "").length > 255)
        throw fail("InvalidArgument", "Prompt title over 32 or message over 255 characters.");
      this.entry(t).prompt = p;
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.get("errorAlert") as Excel.DataValidationErrorAlert;
  }
  set errorAlert(e: Excel.DataValidationErrorAlert) {
    this.set("errorAlert", e, (t) => {
      if ((e.title ?? "").length > 32 || (e.message ?? "").length > 255)
        throw fail("InvalidArgument", "Alert title over 32 or message over 255 characters.");
      this.entry(t).errorAlert = e;
    });
  }
  clear(): void {
    this.call((t) => {
      this.ctx.model.checkEditable(t.sheet, [t.rect], "structure");
      t.sheet.validations = t.sheet.validations.filter((x) => !intersects(x.rect, t.rect));
    });
  }
}

class NamedItemCollectionProxy extends CollectionProxy<FakeName, NamedItemProxy> {
  protected all(): FakeName[] {
    return [...this.ctx.model.names.values()];
  }
  protected wrap(n: FakeName): NamedItemProxy {
    return new NamedItemProxy(this.ctx, { target: n });
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => {
      const n = this.ctx.model.names.get(name.toLowerCase());
      if (!n) throw fail("ItemNotFound", `The requested resource doesn't exist: name "${name}".`);
      return n;
    });
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.model.names.get(name.toLowerCase()) ?? null);
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    void comment;
    return new NamedItemProxy(this.ctx, () => {
      const m = this.ctx.model;
      if (!/^[A-Za-z_\\][\w.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || name.length > 255)
        throw fail("InvalidArgument", `Invalid name "${name}".`);
      if (m.names.has(name.toLowerCase())) throw fail("ItemAlreadyExists", `The name "${name}" already exists.`);
      let target: { sheet: FakeSheet; rect: Rect };
      if (typeof reference === "string") {
        const r = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference);
        if (!r) throw fail("InvalidArgument", `Unsupported name reference "${reference}".`);
        target = { sheet: m.sheet((r[1] ?? "").replace(/''/g, "'") || r[2]), rect: parseRect(r[3]) };
      } else {
        const t = reference.resolve();
        if (!t) throw fail("InvalidArgument", "Name reference is a null object.");
        target = t;
      }
      const n: FakeName = { name, sheet: target.sheet, rect: target.rect };
      m.names.set(name.toLowerCase(), n);
      return n;
    });
  }
}

class NamedItemProxy extends BoundObject<FakeName> {
  protected read(n: FakeName, p: string): unknown {
    switch (p) {
      case "name":
        return n.name;
      case "formula":
        return this.ctx.model.nameFormula(n);
      case "type":
        return n.sheet && n.rect ? "Range" : "Error";
      case "value":
        return n.sheet && n.rect ? `${quoteSheet(n.sheet.name)}!${rectAddress(n.rect, true)}` : "#REF!";
      case "visible":
        return true;
      default:
        throw fail("InvalidArgument", `NamedItem.${p} is not modelled`);
    }
  }
  get name(): string {
    return this.get("name") as string;
  }
  get formula(): string {
    return this.get("formula") as string;
  }
  get type(): string {
    return this.get("type") as string;
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const n = this.resolve();
      if (!n || !n.sheet || !n.rect) throw fail("InvalidOperation", `The name "${n?.name}" does not refer to a range.`);
      return { sheet: n.sheet, rect: n.rect };
    });
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const n = this.resolve();
        return n && n.sheet && n.rect ? { sheet: n.sheet, rect: n.rect } : null;
      },
      true,
    );
  }
  delete(): void {
    this.call((n) => this.ctx.model.names.delete(n.name.toLowerCase()));
  }
}

// ───────────────────────────── The fake's public face ─────────────────────────────

export interface CellView {
  /** As Office.js `values` returns it: "" for blank, "#REF!" etc. for errors. */
  value: CellScalar;
  formula?: string;
  numberFormat: string;
  format: CellFormat;
}

export interface SheetView {
  name: string;
  position: number;
  visibility: FakeSheet["visibility"];
  frozenRows: number;
  protected: boolean;
  protectionOptions?: Excel.WorksheetProtectionOptions;
  pageLayout: Record<string, unknown>;
  merges: string[];
  validations: {
    address: string;
    rule?: Excel.DataValidationRule;
    prompt?: Excel.DataValidationPrompt;
    errorAlert?: Excel.DataValidationErrorAlert;
  }[];
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
}

export interface TypeOptions {
  /** Pasting skips data validation (typing a value a Stop alert refuses throws, as Excel refuses it). */
  paste?: boolean;
}

export interface FakeExcel {
  context: Excel.RequestContext;
  /** Like Excel.run: a fresh context; whatever is still queued when fn resolves is synced. */
  run<T>(fn: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  readonly syncCount: number;
  sheetNames(): string[];
  sheet(name: string): SheetView;
  cell(sheet: string, address: string): CellView;
  /** Value (as Office.js returns it) of the cell a workbook name points to. */
  valueOfName(name: string): CellScalar;
  names(): Record<string, { sheet: string; address: string } | { sheet: null; address: "#REF!" }>;
  nameFormula(name: string): string | undefined;
  activeSheet(): string | undefined;
  /** The selected range (set by Range.select()), or undefined before anything was selected. */
  selection(): { sheet: string; address: string } | undefined;
  /** The user types (or pastes) into a cell: protection and validation apply, onChanged handlers fire. */
  typeInto(sheet: string, address: string, value: string | number, options?: TypeOptions): Promise<void>;
  deleteRows(sheet: string, from: number, count: number): Promise<void>;
  deleteSheet(name: string): Promise<void>;
  renameSheet(oldName: string, newName: string): Promise<void>;
  /** Direct access for checks the views do not cover. */
  readonly model: { sheets: FakeSheet[]; names: Map<string, FakeName> };
}

function validationRefusal(v: FakeValidation | undefined, cell: FakeCell): string | undefined {
  if (!v?.rule || v.errorAlert?.showAlert === false || (v.errorAlert?.style && v.errorAlert.style !== "Stop")) return undefined;
  const value = cell.formula !== undefined ? cell.result : cell.input;
  if (value === null || value === "") return undefined;
  const rule = v.rule;
  const inBasic = (b: Excel.BasicDataValidation | undefined, whole: boolean): boolean => {
    if (!b) return true;
    if (typeof value !== "number" || (whole && !Number.isInteger(value))) return false;
    const f1 = Number(b.formula1);
    const f2 = Number(b.formula2);
    switch (b.operator) {
      case "Between":
        return value >= f1 && value <= f2;
      case "GreaterThanOrEqualTo":
        return value >= f1;
      case "GreaterThan":
        return value > f1;
      case "LessThan":
        return value < f1;
      case "LessThanOrEqualTo":
        return value <= f1;
      case "EqualTo":
        return value === f1;
      default:
        return true;
    }
  };
  let ok = true;
  if (rule.wholeNumber) ok = inBasic(rule.wholeNumber, true);
  else if (rule.decimal) ok = inBasic(rule.decimal, false);
  else if (rule.list)
    ok = String(rule.list.source)
      .split(",")
      .map((s) => s.trim())
      .includes(String(value));
  else if (rule.date) ok = typeof value === "number";
  return ok ? undefined : (v.errorAlert?.message ?? "The value doesn't match the data validation restrictions defined for this cell.");
}

export function createFakeExcel(options: { sheets?: string[] } = {}): FakeExcel {
  const model = new WorkbookModel();
  for (const s of options.sheets ?? ["Sheet1"]) model.addSheet(s);
  let syncCount = 0;
  const newContext = () => new FakeContext(model, () => syncCount++);
  const context = newContext();

  const fire = async (sheet: FakeSheet, address: string, changeType: Excel.WorksheetChangedEventArgs["changeType"]) => {
    const args = {
      address,
      changeType,
      source: "Local",
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      triggerSource: "Unknown",
    } as unknown as Excel.WorksheetChangedEventArgs;
    for (const h of [...model.changedHandlers]) await h(args);
  };

  const fake: FakeExcel = {
    context: context as unknown as Excel.RequestContext,
    async run<T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = newContext();
      const result = await fn(ctx as unknown as Excel.RequestContext);
      if (ctx.queue.length) await ctx.sync();
      return result;
    },
    get syncCount() {
      return syncCount;
    },
    model,
    sheetNames: () => model.sheets.map((s) => s.name),
    sheet(name) {
      const s = model.sheet(name);
      return {
        name: s.name,
        position: model.sheets.indexOf(s),
        visibility: s.visibility,
        frozenRows: s.frozenRows,
        protected: s.protection.protected,
        protectionOptions: s.protection.options,
        pageLayout: { ...s.pageLayout },
        merges: s.merges.map((r) => rectAddress(r)),
        validations: s.validations.map((v) => ({ address: rectAddress(v.rect), rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert })),
        columnWidths: Object.fromEntries(s.columnWidths),
        rowHeights: Object.fromEntries(s.rowHeights),
      };
    },
    cell(sheet, address) {
      const s = model.sheet(sheet);
      const r = parseRect(address);
      const c = model.cell(s, r.r1, r.c1);
      return {
        value: model.valueOf(c),
        formula: c?.formula,
        numberFormat: c?.numberFormat ?? "General",
        format: c ? { ...c.format, borders: { ...c.format.borders } } : defaultFormat(),
      };
    },
    valueOfName(name) {
      const n = model.names.get(name.toLowerCase());
      if (!n) throw new Error(`fake-excel: no name ${name}`);
      if (!n.sheet || !n.rect) return "#REF!";
      return model.valueOf(model.cell(n.sheet, n.rect.r1, n.rect.c1));
    },
    names() {
      return Object.fromEntries(
        [...model.names.values()].map((n) => [
          n.name,
          n.sheet && n.rect ? { sheet: n.sheet.name, address: rectAddress(n.rect) } : { sheet: null, address: "#REF!" as const },
        ]),
      );
    },
    nameFormula(name) {
      const n = model.names.get(name.toLowerCase());
      return n && model.nameFormula(n);
    },
    activeSheet: () => model.activeSheet?.name,
    selection: () => (model.selection ? { sheet: model.selection.sheet.name, address: rectAddress(model.selection.rect) } : undefined),
    async typeInto(sheet, address, value, opts = {}) {
      const s = model.sheet(sheet);
      const rect = parseRect(address);
      if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2) throw new Error("fake-excel: typeInto takes one cell");
      if (s.protection.protected && (model.cell(s, rect.r1, rect.c1)?.format.locked ?? true))
        throw fail("AccessDenied", `The cell ${address} on "${sheet}" is protected; it cannot be typed into.`);
      const cell = model.cell(s, rect.r1, rect.c1, true);
      const before = { input: cell.input, formula: cell.formula, result: cell.result };
      enter(cell, value);
      model.recalc();
      if (!opts.paste) {
        const refusal = validationRefusal(
          s.validations.find((v) => intersects(v.rect, rect)),
          cell,
        );
        if (refusal) {
          Object.assign(cell, before);
          if (before.formula === undefined) delete cell.formula;
          model.recalc();
          throw new Error(`Data validation refused "${value}" in ${sheet}!${address}: ${refusal}`);
        }
      }
      await fire(s, rectAddress(rect), "RangeEdited");
    },
    async deleteRows(sheet, from, count) {
      const s = model.sheet(sheet);
      if (s.protection.protected) throw fail("AccessDenied", `Sheet "${sheet}" is protected.`);
      const cells = new Map<string, FakeCell>();
      for (const [k, cell] of s.cells) {
        const [r, c] = k.split(",").map(Number);
        if (r < from) cells.set(k, cell);
        else if (r >= from + count) cells.set(key(r - count, c), cell);
      }
      s.cells = cells;
      const heights = new Map<number, number>();
      for (const [r, h] of s.rowHeights)
        if (r < from) heights.set(r, h);
        else if (r >= from + count) heights.set(r - count, h);
      s.rowHeights = heights;
      s.merges = s.merges.map((r) => shiftForDeletedRows(r, from, count)).filter((r): r is Rect => !!r && (r.r1 !== r.r2 || r.c1 !== r.c2));
      s.validations = s.validations.flatMap((v) => {
        const rect = shiftForDeletedRows(v.rect, from, count);
        return rect ? [{ ...v, rect }] : [];
      });
      for (const n of model.names.values()) {
        if (n.sheet !== s || !n.rect) continue;
        n.rect = shiftForDeletedRows(n.rect, from, count);
        if (!n.rect) n.sheet = null;
      }
      model.recalc();
      await fire(s, `${from}:${from + count - 1}`, "RowDeleted");
    },
    async deleteSheet(name) {
      model.removeSheet(model.sheet(name));
      model.recalc();
    },
    async renameSheet(oldName, newName) {
      const s = model.sheet(oldName);
      const other = model.findSheet(newName);
      if (other && other !== s) throw fail("ItemAlreadyExists", `A sheet named "${newName}" already exists.`);
      s.name = newName;
      model.recalc();
    },
  };
  return fake;
}

// ───────────────────────────── Formula evaluator ─────────────────────────────
// Numbers, strings, TRUE/FALSE, #REF!, workbook names, A1 refs (optionally 'Sheet'!A1, ranges A1:B2),
// & + - * / unary -, comparisons, and IF OR AND COUNT SUM ROUND N DATE. Excel's precedence:
// unary minus > * / > + - > & > comparisons.

export interface FormulaError {
  error: string;
}
export interface RefValue {
  sheet: unknown;
  rect: Rect;
}
type Scalar = CellScalar | FormulaError;
type Value = Scalar | RefValue;

export interface FormulaEnv {
  resolveName(name: string): RefValue | FormulaError;
  /** undefined name = the formula's own sheet. */
  resolveSheet(name: string | undefined): unknown;
  cellValue(sheet: unknown, row: number, col: number): Scalar;
}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "id"; v: string; sheet?: string }
  | { t: "err"; v: string }
  | { t: "op"; v: string };

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet?: string; from: string; to?: string }
  | { k: "name"; name: string }
  | { k: "call"; fn: string; args: Node[] }
  | { k: "neg"; e: Node }
  | { k: "bin"; op: string; l: Node; r: Node };

function isError(v: unknown): v is FormulaError {
  return typeof v === "object" && v !== null && "error" in v;
}
function isRef(v: unknown): v is RefValue {
  return typeof v === "object" && v !== null && "rect" in v;
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest))) {
      tokens.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new Error(`Unterminated string in ${src}`);
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      tokens.push({ t: "str", v: s });
      i = j + 1;
    } else if ((m = /^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!)/i.exec(rest))) {
      tokens.push({ t: "err", v: m[0].toUpperCase() });
      i += m[0].length;
    } else if (
      (m = /^'((?:[^']|'')+)'!(\$?[A-Za-z]{1,3}\$?\d+)/.exec(rest)) ||
      (m = /^([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!(\$?[A-Za-z]{1,3}\$?\d+)/.exec(rest))
    ) {
      tokens.push({ t: "id", v: m[2], sheet: m[1].replace(/''/g, "'") });
      i += m[0].length;
    } else if ((m = /^[A-Za-z_\\$][\w.$]*/.exec(rest))) {
      tokens.push({ t: "id", v: m[0] });
      i += m[0].length;
    } else if ((m = /^(<>|<=|>=|[-+*/&=<>(),:])/.exec(rest))) {
      tokens.push({ t: "op", v: m[0] });
      i += m[0].length;
    } else throw new Error(`Unexpected "${ch}" in formula ${src}`);
  }
  return tokens;
}

export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^=/, ""));
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (...ops: string[]) => peek()?.t === "op" && ops.includes((peek() as { v: string }).v);
  const expect = (op: string) => {
    if (!isOp(op)) throw new Error(`Expected "${op}" in ${formula}`);
    pos++;
  };
  const binary = (next: () => Node, ops: string[]) => (): Node => {
    let l = next();
    while (isOp(...ops)) {
      const op = (tokens[pos++] as { v: string }).v;
      l = { k: "bin", op, l, r: next() };
    }
    return l;
  };
  const primary = (): Node => {
    const tok = tokens[pos++];
    if (!tok) throw new Error(`Unexpected end of ${formula}`);
    if (tok.t === "num") return { k: "lit", v: tok.v };
    if (tok.t === "str") return { k: "lit", v: tok.v };
    if (tok.t === "err") return { k: "lit", v: { error: tok.v } };
    if (tok.t === "op" && tok.v === "(") {
      const e = comparison();
      expect(")");
      return e;
    }
    if (tok.t === "id") {
      const A1 = /^\$?[A-Za-z]{1,3}\$?\d+$/;
      if (isOp("(") && !tok.sheet) {
        pos++;
        const args: Node[] = [];
        if (!isOp(")")) {
          args.push(comparison());
          while (isOp(",")) {
            pos++;
            args.push(comparison());
          }
        }
        expect(")");
        return { k: "call", fn: tok.v.toUpperCase(), args };
      }
      if (A1.test(tok.v)) {
        const node: Node = { k: "ref", sheet: tok.sheet, from: tok.v };
        if (isOp(":")) {
          pos++;
          const to = tokens[pos++];
          if (to?.t !== "id" || !A1.test(to.v)) throw new Error(`Bad range in ${formula}`);
          node.to = to.v;
        }
        return node;
      }
      if (/^(TRUE|FALSE)$/i.test(tok.v)) return { k: "lit", v: tok.v.toUpperCase() === "TRUE" };
      return { k: "name", name: tok.v };
    }
    throw new Error(`Unexpected token in ${formula}`);
  };
  const unary = (): Node => {
    if (isOp("-")) {
      pos++;
      return { k: "neg", e: unary() };
    }
    if (isOp("+")) {
      pos++;
      return unary();
    }
    return primary();
  };
  const multiplicative = binary(unary, ["*", "/"]);
  const additive = binary(multiplicative, ["+", "-"]);
  const concat = binary(additive, ["&"]);
  const comparison = binary(concat, ["=", "<>", "<", ">", "<=", ">="]);
  const tree = comparison();
  if (pos !== tokens.length) throw new Error(`Unexpected trailing tokens in ${formula}`);
  return tree;
}

/** Excel's ROUND: half away from zero, on the value's 15-significant-digit decimal form. */
export function excelRound(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const [mantissa, exp] = Math.abs(x).toPrecision(15).split("e");
  const shifted = Number(`${mantissa}e${Number(exp ?? 0) + d}`);
  const rounded = Math.floor(shifted + 0.5);
  const back = Number(`${rounded}e${-d}`);
  return x < 0 ? -back : back;
}

/** DATE(y, m, d) as an Excel serial (1900 date system; years below 1900 get 1900 added, as Excel does). */
export function excelDate(y: number, m: number, d: number): number {
  const year = Math.trunc(y) < 1900 ? Math.trunc(y) + 1900 : Math.trunc(y);
  return Math.round((Date.UTC(year, Math.trunc(m) - 1, Math.trunc(d)) - Date.UTC(1899, 11, 30)) / 86400000);
}

export function evaluateFormula(formula: string, env: FormulaEnv): CellScalar | FormulaError {
  let tree: Node;
  try {
    tree = parseFormula(formula);
  } catch {
    return { error: "#NAME?" };
  }
  const v = deref(evaluate(tree, env), env);
  // A formula that points at a blank cell shows 0.
  return v === null ? 0 : v;
}

function refCells(ref: RefValue, env: FormulaEnv): Scalar[] {
  const out: Scalar[] = [];
  for (let r = ref.rect.r1; r <= ref.rect.r2; r++)
    for (let c = ref.rect.c1; c <= ref.rect.c2; c++) out.push(env.cellValue(ref.sheet, r, c));
  return out;
}

function deref(v: Value, env: FormulaEnv): Scalar {
  if (!isRef(v)) return v;
  if (v.rect.r1 !== v.rect.r2 || v.rect.c1 !== v.rect.c2) return { error: "#VALUE!" };
  const cell = env.cellValue(v.sheet, v.rect.r1, v.rect.c1);
  return typeof cell === "string" && /^#/.test(cell) && /^#(REF!|DIV\/0!|VALUE!|NAME\?|N\/A|NUM!|NULL!|CIRC!)$/.test(cell)
    ? { error: cell }
    : cell;
}

function toNumber(v: Scalar): number | FormulaError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const s = v.trim();
  return s !== "" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : { error: "#VALUE!" };
}

function toText(v: Scalar): string | FormulaError {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function toBool(v: Scalar): boolean | FormulaError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return { error: "#VALUE!" };
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  // Blank takes the other side's type: 0, "" or FALSE.
  const blankAs = (other: Scalar): Scalar => (typeof other === "string" ? "" : typeof other === "boolean" ? false : 0);
  const x = a === null ? blankAs(b) : a;
  const y = b === null ? blankAs(a) : b;
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let c: number;
  if (rank(x) !== rank(y)) c = rank(x) - rank(y);
  else if (typeof x === "string") {
    const l = x.toLowerCase();
    const r = (y as string).toLowerCase();
    c = l < r ? -1 : l > r ? 1 : 0;
  } else c = Number(x) - Number(y);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

function evaluate(node: Node, env: FormulaEnv): Value {
  switch (node.k) {
    case "lit":
      return node.v;
    case "name":
      return env.resolveName(node.name);
    case "ref": {
      const sheet = env.resolveSheet(node.sheet);
      if (!sheet) return { error: "#REF!" };
      const a = parseRect(node.from);
      const b = node.to ? parseRect(node.to) : a;
      return { sheet, rect: { r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) } };
    }
    case "neg": {
      const n = toNumber(deref(evaluate(node.e, env), env));
      return isError(n) ? n : -n;
    }
    case "bin": {
      const l = deref(evaluate(node.l, env), env);
      const r = deref(evaluate(node.r, env), env);
      if (isError(l)) return l;
      if (isError(r)) return r;
      if (node.op === "&") {
        const a = toText(l);
        const b = toText(r);
        return isError(a) ? a : isError(b) ? b : a + b;
      }
      if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) return compare(node.op, l, r);
      const a = toNumber(l);
      const b = toNumber(r);
      if (isError(a)) return a;
      if (isError(b)) return b;
      if (node.op === "+") return a + b;
      if (node.op === "-") return a - b;
      if (node.op === "*") return a * b;
      return b === 0 ? { error: "#DIV/0!" } : a / b;
    }
    case "call":
      return call(node.fn, node.args, env);
  }
}

/** Arguments as Excel's aggregate functions see them: cells of references, then direct values. */
function aggregateArgs(args: Node[], env: FormulaEnv): { fromRef: Scalar[]; direct: Scalar[] } {
  const fromRef: Scalar[] = [];
  const direct: Scalar[] = [];
  for (const a of args) {
    const v = evaluate(a, env);
    if (isRef(v)) fromRef.push(...refCells(v, env).map((c) => deref(c, env)));
    else direct.push(v);
  }
  return { fromRef, direct };
}

function call(fn: string, args: Node[], env: FormulaEnv): Value {
  const arg = (i: number): Scalar => (i < args.length ? deref(evaluate(args[i], env), env) : null);
  const num = (i: number) => toNumber(arg(i));
  switch (fn) {
    case "IF": {
      const c = toBool(arg(0));
      if (isError(c)) return c;
      if (c) return args.length > 1 ? evaluate(args[1], env) : true;
      return args.length > 2 ? evaluate(args[2], env) : false;
    }
    case "AND":
    case "OR": {
      const { fromRef, direct } = aggregateArgs(args, env);
      const bools: boolean[] = [];
      for (const v of fromRef) {
        if (isError(v)) return v;
        if (typeof v === "number" || typeof v === "boolean") bools.push(!!v);
      }
      for (const v of direct) {
        const b = toBool(v);
        if (isError(b)) return b;
        bools.push(b);
      }
      if (!bools.length) return { error: "#VALUE!" };
      return fn === "AND" ? bools.every(Boolean) : bools.some(Boolean);
    }
    case "COUNT": {
      const { fromRef, direct } = aggregateArgs(args, env);
      return (
        fromRef.filter((v) => typeof v === "number").length +
        direct.filter((v) => typeof v === "number" || typeof v === "boolean" || (typeof v === "string" && !isError(toNumber(v)))).length
      );
    }
    case "SUM": {
      const { fromRef, direct } = aggregateArgs(args, env);
      let sum = 0;
      for (const v of fromRef) {
        if (isError(v)) return v;
        if (typeof v === "number") sum += v;
      }
      for (const v of direct) {
        const n = toNumber(v);
        if (isError(n)) return n;
        sum += n;
      }
      return sum;
    }
    case "ROUND": {
      const x = num(0);
      const d = num(1);
      if (isError(x)) return x;
      if (isError(d)) return d;
      return excelRound(x, d);
    }
    case "N": {
      const v = arg(0);
      if (isError(v)) return v;
      return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : 0;
    }
    case "DATE": {
      const [y, m, d] = [num(0), num(1), num(2)];
      if (isError(y)) return y;
      if (isError(m)) return m;
      if (isError(d)) return d;
      return excelDate(y, m, d);
    }
    default:
      return { error: "#NAME?" };
  }
}
