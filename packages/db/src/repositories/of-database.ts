/** The repositories written against Prisma's client, for callers that hold a Database (the server hands no client around). */
import type { Database } from "../connection";
import { seedReferenceData } from "../reference-data";
import { carryAcrossReform, carryPlansAcrossReform, importSuccessors, type SuccessorLink } from "./successors";
import { importUnitRegistry, type RegistryNode } from "./unit-import";
import { templateInputs } from "./template-inputs";

export const seedReference = (db: Database) => seedReferenceData(db.prisma);
export const importRegistry = (db: Database, registry: RegistryNode[], effectiveIso: string, opts: { dryRun?: boolean } = {}) => importUnitRegistry(db.prisma, registry, effectiveIso, opts);
export const importReformLinks = (db: Database, links: SuccessorLink[], effectiveIso: string, opts: { dryRun?: boolean } = {}) => importSuccessors(db.prisma, links, effectiveIso, opts);
export const carryReform = (db: Database, effectiveIso: string, successorIds?: string[]) => carryAcrossReform(db.prisma, effectiveIso, successorIds);
export const templateInputsOf = (db: Database, code: string, date: string, figuresDate: string) => templateInputs(db.prisma, code, date, figuresDate);
export const carryPlans = (db: Database, effectiveIso: string) => carryPlansAcrossReform(db.prisma, effectiveIso);
