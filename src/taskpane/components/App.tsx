import { useEffect, useRef, useState } from "react";
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportInfo, TemplateDef } from "../../core/catalog/types";
import { BUILTIN_TEMPLATES, findTemplate } from "../../core/catalog";
import { defaultInfo } from "../../core/info";
import { InfoForm } from "./InfoForm";
import { createForms, excelSupported, highlightCells, readReport, readWorkbookState, REQUIRED_EXCEL_API, selectCell, watchChanges } from "../workbook";
import type { Finding } from "../../core/rules/types";
import { ChecksPanel } from "./ChecksPanel";
import { parseSheetRef } from "../../core/layout/names";
import { ExportPanel } from "./ExportPanel";
import { blobDownloadWorks, downloadBlob } from "../download";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: "640px", boxSizing: "border-box", minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  // The latest message stays in view however far down the pane the button was.
  status: { position: "sticky", top: 0, zIndex: 1, boxShadow: tokens.shadow4 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

type Status = { intent: "success" | "error" | "warning" | "info"; title: string; text: string } | undefined;

/** The cells findings point at (the first address of each), for tinting. */
function failingCells(findings: Finding[]): { sheet: string; address: string }[] {
  return findings.flatMap((f) => {
    const at = f.addresses?.[0] ? parseSheetRef(f.addresses[0]) : undefined;
    return at ? [at] : [];
  });
}

export function App(props: { host: Office.HostType | null }) {
  const styles = useStyles();
  const [imported, setImported] = useState<TemplateDef[]>([]);
  const templates = [...imported, ...BUILTIN_TEMPLATES];
  const [templateId, setTemplateId] = useState(BUILTIN_TEMPLATES[0].id);
  const template = findTemplate(templateId, imported)!;
  const [info, setInfo] = useState<Partial<ReportInfo>>(() => defaultInfo(template));
  const [busy, setBusy] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>();
  const [laidOut, setLaidOut] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [findings, setFindings] = useState<Finding[] | undefined>();
  const [checking, setChecking] = useState(false);
  const [highlight, setHighlight] = useState(false);
  const highlightRef = useRef(false);
  highlightRef.current = highlight;
  const [exporting, setExporting] = useState(false);
  const canDownload = blobDownloadWorks(Office.context.platform as unknown as string);
  const templateRef = useRef(template);
  templateRef.current = template;
  const supported = props.host === Office.HostType.Excel && excelSupported();

  useEffect(() => {
    if (!supported) return;
    // The workbook, not the browser, remembers which template laid it out.
    (async () => {
      const s = await readWorkbookState();
      if (!s.templateId) return;
      let extra: TemplateDef[] = [];
      if (s.embeddedTemplate) {
        const { parseTemplateFile } = await import(/* webpackChunkName: "template-import" */ "../../core/catalog/import");
        const check = parseTemplateFile(s.embeddedTemplate);
        if (check.ok) extra = [check.template];
      }
      const t = findTemplate(s.templateId, extra);
      if (!t) return;
      setImported(extra);
      setTemplateId(t.id);
      // The report information lives on the Thông tin sheet; the pane shows what the workbook says.
      const { data } = await readReport(t);
      setInfo((current) => ({ ...current, ...data.info }));
      setLaidOut(true);
    })()
      .catch((e) => setStatus({ intent: "error", title: "Không đọc được bảng tính", text: String(e?.message ?? e) }));
  }, [supported]);

  async function runCheck() {
    setChecking(true);
    try {
      const t = templateRef.current;
      const [{ data, snapshot }, { checkReport }] = await Promise.all([readReport(t), import(/* webpackChunkName: "rules" */ "../../core/rules/engine")]);
      const found = checkReport(t, data, snapshot);
      setFindings(found);
      if (highlightRef.current) await highlightCells(snapshot, failingCells(found));
    } catch (e) {
      setStatus({ intent: "error", title: "Không kiểm tra được số liệu", text: `${(e as Error).message}. Thoát chế độ sửa ô rồi bấm "Kiểm tra ngay".` });
    } finally {
      setChecking(false);
    }
  }

  useEffect(() => {
    if (!supported || !laidOut) return;
    // Staff edits re-run the checks (debounced); the add-in's own writes do not.
    watchChanges(() => void runCheck()).catch((e) => setStatus({ intent: "warning", title: "Không tự kiểm tra lại được", text: `${(e as Error).message}. Bấm "Kiểm tra ngay" sau khi sửa.` }));
    void runCheck();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [supported, laidOut]);

  async function onHighlight(on: boolean) {
    setHighlight(on);
    highlightRef.current = on;
    try {
      const { snapshot } = await readReport(templateRef.current);
      await highlightCells(snapshot, on ? failingCells(findings ?? []) : []);
    } catch (e) {
      setStatus({ intent: "error", title: on ? "Không tô màu được các ô" : "Không bỏ tô màu được", text: `${(e as Error).message}. Thoát chế độ sửa ô rồi thử lại.` });
    }
  }

  async function onSelect(sheet: string, cell: string) {
    try {
      await selectCell(sheet, cell);
    } catch (e) {
      setStatus({ intent: "error", title: `Không chọn được ô ${cell}`, text: `Sheet "${sheet}" có thể đã bị xóa hoặc đổi tên (${(e as Error).message}). Bấm "Cập nhật biểu mẫu" để lập lại.` });
    }
  }

  async function onExport(draft: boolean) {
    setExporting(true);
    setStatus(undefined);
    try {
      const t = templateRef.current;
      const [{ data, snapshot }, { checkReport }, { documentModel }, { buildReportDocx, reportToBlob }, { reportFileName }, { completeInfo }] = await Promise.all([
        readReport(t),
        import(/* webpackChunkName: "rules" */ "../../core/rules/engine"),
        import(/* webpackChunkName: "word" */ "../../core/report/narrative"),
        import(/* webpackChunkName: "word" */ "../../word/build"),
        import(/* webpackChunkName: "word" */ "../../core/report/filename"),
        import("../../core/info"),
      ]);
      const current = checkReport(t, data, snapshot);
      setFindings(current);
      if (!draft && current.some((f) => f.severity === "error")) {
        setStatus({ intent: "error", title: "Chưa xuất báo cáo chính thức", text: "Số liệu vừa thay đổi và còn lỗi; sửa lỗi ở bước 3 hoặc xuất bản dự thảo." });
        return;
      }
      const blob = await reportToBlob(buildReportDocx(documentModel(t, data, { draft })));
      const name = reportFileName(completeInfo(t, data.info), { draft });
      downloadBlob(blob, name);
      setStatus({ intent: "success", title: draft ? "Đã tạo bản dự thảo" : "Đã tạo báo cáo Word", text: `Tệp ${name} đã được tải về (thư mục Tải xuống).` });
    } catch (e) {
      setStatus({ intent: "error", title: "Không tạo được báo cáo Word", text: `${(e as Error).message}. Thử lại; nếu vẫn lỗi, dùng lệnh cchc report trên máy tính.` });
    } finally {
      setExporting(false);
    }
  }

  if (!supported) {
    return (
      <div className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Phiên bản Excel này chưa hỗ trợ add-in</MessageBarTitle>
            Báo cáo CCHC cần Excel hỗ trợ ExcelApi {REQUIRED_EXCEL_API} trở lên (Microsoft 365, Excel 2021, Excel trên web). Hãy cập nhật Excel rồi mở lại.
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  async function importTemplate(file: File) {
    const { parseTemplateFile } = await import(/* webpackChunkName: "template-import" */ "../../core/catalog/import");
    const check = parseTemplateFile(await file.text());
    if (!check.ok) {
      setStatus({ intent: "error", title: `Tệp mẫu "${file.name}" không hợp lệ`, text: check.errors.join(" · ") });
      return;
    }
    setImported((list) => [check.template, ...list.filter((t) => t.id !== check.template.id)]);
    setTemplateId(check.template.id);
    setStatus({ intent: "success", title: "Đã nhập mẫu biểu", text: `${check.template.title} (phiên bản ${check.template.version}).` });
  }

  async function onCreateForms() {
    if (!info.unitName?.trim()) {
      setStatus({ intent: "warning", title: "Thiếu tên đơn vị", text: "Nhập tên xã/phường ở bước 1 trước khi tạo biểu mẫu." });
      return;
    }
    if (!info.year || info.year < 2000 || info.year > 2100) {
      setStatus({ intent: "warning", title: "Năm báo cáo chưa đúng", text: "Nhập năm báo cáo bằng 4 chữ số, ví dụ 2024, ở bước 1." });
      return;
    }
    setBusy("Đang tạo biểu mẫu…");
    setStatus(undefined);
    try {
      const r = await createForms(template, info, imported);
      if (laidOut) void runCheck();
      setLaidOut(true);
      const kept = r.keptValues ? ` Đã giữ nguyên ${r.keptValues} số liệu đã nhập.` : "";
      const legacy = r.legacyRows ? ` ${r.legacyRows} dòng không còn trong mẫu mới được chuyển sang sheet "Dữ liệu cũ".` : "";
      setStatus({ intent: "success", title: "Đã tạo biểu mẫu", text: `${template.forms.length} biểu, sheet Thông tin và Thuyết minh.${kept}${legacy}` });
    } catch (e) {
      setStatus({ intent: "error", title: "Không tạo được biểu mẫu", text: `${(e as Error).message}. Thoát chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại.` });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <main className={styles.root} aria-busy={!!busy}>
      <Text as="h1" size={500} weight="semibold">
        Báo cáo CCHC
      </Text>
      {status && (
        <MessageBar className={styles.status} intent={status.intent} role={status.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle>
            {status.text}
          </MessageBarBody>
        </MessageBar>
      )}
      <Card>
        <CardHeader header={<Text weight="semibold">1. Thông tin báo cáo</Text>} />
        <Field label="Mẫu biểu">
          <Select
            className={styles.control}
            value={templateId}
            onChange={(_, d) => {
              setTemplateId(d.value);
              setInfo((i) => ({ ...i, upperLevel: findTemplate(d.value, imported)!.upperLevel }));
            }}
          >
            {templates.map((t) => (
              <option key={`${t.id}@${t.version}`} value={t.id}>
                {t.title.includes(t.origin.province) ? t.title : `${t.title} (${t.origin.province})`}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.actions}>
          <Button appearance="subtle" size="small" onClick={() => fileInput.current?.click()}>
            Nhập mẫu của tỉnh (.json)…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Tệp mẫu biểu của tỉnh"
            onChange={(e) => e.target.files?.[0] && void importTemplate(e.target.files[0])}
          />
        </div>
        <InfoForm info={info} onChange={setInfo} />
      </Card>
      <Card>
        <CardHeader header={<Text weight="semibold">2. Tạo biểu mẫu</Text>} description={laidOut ? "Đã có biểu mẫu: tạo lại vẫn giữ số liệu đã nhập." : "Chưa tạo biểu mẫu."} />
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!!busy} onClick={() => void onCreateForms()}>
            {laidOut ? "Cập nhật biểu mẫu" : "Tạo biểu mẫu"}
          </Button>
          {busy && <Spinner size="tiny" label={busy} />}
        </div>
      </Card>
      <Card>
        <CardHeader header={<Text weight="semibold">3. Nhập và kiểm tra</Text>} description="Nhập số liệu vào các ô màu vàng nhạt; tỷ lệ tự tính. Bấm một dòng để chuyển tới ô." />
        {laidOut ? (
          <ChecksPanel
            template={template}
            findings={findings}
            checking={checking}
            onCheck={() => void runCheck()}
            onSelect={(s, c) => void onSelect(s, c)}
            highlight={highlight}
            onHighlight={(on) => void onHighlight(on)}
          />
        ) : (
          <Text>Tạo biểu mẫu ở bước 2 trước.</Text>
        )}
      </Card>
      <Card>
        <CardHeader header={<Text weight="semibold">4. Xuất báo cáo Word</Text>} description="Theo thể thức Nghị định 30/2020/NĐ-CP, kèm phụ lục biểu mẫu." />
        {laidOut ? <ExportPanel findings={findings} canDownload={canDownload} busy={exporting} onExport={(d) => void onExport(d)} /> : <Text>Tạo biểu mẫu ở bước 2 trước.</Text>}
      </Card>
    </main>
  );
}
