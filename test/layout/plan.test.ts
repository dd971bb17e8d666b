import { BUILTIN_TEMPLATES, findTemplate, valueRows } from "../../src/core/catalog";
import { buildLayoutPlan, FORM_FIRST_ROW, INFO_SHEET, META_SHEET, NARRATIVE_SHEET, STYLES } from "../../src/core/layout/plan";
import { nameForKey } from "../../src/core/layout/names";
import { ratioFormula } from "../../src/core/layout/formulas";

describe("layout plan", () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s: info, one sheet per form, narrative, hidden meta", (_, t) => {
    const plan = buildLayoutPlan(t);
    expect(plan.sheets.map((s) => s.name)).toEqual([INFO_SHEET, ...t.forms.map((f) => f.sheetName), NARRATIVE_SHEET, META_SHEET]);
    expect(plan.sheets.find((s) => s.name === META_SHEET)!.hidden).toBe(true);
    for (const s of plan.sheets) expect(s.name.length).toBeLessThanOrEqual(31);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))("%s: every value row has a name, a style by kind and a validation", (_, t) => {
    const plan = buildLayoutPlan(t);
    for (const { key, form, row } of valueRows(t)) {
      const name = plan.names.find((n) => n.name === nameForKey(key))!;
      expect(name.sheet).toBe(form.sheetName);
      const sheet = plan.sheets.find((s) => s.name === form.sheetName)!;
      const cell = sheet.cells.find((c) => c.address === name.address)!;
      const validation = sheet.validations.find((v) => v.address === name.address);
      if (row.ratio) {
        expect(cell.formula).toBe(ratioFormula(row.ratio));
        expect(STYLES[cell.style].locked).toBe(true);
        expect(validation).toBeUndefined();
      } else {
        expect(STYLES[cell.style].locked).toBe(false);
        if (row.kind === "code") expect(validation).toMatchObject({ type: "list", list: row.codes!.map((c) => String(c.value)) });
        if (row.kind === "count") expect(validation).toMatchObject({ type: "whole", min: 0 });
        if (row.kind === "money") expect(validation).toMatchObject({ type: "decimal", min: 0 });
      }
    }
  });

  it("prints the form as on paper: merged header, repeated header rows, A4 fit to width, frozen header", () => {
    const t = findTemplate("bieu-mau-1-7")!;
    const sheet = buildLayoutPlan(t).sheets.find((s) => s.formId === "bm7")!;
    expect(sheet.merges).toEqual(expect.arrayContaining(["A1:E1", "A2:E2", "D5:E5", "A5:A6"]));
    expect(sheet.cells.find((c) => c.address === "D5")!.value).toBe("Kết quả thống kê");
    expect(["A5", "B5", "C5", "D6", "E6"].map((a) => sheet.cells.find((c) => c.address === a)!.value)).toEqual(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"]);
    expect(sheet.print).toEqual({ orientation: "portrait", titleRows: "5:6", fitToWidth: true });
    expect(sheet.freezeRows).toBe(6);
    expect(sheet.protect).toBe(true);
    // Sub-rows are indented by depth.
    const i = t.forms[6].rows.findIndex((r) => r.code === "6.7.1");
    expect(sheet.cells.find((c) => c.address === `B${FORM_FIRST_ROW + i}`)!.indent).toBe(2);
  });

  it("fills values, notes, narrative and caches the ratio results from the data", () => {
    const t = findTemplate("bieu-mau-1-7")!;
    const plan = buildLayoutPlan(t, {
      template: t.id,
      info: { unitName: "Thanh Giang", period: "Y", year: 2023 },
      values: { "bm7:6.7.1": 3978, "bm7:6.7.2": 3810, "bm1:1": "01(CTHND)" },
      notes: { "bm7:6.7.1": "cả trực tiếp và trực tuyến" },
      narrative: { I: "Đoạn văn mục I." },
    });
    const at = (key: string) => {
      const n = plan.names.find((x) => x.name === nameForKey(key))!;
      return plan.sheets.find((s) => s.name === n.sheet)!.cells.find((c) => c.address === n.address)!;
    };
    expect(at("bm7:6.7").value).toBe(95.78);
    expect(at("bm1:1").value).toBe("01(CTHND)");
    const noteName = plan.names.find((n) => n.key === "note:bm7:6.7.1")!;
    expect(plan.sheets.find((s) => s.name === noteName.sheet)!.cells.find((c) => c.address === noteName.address)!.value).toBe("cả trực tiếp và trực tuyến");
    const nar = plan.names.find((n) => n.key === "nar:I")!;
    expect(plan.sheets.find((s) => s.name === NARRATIVE_SHEET)!.cells.find((c) => c.address === nar.address)!.value).toBe("Đoạn văn mục I.");
    const sub = plan.sheets[1].cells.find((c) => c.address === "A3")!;
    expect(sub.value).toBe("Kỳ báo cáo: Năm 2023 - xã Thanh Giang");
  });

  it("keeps the rows a newer version dropped on a legacy sheet", () => {
    const t = findTemplate("bieu-tong-hop-i-v")!;
    const plan = buildLayoutPlan(t, undefined, [{ key: "th:IX.1", label: "Chỉ tiêu cũ", value: 12, note: "ghi chú", fromVersion: "0.9.0" }]);
    const legacy = plan.sheets.find((s) => s.role === "legacy")!;
    expect(legacy.cells.filter((c) => c.address.endsWith("4")).map((c) => c.value)).toEqual(["th:IX.1", "Chỉ tiêu cũ", 12, "ghi chú", "0.9.0"]);
  });
});
