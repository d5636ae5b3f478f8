import { describe, expect, it } from 'vitest';
import type { PermissionGroupView } from '../../../../../shared/ipc/users';
import { ALWAYS_GIVEN, groupState, mayGive, permissionsToSend, toggleGroup, toggleOne } from './permission-grid';

// Pterodactyl's nested map and Pelican's flat list, as core's normalizer hands them over.
const PTERODACTYL: PermissionGroupView[] = [
  { name: 'websocket', description: 'Allows the user to connect…', permissions: [{ key: 'websocket.connect', description: 'Connect.' }] },
  {
    name: 'database',
    description: 'Database management.',
    permissions: [
      { key: 'database.read', description: 'View.' },
      { key: 'database.view_password', description: 'See the password.' },
    ],
  },
];
const PELICAN: PermissionGroupView[] = [
  { name: 'websocket', description: null, permissions: [{ key: 'websocket.connect', description: null }] },
  {
    name: 'database',
    description: null,
    permissions: [
      { key: 'database.read', description: null },
      { key: 'database.view-password', description: null },
    ],
  },
];
const subuser = (permissions: string[]) => ({ isOwner: false, permissions });

describe.each([
  ['pterodactyl', PTERODACTYL, 'database.view_password'],
  ['pelican', PELICAN, 'database.view-password'],
] as const)('the permission grid on %s', (_flavor, groups, viewPassword) => {
  const database = groups[1]!;

  it("the group box selects all, then clears all, of what the key's user may give", () => {
    const all = toggleGroup(database, new Set(), null);
    expect([...all].sort()).toEqual(['database.read', viewPassword].sort());
    expect(groupState(database, all, null)).toBe('all');
    expect(toggleGroup(database, all, null).size).toBe(0);
    expect(groupState(database, new Set(['database.read']), null)).toBe('some');
  });

  it('a permission the key lacks cannot be switched, even by the group box', () => {
    const held = subuser(['database.read']);
    expect(mayGive(held, viewPassword)).toBe(false);
    const next = toggleGroup(database, new Set(), held);
    expect([...next]).toEqual(['database.read']);
    expect(groupState(database, next, held)).toBe('all');
  });

  it('websocket.connect is always sent and never switched; the order is the panel’s', () => {
    expect(mayGive(null, ALWAYS_GIVEN)).toBe(false);
    expect(permissionsToSend(groups, toggleOne(new Set([viewPassword]), 'database.read'))).toEqual([ALWAYS_GIVEN, 'database.read', viewPassword]);
    expect(permissionsToSend(groups, new Set())).toEqual([ALWAYS_GIVEN]);
  });
});
