/** The views benchmarks (issue 4): opening a 50,000-span trace and filtering 100,000 log lines. */
export async function benchViews(_opts: { open: boolean; logs: boolean }): Promise<Record<string, unknown>> {
  return {};
}
