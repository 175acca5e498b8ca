/** A page of a list as the console asks for it (Refine simple-rest: skip, take, one sort field). */
export interface Page { skip: number; take: number; orderBy: Record<string, "asc" | "desc"> }
