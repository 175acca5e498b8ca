/** Role-based visibility of menus and buttons. The server enforces scope; this only avoids offering what would be refused. */
import type { AccessControlProvider } from "@refinedev/core";
import { RESOURCE_DEFS } from "../config/resources";
import type { Role } from "@sohoa/contract";
import { readSession } from "./session";

const READ_ACTIONS = new Set(["list", "show", "field"]);

export function canAccess(role: Role | undefined, resource: string | undefined, action: string): boolean {
  if (!role) return false;
  const def = RESOURCE_DEFS.find((d) => d.name === resource);
  if (!def) return true;
  if (!def.roles.includes(role)) return false;
  if (READ_ACTIONS.has(action)) return true;
  return (def.writeRoles ?? def.roles).includes(role);
}

export function createAccessControlProvider(): AccessControlProvider {
  return {
    can: async ({ resource, action }) => ({ can: canAccess(readSession()?.user.role, resource, action) }),
    options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
  };
}
