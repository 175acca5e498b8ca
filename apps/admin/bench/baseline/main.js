// Baseline for the bench: the same 233-commune payload rendered as a plain React table, no Refine, no antd.
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";

const nf = new Intl.NumberFormat("vi-VN");
const pf = new Intl.NumberFormat("vi-VN", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const root = createRoot(document.getElementById("root"));

function Table({ data }) {
  return h("table", null, h("tbody", null, data.children.map((c) =>
    h("tr", { key: c.code }, h("td", null, c.name), h("td", null, `${nf.format(c.counts.entriesDigitized)}/${nf.format(c.counts.entriesTotal)}`), h("td", null, pf.format(c.completion ?? 0)), h("td", null, c.rank)))));
}

fetch("/api/units/49/progress").then((r) => r.json()).then((data) => {
  root.render(h(Table, { data }));
  requestAnimationFrame(() => performance.mark("sohoa:dashboard-rendered"));
});
