/** The expression editor feature: the component, the trace-list filter hook, and helpers for its owner. */
export { ExpressionEditor } from './ExpressionEditor';
export type { ExpressionEditorProps } from './ExpressionEditor';
export { filterSummaries, useExpressionFilter, useSeenValues } from './useExpressionFilter';
export type { ExpressionFilter } from './useExpressionFilter';
export { rememberExpression } from './editor-model';
