/** The exact Kong settings that point a gateway at the receiver, with a copy button. */
import { useState } from 'react';
import { kongSettings } from '../../../shared/capture/kong-config';

export function KongSettingsBox({ url }: { url: string }) {
  const settings = kongSettings(url);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = (): void => {
    navigator.clipboard.writeText(settings.all).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <section className="capture-settings" aria-label="Kong settings">
      <div className="capture-settings-head">
        <h3>Point your gateway here</h3>
        <button type="button" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy settings'}
        </button>
      </div>
      {copied === 'failed' && <p className="capture-error">Could not copy: select the text below and copy it by hand.</p>}
      <p className="muted">kong.conf (then restart Kong):</p>
      <pre data-testid="capture-kong-conf">{settings.kongConf}</pre>
      <p className="muted">opentelemetry plugin (decK):</p>
      <pre data-testid="capture-plugin-config">{settings.deck}</pre>
      <details>
        <summary className="muted">or with the Admin API</summary>
        <pre>{settings.adminApi}</pre>
      </details>
      <p className="muted">
        A gateway in Docker reaches this computer as <code>host.docker.internal</code>, not 127.0.0.1; that needs listening beyond
        loopback.
      </p>
    </section>
  );
}
