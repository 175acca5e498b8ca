import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createI18n } from "./providers/i18n-provider";
import { App } from "./App";

const i18n = createI18n();
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App i18n={i18n} />
  </StrictMode>,
);
