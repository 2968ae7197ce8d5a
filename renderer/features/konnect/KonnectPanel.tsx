/** Konnect account and sessions (issue 6): placeholder until that feature lands. */
export function KonnectPanel() {
  return null;
}
