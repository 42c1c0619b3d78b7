/** Names from a closed list (event names, roles, states), checked as they arrive. Pure: no I/O. */

/** Whether `value` is one of `names`; narrows it to the list's type. */
export function isOneOf<const T extends string>(names: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (names as readonly string[]).includes(value);
}
