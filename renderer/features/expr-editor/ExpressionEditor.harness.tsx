/**
 * A page holding one ExpressionEditor with state, for the real-browser keyboard test
 * (test/unit/expr-editor.browser.test.ts); not part of the app bundle.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ExpressionEditor } from './ExpressionEditor';

function Harness() {
  const [value, setValue] = useState('');
  const [submitted, setSubmitted] = useState<string[]>([]);
  return (
    <div style={{ width: 560, padding: 16 }}>
      <ExpressionEditor
        value={value}
        onChange={setValue}
        onSubmit={(v) => setSubmitted((s) => [...s, v])}
        suggestions={{ 'http.response.status_code': [500, 503], 'http.request.method': ['GET', 'POST'] }}
        history={['client.address in 10.0.0.0/8', 'http.method == "POST"']}
        placeholder="e.g. http.response.status_code >= 500"
        aria-label="Filter traces"
      />
      <output data-testid="submitted">{submitted.join('\n')}</output>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
