import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { WordApp } from "./components/WordApp";

/* global Office */
Office.onReady((info) => {
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme} lang="vi">
      {info.host === Office.HostType.Word ? <WordApp /> : <App host={info.host ?? null} />}
    </FluentProvider>,
  );
});
