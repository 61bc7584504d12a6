/**
 * `build` kept for the last argument it was called with. A request body's schema is made from the
 * policy's limits: built once per policy (the policy object stays the same while its file is
 * unchanged), not on every request. Zod compiles each object schema on its first parses, so a schema
 * built per request costs its construction and that compilation every time.
 */
export function forLastArgument<A, R>(build: (arg: A) => R): (arg: A) => R {
  let last: { readonly arg: A; readonly value: R } | null = null;
  return (arg) => {
    if (!last || last.arg !== arg) last = { arg, value: build(arg) };
    return last.value;
  };
}
