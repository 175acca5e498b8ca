/** Filters shared by the management lists (issue 20); spread into vi.ts / en.ts. */
export const vi = { listFilters: { unit: "Lọc theo đơn vị (gõ tên, không cần dấu)" } };
export const en = { listFilters: { unit: "Filter by unit (type a name)" } };
