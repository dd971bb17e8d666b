import { useEffect, useRef, useState } from "react";
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportInfo, TemplateDef } from "../../core/catalog/types";
import { BUILTIN_TEMPLATES, findTemplate } from "../../core/catalog";
import { defaultInfo } from "../../core/info";
import { InfoForm } from "./InfoForm";
import { createForms, excelSupported, readWorkbookState, REQUIRED_EXCEL_API } from "../workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: "640px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
});

type Status = { intent: "success" | "error" | "warning" | "info"; title: string; text: string } | undefined;

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
  const supported = props.host === Office.HostType.Excel && excelSupported();

  useEffect(() => {
    if (!supported) return;
    // The workbook, not the browser, remembers which template laid it out.
    readWorkbookState()
      .then((s) => {
        if (s.templateId && findTemplate(s.templateId)) {
          setTemplateId(s.templateId);
          setLaidOut(true);
        }
      })
      .catch((e) => setStatus({ intent: "error", title: "Không đọc được bảng tính", text: String(e?.message ?? e) }));
  }, [supported]);

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
    setBusy("Đang tạo biểu mẫu…");
    setStatus(undefined);
    try {
      const r = await createForms(template, info, imported);
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
        <MessageBar intent={status.intent} role={status.intent === "error" ? "alert" : "status"}>
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
            value={templateId}
            onChange={(_, d) => {
              setTemplateId(d.value);
              setInfo((i) => ({ ...i, upperLevel: findTemplate(d.value, imported)!.upperLevel }));
            }}
          >
            {templates.map((t) => (
              <option key={`${t.id}@${t.version}`} value={t.id}>
                {t.title} ({t.origin.province})
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
    </main>
  );
}
