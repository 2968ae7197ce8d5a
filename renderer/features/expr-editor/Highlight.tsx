/**
 * The coloured layer behind the transparent input: one span per segment, as text nodes only, so trace
 * data typed or pasted into the filter can never become markup.
 */
import type { Ref } from 'react';
import type { Segment } from './editor-model';

export function Highlight({ segments, ref }: { segments: Segment[]; ref?: Ref<HTMLDivElement> }) {
  return (
    <div ref={ref} className="ktv-expr__highlight" aria-hidden="true">
      {segments.map((s, i) => (
        <span key={i} className={`ktv-expr__tok ktv-expr__tok--${s.kind}${s.error ? ' ktv-expr__tok--squiggle' : ''}`}>
          {s.text}
        </span>
      ))}
    </div>
  );
}
