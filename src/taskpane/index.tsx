import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";

/* global Office */
Office.onReady((info) => {
  const root = createRoot(document.getElementById("root")!);
  root.render(
    <FluentProvider theme={webLightTheme} lang="vi">
      <App host={info.host ?? null} />
    </FluentProvider>,
  );
});
