/** The pane's layout: Excel gives it 300–350 px, so every row wraps and no child may widen the single column. */
import type { CSSProperties } from "react";

// minmax(0, 1fr): a grid track of `auto` grows to its widest child's min-content (a one-line notice made it ~930 px).
export const column: CSSProperties = { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: 10, minWidth: 0 };
export const pane: CSSProperties = { ...column, padding: 12, overflowWrap: "anywhere" };
export const stack = (gap: number): CSSProperties => ({ ...column, gap });
// A row of controls that wraps to the next line instead of pushing its last control off-screen.
export const row: CSSProperties = { display: "flex", flexWrap: "wrap", alignItems: "center", gap: 6, minWidth: 0 };
export const spread: CSSProperties = { ...row, justifyContent: "space-between", gap: 8 };
// A native select is as wide as its longest option unless it may shrink.
export const shrink: CSSProperties = { flex: "1 1 0", minWidth: 0, maxWidth: "100%" };
