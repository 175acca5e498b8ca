import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

function render() {
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

// Inside Excel, render once Office is ready; opened in a plain browser (development), render at once.
const office = (globalThis as { Office?: { onReady: (cb: () => void) => unknown } }).Office;
if (office) void office.onReady(render);
else render();
