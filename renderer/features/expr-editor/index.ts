/** The expression editor feature: the component, the trace-list filter hook, and helpers for its owner. */
export { ExpressionEditor } from './ExpressionEditor';
export { useExpressionFilter, useSeenValues } from './useExpressionFilter';
export { rememberExpression } from './editor-model';
