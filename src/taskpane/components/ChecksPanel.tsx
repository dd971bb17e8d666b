import { Badge, Button, Link, Spinner, Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TemplateDef } from "../../core/catalog/types";
import { rowIndex } from "../../core/catalog";
import { parseSheetRef } from "../../core/layout/names";
import type { Finding } from "../../core/rules/types";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  group: { marginTop: tokens.spacingVerticalS },
  counts: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export function ChecksPanel(props: {
  template: TemplateDef;
  findings: Finding[] | undefined;
  checking: boolean;
  onCheck: () => void;
  onSelect: (sheet: string, cell: string) => void;
  highlight: boolean;
  onHighlight: (on: boolean) => void;
}) {
  const styles = useStyles();
  const { findings, template } = props;
  const rows = rowIndex(template);
  const errors = findings?.filter((f) => f.severity === "error").length ?? 0;
  const warnings = (findings?.length ?? 0) - errors;
  // Grouped by form in template order; findings arrive errors first and keep that order in each group.
  const groups = template.forms
    .map((form) => ({ form, items: (findings ?? []).filter((f) => rows.get(f.cells[0])?.form.id === form.id) }))
    .filter((g) => g.items.length);
  const general = (findings ?? []).filter((f) => !rows.get(f.cells[0]));
  return (
    <section aria-label="Kết quả kiểm tra số liệu">
      <div className={styles.counts}>
        <Button onClick={props.onCheck} disabled={props.checking}>
          Kiểm tra ngay
        </Button>
        {props.checking && <Spinner size="tiny" label="Đang kiểm tra…" />}
        {findings && (
          <Text role="status">
            <Badge color={errors ? "danger" : "success"} appearance="filled">
              {errors} lỗi
            </Badge>{" "}
            <Badge color={warnings ? "warning" : "informative"} appearance="tint">
              {warnings} cảnh báo
            </Badge>
          </Text>
        )}
      </div>
      <Switch checked={props.highlight} onChange={(_, d) => props.onHighlight(d.checked)} label="Tô màu các ô có vấn đề trên bảng tính" />
      {findings && !findings.length && <Text>Số liệu không có lỗi hay điểm cần xem lại.</Text>}
      {[...(general.length ? [{ form: undefined, items: general }] : []), ...groups].map((g) => (
        <div key={g.form?.id ?? "chung"} className={styles.group}>
          <Text as="h3" weight="semibold" size={300}>
            {g.form ? `${g.form.caption} — ${g.form.title}` : "Chung"}
          </Text>
          <ul className={styles.list}>
            {g.items.map((f, i) => {
              const where = f.addresses?.[0] ? parseSheetRef(f.addresses[0]) : undefined;
              return (
                <li key={`${f.rule}-${i}`} className={styles.item}>
                  <Badge size="medium" shape="rounded" color={f.severity === "error" ? "danger" : "warning"} aria-label={f.severity === "error" ? "Lỗi" : "Cảnh báo"}>
                    {f.severity === "error" ? "Lỗi" : "Xem lại"}
                  </Badge>
                  {where ? (
                    <Link as="button" onClick={() => props.onSelect(where.sheet, where.address)} title={`Chọn ô ${where.address} trên sheet ${where.sheet}`}>
                      {f.message}
                    </Link>
                  ) : (
                    <Text>{f.message}</Text>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
